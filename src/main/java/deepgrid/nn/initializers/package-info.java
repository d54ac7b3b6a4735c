/** One class per weight initializer; the fan-based ones follow PyTorch's formulas (plain normal, not truncated). */
package deepgrid.nn.initializers;
