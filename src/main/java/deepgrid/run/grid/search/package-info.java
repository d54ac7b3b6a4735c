/**
 * Hyperparameter search, the pure core (design/search.md): the {@code search:} block bound
 * into a {@link deepgrid.run.grid.search.SearchSpec}; the {@link deepgrid.run.grid.search.Search}
 * whose trial i is a pure function of (seed, i, results ≤ i − window) through random, qmc,
 * grid or TPE sampling; pruning as a {@link deepgrid.run.grid.search.StopRule} fixed when a
 * trial starts; confirmation statistics, PED-ANOVA importance and the result tables after
 * the budget. No files, threads or clocks: the sweep feeds it results read from run folders.
 */
package deepgrid.run.grid.search;
