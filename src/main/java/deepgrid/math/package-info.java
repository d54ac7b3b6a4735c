/** What Commons-Math lacks: a flat row-major matrix, the one product kernel, element-wise ops, the seeded Rng, argument checks. */
package deepgrid.math;
