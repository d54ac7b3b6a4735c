package deepgrid.nn;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Layers in order and the loss fused with the output activation. Order of use in
 * training: {@link #scores} in {@link Phase#TRAIN}, then {@link #gradients} (or
 * {@link #backward}, which also returns dL/dx) with the batch's targets, which leaves
 * every parameter's gradient of the data loss in place.
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

    /**
     * The last layer's raw outputs (batch × outWidth), before the loss's output activation.
     * Layers reuse their buffers: read the result before the next pass.
     */
    public RealMatrix scores(RealMatrix x, Phase phase) {
        RealMatrix a = x;
        for (Layer layer : layers) {
            a = layer.forward(a, phase);
        }
        return a;
    }

    /** The prediction in evaluation mode: output activation applied (softmax probabilities, ...). */
    public RealMatrix predict(RealMatrix x) {
        return loss.output(scores(x, Phase.EVAL));
    }

    /** Backpropagates the loss of the last forward pass; returns dL/dx of the input. */
    public RealMatrix backward(RealMatrix scores, RealMatrix targets) {
        RealMatrix d = loss.gradient(scores, targets);
        for (int i = layers.size() - 1; i >= 0; i--) {
            d = layers.get(i).backward(d);
        }
        return d;
    }

    /**
     * Backpropagates like {@link #backward} but stops at the first layer's parameter
     * gradients: training has no use for dL/dx of the data, and skipping it saves the first
     * layer's dOut·Wᵀ (batch × inputs, the widest product on image data).
     */
    public void gradients(RealMatrix scores, RealMatrix targets) {
        RealMatrix d = loss.gradient(scores, targets);
        for (int i = layers.size() - 1; i > 0; i--) {
            d = layers.get(i).backward(d);
        }
        layers.get(0).backwardParams(d);
    }

    /** Mean data loss of (x, targets) in the given phase. */
    public double loss(RealMatrix x, RealMatrix targets, Phase phase) {
        return loss.value(scores(x, phase), targets);
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
