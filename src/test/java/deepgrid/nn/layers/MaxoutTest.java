package deepgrid.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deepgrid.math.FlatMatrix;
import deepgrid.math.Rng;
import deepgrid.nn.Initializer;
import deepgrid.nn.Param;
import deepgrid.nn.Phase;
import deepgrid.nn.initializers.Zeros;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 2 inputs → 2 units × 2 pieces with hand-set weights; column u·pieces + k is piece k of unit u. */
class MaxoutTest {
    private static final double[] W = {
        1, -1, 0, 2,
        0, 0, 1, 1};
    private static final FlatMatrix X = FlatMatrix.of(new double[][] {{3, 1}, {-2, 5}});

    @Test
    void outputIsTheMaxOverEachUnitsPieces() {
        Maxout m = handSet();
        // row 0: z = [3, −3 | 1, 7] → [3, 7]; row 1: z = [−2, 2 | 5, 1] → [2, 5]
        assertArrayEquals(new double[] {3, 7, 2, 5}, FlatMatrix.of(m.forward(X, Phase.TRAIN)).data(), 0.0);
    }

    @Test
    void backwardRoutesThroughTheWinningPiece() {
        Maxout m = handSet();
        m.forward(X, Phase.TRAIN);
        FlatMatrix dOut = FlatMatrix.of(new double[][] {{1, 10}, {100, 1000}});
        double[] dx = FlatMatrix.of(m.backward(dOut, true)).data();
        // dz = [[1, 0, 0, 10], [0, 100, 1000, 0]]; dx = dz·Wᵀ; dW = xᵀ·dz; db = Σ_rows dz
        assertArrayEquals(new double[] {21, 10, -100, 1000}, dx, 0.0);
        assertArrayEquals(new double[] {3, -200, -2000, 30, 1, 500, 5000, 10}, m.params().get(0).grad().data(), 0.0);
        assertArrayEquals(new double[] {1, 100, 1000, 10}, m.params().get(1).grad().data(), 0.0);
    }

    @Test
    void parametersAndFansFollowDense() {
        List<int[]> fans = new ArrayList<>();
        Initializer recording = new Initializer() {
            public void fill(double[] values, int fanIn, int fanOut, Rng rng) {
                fans.add(new int[] {fanIn, fanOut, values.length});
            }

            public String name() {
                return "recording";
            }
        };
        Maxout m = new Maxout("mx", 5, 3, 4, recording, recording, new Rng(0));
        Param w = m.params().get(0);
        assertEquals("mx.W", w.name());
        assertEquals(Param.Role.WEIGHT, w.role());
        assertEquals(5, w.value().getRowDimension());
        assertEquals(12, w.value().getColumnDimension());
        assertEquals("mx.b", m.params().get(1).name());
        assertArrayEquals(new int[] {5, 12, 60}, fans.get(0)); // fan_out = units·pieces
        assertArrayEquals(new int[] {5, 12, 12}, fans.get(1));
        assertEquals(3, m.outWidth());
        assertEquals("maxout(3×4)", m.describe());
    }

    private static Maxout handSet() {
        Maxout m = new Maxout("mx", 2, 2, 2, new Zeros(), new Zeros(), new Rng(0));
        System.arraycopy(W, 0, m.params().get(0).value().data(), 0, W.length);
        return m;
    }
}
