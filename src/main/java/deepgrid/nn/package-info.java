/**
 * The network: layers that each {@code forward(x, phase)} and {@code backward(dOut, inputGradient)},
 * parameters carried beside their gradients ({@link deepgrid.nn.Param}), the loss fused with
 * its output activation, the weight {@link deepgrid.nn.Penalty}, and the finite-difference
 * {@link deepgrid.nn.GradientCheck}. Never imports YAML, CSV or file code.
 */
package deepgrid.nn;
