/** A run: its resolved spec, seed, grid coordinates and stable id (RunSpec), and how it ended (RunResult). */
package deepgrid.run;
