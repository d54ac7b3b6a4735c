/** One class per loss, each fused with its output activation (softmax + cross-entropy has gradient y − t). */
package deepgrid.nn.losses;
