/** One class per optimizer, each with its paper in its doc; learning-rate schedules; weight penalties and clipping. */
package deepgrid.nn.optimizers;
