/** Reads a results folder back from its run folders and writes summary.csv (per grid point), comparisons.csv (paired tests between neighbouring points) and report.html (one self-contained page of tables, curves and per-layer diagnostics). */
package deepgrid.report;
