/** Experiment tree → ordered list of run points (grid × variants × repeats); pure, no I/O. */
package deepgrid.run.grid;
