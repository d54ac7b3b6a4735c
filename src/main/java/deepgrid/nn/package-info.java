/**
 * The network: layers that each {@code forward(x, phase)} and {@code backward(dOut)},
 * parameters carried beside their gradients ({@link deepgrid.nn.Param}), the loss fused
 * with its output activation, and the finite-difference {@link deepgrid.nn.GradientCheck}.
 * Never imports YAML, CSV or file code.
 */
package deepgrid.nn;
