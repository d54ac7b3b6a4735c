package deepgrid.nn.initializers;

import deepgrid.math.Rng;
import deepgrid.nn.Initializer;

/**
 * Xavier (Glorot) uniform: U[−√(6/(fan_in+fan_out)), √(6/(fan_in+fan_out))), variance
 * 2/(fan_in+fan_out) like {@link XavierNormal}; this is the "normalized initialization"
 * of Glorot & Bengio 2010, eq. 16. Same as PyTorch's {@code xavier_uniform_}.
 * Note: many textbooks call std √(1/fan_in) "Xavier"; that is {@link LecunNormal} here.
 */
public record XavierUniform() implements Initializer {
    @Override
    public void fill(double[] values, int fanIn, int fanOut, Rng rng) {
        int fans = Draw.fan("fanIn", fanIn) + Draw.fan("fanOut", fanOut);
        double limit = Math.sqrt(6.0 / fans);
        Draw.uniform(values, -limit, limit, rng);
    }

    @Override
    public String name() {
        return "xavier_uniform";
    }
}
