package deepgrid.run.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast six-significant-digit rounding of the diagnostics files equals BigDecimal's, value for value. */
class SixDigitsTest {
    private static double exact(double v) {
        return Double.isFinite(v) && v != 0 ? new BigDecimal(v).round(new MathContext(6)).doubleValue() : v;
    }

    @Test
    void equalsBigDecimalOnSeededValuesOfEveryMagnitude() {
        SplittableRandom r = new SplittableRandom(20261130);
        for (int i = 0; i < 1_000_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextDouble(); // probabilities
                case 1 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-30, 30));
                case 2 -> Double.longBitsToDouble(r.nextLong()); // any bit pattern
                default -> Math.round(r.nextDouble() * 1e7) / 1e7 + 5e-7 * r.nextInt(-2, 3); // near ties
            };
            assertEquals(exact(v), Columns.sixDigits(v), () -> "v = " + v);
        }
    }

    @Test
    void tiesPowersOfTenAndSpecialValues() {
        double[] cases = {0.5078125, -0.5078125, 1234565, 0.1234565, 999999.5, 9999995, 1e-7, 1e22, 1e23, 1e-300,
            Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0.0, -0.0, 1.0, 100000, 99999.95, 0.999999999,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double v : cases) {
            assertEquals(exact(v), Columns.sixDigits(v), () -> "v = " + v);
        }
    }
}
