/**
 * The only code that knows YAML: a tree of nodes with file:line:col, {@code --set} and
 * grid paths, and the binding of that tree into immutable validated specs, reporting
 * every problem at once with "did you mean".
 */
package deepgrid.config;
