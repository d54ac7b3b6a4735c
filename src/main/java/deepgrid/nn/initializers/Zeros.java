package deepgrid.nn.initializers;

import deepgrid.math.Rng;
import deepgrid.nn.Initializer;
import java.util.Arrays;

/** All zeros: the usual bias start; for weights it makes every unit of a layer identical (symmetry is never broken). */
public record Zeros() implements Initializer {
    @Override
    public void fill(double[] values, int fanIn, int fanOut, Rng rng) {
        Arrays.fill(values, 0.0);
    }

    @Override
    public String name() {
        return "zeros";
    }
}
