package deepgrid.nn.activations;

import deepgrid.nn.Activation;
import org.apache.commons.math3.special.Erf;

/**
 * Gaussian error linear unit, f(z) = z·Φ(z) with Φ the standard normal CDF (Hendrycks
 * &amp; Gimpel 2016, arXiv:1606.08415): the input weighted by how likely it is to be larger
 * than Gaussian noise; the unit of BERT and GPT. This is the exact erf form, PyTorch's
 * default ({@code approximate='none'}), not the tanh approximation.
 */
public record Gelu() implements Activation {
    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    @Override
    public double apply(double z) {
        return z * cdf(z);
    }

    /** f'(z) = Φ(z) + z·φ(z), with φ the standard normal density. */
    @Override
    public double derivative(double z, double y) {
        return cdf(z) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    @Override
    public String name() {
        return "gelu";
    }

    /** Φ(z) = erfc(−z/√2) / 2; erfc rather than 1 + erf keeps the precision of the left tail. */
    private static double cdf(double z) {
        return 0.5 * Erf.erfc(-z * INV_SQRT2);
    }
}
