/** Owns the results layout (results/NAME/runs.csv, runs/RUN/...); every write is atomic or whole-row. */
package deepgrid.run.results;
