package deepgrid.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.math.FlatMatrix;
import deepgrid.math.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The penalty's value by hand, and its gradient against central finite differences of its value. */
class PenaltyTest {
    private static List<Param> handParams() {
        Param w = new Param("W", Param.Role.WEIGHT, FlatMatrix.of(new double[][] {{1, -2}, {0, 3}}));
        Param b = new Param("b", Param.Role.BIAS, FlatMatrix.of(new double[][] {{5, -5}}));
        return List.of(w, b);
    }

    @Test
    void valueByHandCountsWeightsOnly() {
        // ½·0.01·(1 + 4 + 0 + 9) + 0.1·(1 + 2 + 0 + 3) = 0.07 + 0.6; the bias (5, −5) is ignored
        assertEquals(0.67, new Penalty(0.1, 0.01).value(handParams()), 1e-15);
        assertEquals(0.0, Penalty.NONE.value(handParams()));
    }

    @Test
    void gradientByHandAddsToWeightGradsOnly() {
        List<Param> params = handParams();
        params.get(0).grad().data()[0] = 1.0; // addGradient adds to what backward wrote
        new Penalty(0.1, 0.01).addGradient(params);
        // l2·W + l1·sign(W), with sign(0) = 0
        assertArrayEquals(new double[] {1 + 0.01 + 0.1, -0.02 - 0.1, 0, 0.03 + 0.1},
                params.get(0).grad().data(), 1e-15);
        assertArrayEquals(new double[] {0, 0}, params.get(1).grad().data());
    }

    @Test
    void gradientMatchesFiniteDifferencesOfValue() {
        Rng rng = new Rng(11);
        Param w = new Param("W", Param.Role.WEIGHT, new FlatMatrix(4, 3));
        Param b = new Param("b", Param.Role.BIAS, new FlatMatrix(1, 3));
        for (int i = 0; i < w.size(); i++) {
            // keep |w| ≥ 0.1 so w ± h never crosses the kink of |w| at 0
            double magnitude = 0.1 + rng.nextDouble();
            w.value().data()[i] = rng.nextDouble() < 0.5 ? -magnitude : magnitude;
        }
        List<Param> params = List.of(w, b);
        Penalty penalty = new Penalty(0.03, 0.2);
        penalty.addGradient(params);
        double h = 1e-6;
        for (int i = 0; i < w.size(); i++) {
            double[] x = w.value().data();
            double saved = x[i];
            x[i] = saved + h;
            double up = penalty.value(params);
            x[i] = saved - h;
            double down = penalty.value(params);
            x[i] = saved;
            double numeric = (up - down) / (2 * h);
            double analytic = w.grad().data()[i];
            double relative = Math.abs(numeric - analytic) / Math.max(Math.abs(numeric), Math.abs(analytic));
            assertTrue(relative < 1e-6, "dW[" + i + "]: analytic " + analytic + ", numeric " + numeric);
        }
    }

    @Test
    void negativeStrengthsAreRejected() {
        assertEquals("l2: found -1e-4, expected a finite number ≥ 0",
                assertThrows(IllegalArgumentException.class, () -> new Penalty(0, -1e-4)).getMessage());
    }
}
