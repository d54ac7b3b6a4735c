package deepgrid.run.grid.search;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal distribution truncated to [a, b], computed in log space so that a
 * kernel far from a bound keeps its mass: Φ(b) − Φ(a) for a = 8, b = 9 is 6e−16 − 1e−19 in
 * exact arithmetic but 1 − 1 = 0 after rounding, and its log must still be about −35.
 * A port of the maths of Optuna's {@code samplers/_tpe/_truncnorm.py}, itself taken from
 * SciPy's {@code truncnorm} (BSD); checked against SciPy and mpmath in TruncNormTest.
 * Arguments are in standard units: a = (low − μ)/σ, b = (high − μ)/σ.
 */
final class TruncNorm {
    private static final double SQRT2 = Math.sqrt(2);
    /** log √(2π), the normal density's normalising constant. */
    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOGISTIC_SCALE = Math.sqrt(3) / Math.PI;

    private TruncNorm() {
    }

    /** Φ(a), choosing erf or erfc so the small side of the distribution keeps its precision. */
    static double ndtr(double a) {
        double x = a / SQRT2;
        if (x < -1 / SQRT2) {
            return 0.5 * Erf.erfc(-x);
        }
        if (x < 1 / SQRT2) {
            return 0.5 + 0.5 * Erf.erf(x);
        }
        return 1.0 - 0.5 * Erf.erfc(x);
    }

    /**
     * log Φ(a) by a three-case rule: right of 0, log1p(−Φ(−a)), which keeps the digits of the
     * small tail; from −20 to 0, log of Φ directly; below −20, where Φ nears the smallest
     * double, the asymptotic series log Φ(a) = −a²/2 − log(−a) − log √(2π) + log(1 − 1/a² +
     * 3/a⁴ − …). Optuna's rule differs right of 0 (−Φ(−a) above 6, log Φ(a) below), which is
     * off by ½Φ(−a) relative (2.6e−10 at a = 6.1); log1p is exact there.
     */
    static double logNdtr(double a) {
        if (a > 0) {
            return Math.log1p(-ndtr(-a));
        }
        if (a > -20) {
            return Math.log(ndtr(a));
        }
        double logLeft = -0.5 * a * a - Math.log(-a) - LOG_SQRT_2PI;
        double total = 1.0;
        double last = 0.0;
        double numerator = 1.0;
        double denominator = 1.0;
        double inverseSquare = 1 / (a * a);
        double sign = 1;
        for (int i = 1; Math.abs(last - total) > Math.ulp(1.0); i++) {
            last = total;
            sign = -sign;
            denominator *= inverseSquare;
            numerator *= 2 * i - 1;
            total += sign * numerator * denominator;
        }
        return logLeft + Math.log(total);
    }

    /**
     * log(Φ(b) − Φ(a)) for a ≤ b. Both bounds left of 0: a difference of logs; both right:
     * the mirror image (the left tail is the accurate one); straddling 0: log1p of minus the
     * two tails when they are small (a wide interval). For a narrow interval around 0 the
     * tails sum to nearly 1 and that cancels (Optuna's formula loses 1e−10 at width 2e−8), so
     * there the mass is ½·(erf(b/√2) + erf(−a/√2)), two positive terms that cannot cancel.
     */
    static double logGaussMass(double a, double b) {
        if (b <= 0) {
            return logDiff(logNdtr(b), logNdtr(a));
        }
        if (a > 0) {
            return logDiff(logNdtr(-a), logNdtr(-b));
        }
        double tails = ndtr(a) + ndtr(-b);
        if (tails < 0.5) {
            return Math.log1p(-tails);
        }
        return Math.log(0.5 * (Erf.erf(b / SQRT2) + Erf.erf(-a / SQRT2)));
    }

    /** log of the density at x of the standard normal truncated to [a, b]; −∞ outside. */
    static double logPdf(double x, double a, double b) {
        if (x < a || x > b) {
            return Double.NEGATIVE_INFINITY;
        }
        return -0.5 * x * x - LOG_SQRT_2PI - logGaussMass(a, b);
    }

    /**
     * The q-quantile of the standard normal truncated to [a, b]: the x with
     * Φ(x) = Φ(a) + q·(Φ(b) − Φ(a)), solved in log space on the left tail (mirrored when
     * a ≥ 0), clipped into [a, b] against the last rounding.
     */
    static double ppf(double q, double a, double b) {
        if (q <= 0) {
            return a;
        }
        if (q >= 1) {
            return b;
        }
        double logMass = logGaussMass(a, b);
        double x;
        if (a < 0) {
            x = ndtriExp(logAddExp(logNdtr(a), Math.log(q) + logMass));
        } else {
            x = -ndtriExp(logAddExp(logNdtr(-b), Math.log1p(-q) + logMass));
        }
        return Math.min(b, Math.max(a, x));
    }

    /**
     * The x with log Φ(x) = y (y ≤ 0), by Newton's method from an asymptotic first guess (as
     * Optuna's {@code _ndtri_exp}); for y near 0 it solves the mirrored problem
     * log Φ(−x) = log(1 − e^y), where the precision is.
     */
    static double ndtriExp(double y) {
        boolean flipped = y > -1e-2;
        double z = flipped ? Math.log(-Math.expm1(y)) : y;
        double x = z < -5 ? -Math.sqrt(-2.0 * (z + LOG_SQRT_2PI)) // log Φ(x) ≈ −x²/2 − log √(2π) far left
                : -LOGISTIC_SCALE * Math.log(Math.expm1(-z)); // Φ ≈ the logistic CDF with scale √3/π
        for (int i = 0; i < 100; i++) {
            double logPhi = logNdtr(x);
            double logDensity = -0.5 * x * x - LOG_SQRT_2PI;
            double dx = (logPhi - z) * Math.exp(logPhi - logDensity); // f/f' with f = log Φ(x) − z
            x -= dx;
            if (Math.abs(dx) <= 1e-15 * Math.max(1.0, Math.abs(x))) {
                break;
            }
        }
        return flipped ? -x : x;
    }

    /** log(e^p − e^q) for p ≥ q. */
    static double logDiff(double logP, double logQ) {
        return logP + Math.log1p(-Math.exp(logQ - logP));
    }

    /** log(e^p + e^q) without overflow. */
    static double logAddExp(double logP, double logQ) {
        double max = Math.max(logP, logQ);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(Math.min(logP, logQ) - max));
    }
}
