/** The epoch loop of one run: batches, optimizer steps, evaluation passes, early stopping, divergence; knows nothing of grids or files. */
package deepgrid.train;
