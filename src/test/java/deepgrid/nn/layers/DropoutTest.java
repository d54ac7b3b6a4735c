package deepgrid.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.math.FlatMatrix;
import deepgrid.math.Rng;
import deepgrid.nn.Phase;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropoutTest {
    private static final int ROWS = 200;
    private static final int COLS = 50;

    @Test
    void evalIsTheIdentity() {
        Dropout d = new Dropout(0.5, COLS, new Rng(1));
        FlatMatrix x = ones();
        assertSame(x, d.forward(x, Phase.EVAL));
        FlatMatrix g = ones();
        assertSame(g, d.backward(g, true));
    }

    @Test
    void trainKeepsAboutOneMinusPAndPreservesTheMean() {
        double p = 0.3;
        double[] y = FlatMatrix.of(new Dropout(p, COLS, new Rng(2)).forward(ones(), Phase.TRAIN)).data();
        long kept = Arrays.stream(y).filter(v -> v != 0).count();
        // 10 000 Bernoulli(0.7) draws: the standard deviation of the kept fraction is 0.0046; allow 4
        assertEquals(0.7, (double) kept / y.length, 0.02);
        assertTrue(Arrays.stream(y).allMatch(v -> v == 0 || v == 1 / (1 - p)), "kept units are scaled by 1/(1 − p)");
        // inverted dropout: E[y] = x = 1 (the mean is the kept fraction / 0.7, 0.0066 standard deviation)
        assertEquals(1.0, Arrays.stream(y).average().orElseThrow(), 0.03);
    }

    @Test
    void backwardUsesTheSameMask() {
        Dropout d = new Dropout(0.5, COLS, new Rng(3));
        double[] y = FlatMatrix.of(d.forward(ones(), Phase.TRAIN)).data();
        double[] dx = FlatMatrix.of(d.backward(ones(), true)).data();
        assertArrayEquals(y, dx, 0.0); // for x = dOut = 1 both are the mask itself
    }

    @Test
    void freezingReusesTheLastMask() {
        Dropout d = new Dropout(0.5, COLS, new Rng(4));
        // a layer's output is its buffer, overwritten by its next pass: tests that keep one copy it
        double[] first = FlatMatrix.of(d.forward(ones(), Phase.TRAIN)).data().clone();
        double[] second = FlatMatrix.of(d.forward(ones(), Phase.TRAIN)).data().clone();
        assertFalse(Arrays.equals(first, second), "a fresh mask per batch");
        d.freezeRandomness();
        double[] third = FlatMatrix.of(d.forward(ones(), Phase.TRAIN)).data();
        assertArrayEquals(second, third, 0.0);
    }

    @Test
    void probabilityIsChecked() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0, COLS, new Rng(5)));
        assertEquals("p: found 1, expected a finite number ≥ 0 and < 1", e.getMessage());
        double[] y = FlatMatrix.of(new Dropout(0.0, COLS, new Rng(5)).forward(ones(), Phase.TRAIN)).data();
        assertTrue(Arrays.stream(y).allMatch(v -> v == 1.0), "p = 0 drops nothing");
    }

    private static FlatMatrix ones() {
        double[] d = new double[ROWS * COLS];
        Arrays.fill(d, 1.0);
        return new FlatMatrix(ROWS, COLS, d);
    }
}
