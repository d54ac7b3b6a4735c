package deepgrid.nn.initializers;

import deepgrid.math.Rng;
import deepgrid.nn.Initializer;

/**
 * LeCun uniform: U[−√(3/fan_in), √(3/fan_in)), which has variance 1/fan_in like
 * {@link LecunNormal} (a uniform on [−a, a] has variance a²/3); LeCun et al. 1998,
 * "Efficient BackProp". Same as PyTorch's {@code kaiming_uniform_(nonlinearity='linear')}.
 */
public record LecunUniform() implements Initializer {
    @Override
    public void fill(double[] values, int fanIn, int fanOut, Rng rng) {
        double limit = Math.sqrt(3.0 / Draw.fan("fanIn", fanIn));
        Draw.uniform(values, -limit, limit, rng);
    }

    @Override
    public String name() {
        return "lecun_uniform";
    }
}
