package deepgrid.nn.initializers;

import deepgrid.math.Rng;
import deepgrid.nn.Initializer;
import java.util.Arrays;

/**
 * Every entry equals {@code value}. Useful for biases (e.g. a small positive bias so
 * ReLU units start active); for weights it keeps all units of a layer identical, so
 * symmetry is never broken — a classic demonstration of why initial weights are random.
 */
public record Constant(double value) implements Initializer {
    public Constant {
        Draw.finite("value", value);
    }

    @Override
    public void fill(double[] values, int fanIn, int fanOut, Rng rng) {
        Arrays.fill(values, value);
    }

    @Override
    public String name() {
        return "constant";
    }
}
