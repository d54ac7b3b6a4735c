/** One class per element-wise activation; softmax lives fused in the cross-entropy loss. */
package deepgrid.nn.activations;
