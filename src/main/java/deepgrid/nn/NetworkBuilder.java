package deepgrid.nn;

import deepgrid.math.Rng;
import java.util.ArrayList;
import java.util.List;

/** Turns layer specs into a {@link Network}: widths chained from the input, weights drawn from the run's "init" generator. */
public final class NetworkBuilder {
    private NetworkBuilder() {
    }

    /** Builds the network for inputs of {@code inWidth} features; {@code rng} is the run's generator. */
    public static Network build(List<LayerSpec> specs, Loss loss, int inWidth, Rng rng) {
        Rng init = rng.split("init");
        Rng dropout = rng.split("dropout");
        List<Layer> layers = new ArrayList<>();
        int width = inWidth;
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec s = specs.get(i);
            layers.addAll(s.build(new LayerSpec.Context("layer" + (i + 1), width, init, dropout)));
            width = s.outWidth(width);
        }
        return new Network(layers, loss);
    }

    /** Output width of the stack for a given input width. */
    public static int outWidth(List<LayerSpec> specs, int inWidth) {
        int width = inWidth;
        for (LayerSpec s : specs) {
            width = s.outWidth(width);
        }
        return width;
    }
}
