/** Reads a results folder back from its run folders and writes summary.csv (per grid point) and comparisons.csv (paired tests between neighbouring points). */
package deepgrid.report;
