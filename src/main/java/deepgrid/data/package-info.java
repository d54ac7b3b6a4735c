/** Train/validation/test {@link deepgrid.data.Dataset}s, the {@link deepgrid.data.DataSource} contract, and the loader that limits, splits and normalizes them (fitted on the training split only). */
package deepgrid.data;
