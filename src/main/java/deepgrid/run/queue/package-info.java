/** Files and folders → one queue of runs; skips finished runs; runs them serially or in parallel; reports progress. */
package deepgrid.run.queue;
