package deepgrid.nn.initializers;

import deepgrid.math.Check;
import deepgrid.math.Range;
import deepgrid.math.Rng;

/** The two distributions every initializer draws from, and the fan check the fan-based ones share. */
final class Draw {
    private Draw() {
    }

    /** Fills {@code values} from N(mean, std²): plain, not truncated, as PyTorch's {@code normal_}. */
    static void normal(double[] values, double mean, double std, Rng rng) {
        for (int i = 0; i < values.length; i++) {
            values[i] = mean + std * rng.nextGaussian();
        }
    }

    /** Fills {@code values} from U[low, high), as PyTorch's {@code uniform_}. */
    static void uniform(double[] values, double low, double high, Rng rng) {
        double width = high - low;
        for (int i = 0; i < values.length; i++) {
            values[i] = low + width * rng.nextDouble();
        }
    }

    /** {@code fan} if it is ≥ 1; a fan of 0 would make the fan-based scales infinite. */
    static int fan(String name, int fan) {
        return Check.in(name, fan, Range.atLeast(1));
    }

    /** {@code value} if it is finite. */
    static double finite(String name, double value) {
        return Check.in(name, value, Range.ANY);
    }
}
