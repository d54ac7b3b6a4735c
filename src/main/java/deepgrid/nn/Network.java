package deepgrid.nn;

import deepgrid.math.FlatMatrix;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Layers in order and the loss fused with the output activation. Order of use in
 * training: {@link #scores} in {@link Phase#TRAIN}, then {@link #backward} with the batch's
 * targets, which leaves every parameter's gradient of the data loss in place, beside its
 * value ({@link Param#grad()}), for the penalty and the optimizer to use.
 *
 * <p>Every matrix a Network returns is the caller's to keep: the layers' buffers, which
 * they reuse from batch to batch, stay inside the layers.
 */
public final class Network {
    private final List<Layer> layers;
    private final Loss loss;
    private final List<Param> params;

    public Network(List<Layer> layers, Loss loss) {
        this.layers = List.copyOf(layers);
        this.loss = loss;
        List<Param> all = new ArrayList<>();
        for (Layer layer : this.layers) {
            all.addAll(layer.params());
        }
        this.params = List.copyOf(all);
    }

    /** The last layer's raw outputs (batch × outWidth), before the loss's output activation. */
    public RealMatrix scores(RealMatrix x, Phase phase) {
        return forward(x, phase).copy();
    }

    /** The prediction in evaluation mode: output activation applied (softmax probabilities, ...). */
    public RealMatrix predict(RealMatrix x) {
        return loss.output(forward(x, Phase.EVAL)); // a new matrix: see Loss.output
    }

    /** Every layer's output for x, in order (layer i's output is the input of layer i + 1). */
    public List<RealMatrix> layerOutputs(RealMatrix x, Phase phase) {
        List<RealMatrix> outputs = new ArrayList<>(layers.size());
        RealMatrix a = x;
        for (Layer layer : layers) {
            a = layer.forward(a, phase);
            outputs.add(FlatMatrix.of(a).copy());
        }
        return outputs;
    }

    /** Mean data loss of (x, targets) in the given phase. */
    public double loss(RealMatrix x, RealMatrix targets, Phase phase) {
        return loss.value(forward(x, phase), targets);
    }

    /**
     * Backpropagates the loss of the last forward pass (whose {@code scores} are given):
     * writes every parameter's gradient. The first layer is told that dL/dx of the data is
     * not wanted, which saves its dOut·Wᵀ (batch × inputs, the widest product on image data).
     */
    public void backward(RealMatrix scores, RealMatrix targets) {
        backpropagate(scores, targets, false);
    }

    /** Like {@link #backward}, and returns dL/dx of the input too (for the gradient check). */
    public RealMatrix backwardToInput(RealMatrix scores, RealMatrix targets) {
        return FlatMatrix.of(backpropagate(scores, targets, true)).copy();
    }

    private RealMatrix backpropagate(RealMatrix scores, RealMatrix targets, boolean inputGradient) {
        RealMatrix d = loss.gradient(scores, targets);
        for (int i = layers.size() - 1; i >= 0; i--) {
            d = layers.get(i).backward(d, i > 0 || inputGradient);
        }
        return d;
    }

    /** The forward pass; the result is the last layer's buffer. */
    private FlatMatrix forward(RealMatrix x, Phase phase) {
        RealMatrix a = x;
        for (Layer layer : layers) {
            a = layer.forward(a, phase);
        }
        return FlatMatrix.of(a);
    }

    public List<Layer> layers() {
        return layers;
    }

    public Loss lossFunction() {
        return loss;
    }

    /** Every learnable parameter, layer by layer. */
    public List<Param> params() {
        return params;
    }

    /** Output width of the last layer. */
    public int outWidth() {
        return layers.get(layers.size() - 1).outWidth();
    }

    /** See {@link Layer#freezeRandomness()}. */
    public void freezeRandomness() {
        layers.forEach(Layer::freezeRandomness);
    }

    /** "dense(8) → tanh → dense(1) | binary_cross_entropy". */
    public String describe() {
        StringBuilder s = new StringBuilder();
        for (Layer layer : layers) {
            s.append(s.length() == 0 ? "" : " → ").append(layer.describe());
        }
        return s.append(" | ").append(loss.name()).toString();
    }
}
