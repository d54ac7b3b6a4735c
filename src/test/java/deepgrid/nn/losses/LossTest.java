package deepgrid.nn.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.math.FlatMatrix;
import deepgrid.nn.Loss;
import deepgrid.nn.TargetKind;
import org.junit.jupiter.api.Test;

/** Each loss on a tiny fixture computed by hand (the computation is in the comment), to 1e-12. */
class LossTest {
    private static final double TOL = 1e-12;

    // CS231n "Linear classification" notes: scores of three images (cat, car, frog) over classes (cat, car, frog)
    private static final FlatMatrix CS231N_SCORES = FlatMatrix.of(new double[][] {
        {3.2, 5.1, -1.7}, {1.3, 4.9, 2.0}, {2.2, 2.5, -3.1}});
    private static final FlatMatrix CS231N_CLASSES = FlatMatrix.of(new double[][] {
        {1, 0, 0}, {0, 1, 0}, {0, 0, 1}});

    @Test
    void crossEntropyOfOneRow() {
        // −log(e³ / (e¹ + e² + e³)) = log(1 + e⁻¹ + e⁻²) = 0.4076059644443804
        assertEquals(0.4076059644443804, new CrossEntropy().value(row(1, 2, 3), row(0, 0, 1)), TOL);
    }

    @Test
    void hingeIsTheCs231nExample() {
        // cat: max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1) = 2.9 + 0 = 2.9
        assertEquals(2.9, new Hinge(1).value(row(3.2, 5.1, -1.7), row(1, 0, 0)), TOL);
        // car: 0 (both margins negative); frog: (2.2 + 3.1 + 1) + (2.5 + 3.1 + 1) = 6.3 + 6.6 = 12.9; mean 15.8/3
        assertEquals(15.8 / 3, new Hinge(1).value(CS231N_SCORES, CS231N_CLASSES), TOL);
    }

    @Test
    void hingeGradientCountsActiveMargins() {
        // cat row: only the car term is active → d/ds = [−1, +1, 0]
        double[] g = flat(new Hinge(1).gradient(row(3.2, 5.1, -1.7), row(1, 0, 0)));
        assertArrayEquals(new double[] {-1, 1, 0}, g, TOL);
    }

    @Test
    void squaredHingeSquaresEachTerm() {
        // cat 2.9² = 8.41; car 0; frog 6.3² + 6.6² = 39.69 + 43.56 = 83.25; mean (8.41 + 83.25) / 3
        assertEquals(91.66 / 3, new SquaredHinge(1).value(CS231N_SCORES, CS231N_CLASSES), 1e-11);
        // cat row gradient: 2·2.9 on car, −2·2.9 on cat
        double[] g = flat(new SquaredHinge(1).gradient(row(3.2, 5.1, -1.7), row(1, 0, 0)));
        assertArrayEquals(new double[] {-5.8, 5.8, 0}, g, TOL);
    }

    @Test
    void mseIsTheMeanOverAllElements() {
        FlatMatrix y = FlatMatrix.of(new double[][] {{1, 2}, {3, 4}});
        FlatMatrix t = FlatMatrix.of(new double[][] {{0, 2}, {3, 0}});
        // (1² + 0 + 0 + 4²) / 4 elements = 17/4
        assertEquals(4.25, new Mse().value(y, t), TOL);
        // 2(y − t)/4 = [[0.5, 0], [0, 2]]
        assertArrayEquals(new double[] {0.5, 0, 0, 2}, flat(new Mse().gradient(y, t)), TOL);
    }

    @Test
    void binaryCrossEntropyFromLogits() {
        FlatMatrix s = column(0, 2, -1);
        FlatMatrix t = column(1, 0, 0);
        // [−log σ(0) − log(1 − σ(2)) − log(1 − σ(−1))] / 3 = [log 2 + log(1 + e²) + log(1 + e⁻¹)] / 3
        double expected = (Math.log(2) + Math.log(1 + Math.exp(2)) + Math.log(1 + Math.exp(-1))) / 3;
        assertEquals(expected, new BinaryCrossEntropy().value(s, t), TOL);
        assertEquals(1.0444456263737136, expected, TOL);
        // (σ(s) − t)/3
        double[] g = flat(new BinaryCrossEntropy().gradient(s, t));
        assertArrayEquals(new double[] {-0.5 / 3, 1 / (1 + Math.exp(-2)) / 3, 1 / (1 + Math.exp(1)) / 3}, g, TOL);
        assertArrayEquals(new double[] {0.5, 1 / (1 + Math.exp(-2)), 1 / (1 + Math.exp(1))},
                flat(new BinaryCrossEntropy().output(s)), TOL);
    }

    @Test
    void logCoshStaysFiniteFarFromTheTarget() {
        // log cosh(1000) = 1000 − log 2 + log(1 + e⁻²⁰⁰⁰); cosh(1000) itself overflows a double
        assertEquals(1000 - Math.log(2), new LogCosh().value(row(1000), row(0)), 1e-9);
        assertArrayEquals(new double[] {1.0}, flat(new LogCosh().gradient(row(1000), row(0))), TOL);
    }

    @Test
    void categoricalHingeIsTheCs231nExampleWithOnlyTheBestWrongClass() {
        // cat: max(0, 5.1 − 3.2 + 1) = 2.9; car: max(0, 2.0 − 4.9 + 1) = 0; frog: max(0, 2.5 + 3.1 + 1) = 6.6
        assertEquals((2.9 + 0 + 6.6) / 3, new CategoricalHinge().value(CS231N_SCORES, CS231N_CLASSES), TOL);
        // every wrong score below 0: Keras takes neg = 0 from the target's column, so 1 − 0.5 = 0.5 remains
        assertEquals(0.5, new CategoricalHinge().value(row(-1, 0.5, -2), row(0, 1, 0)), TOL);
        assertArrayEquals(new double[] {0, -1, 0}, flat(new CategoricalHinge().gradient(row(-1, 0.5, -2),
                row(0, 1, 0))), TOL);
    }

    @Test
    void poissonPredictsTheRate() {
        // e^s − t·s at s = log 2, t = 3: 2 − 3 log 2; the prediction is the rate 2
        assertEquals(2 - 3 * Math.log(2), new Poisson().value(row(Math.log(2)), row(3)), TOL);
        assertArrayEquals(new double[] {2.0}, flat(new Poisson().output(row(Math.log(2)))), TOL);
        assertEquals("exp", new Poisson().outputActivation());
        assertEquals(TargetKind.COUNTS, new Poisson().targets());
    }

    @Test
    void huberIsQuadraticInsideDeltaAndLinearBeyond() {
        // d = 0.5 ≤ 1: ½·0.25; d = 3 > 1: 1·(3 − ½)
        assertEquals((0.125 + 2.5) / 2, new Huber(1).value(row(0.5, 3), row(0, 0)), TOL);
        assertEquals("delta: found 0, expected a finite number > 0",
                assertThrows(IllegalArgumentException.class, () -> new Huber(0)).getMessage());
    }

    @Test
    void extremeScoresGiveFiniteValues() {
        // confidently wrong by 1000: BCE ≈ 1000 (log(1 + e¹⁰⁰⁰) without overflow), CE = 2000, hinge = 2001
        assertEquals(1000.0, new BinaryCrossEntropy().value(column(1000), column(0)), TOL);
        assertEquals(1000.0, new BinaryCrossEntropy().value(column(-1000), column(1)), TOL);
        assertEquals(0.0, new BinaryCrossEntropy().value(column(1000), column(1)), TOL);
        assertEquals(2000.0, new CrossEntropy().value(row(1000, -1000), row(0, 1)), TOL);
        assertEquals(2001.0, new Hinge(1).value(row(1000, -1000), row(0, 1)), TOL);
        assertEquals(2001.0 * 2001.0, new SquaredHinge(1).value(row(1000, -1000), row(0, 1)), TOL);
        assertEquals(1e6, new Mse().value(row(1000), row(0)), TOL);
        for (double v : flat(new BinaryCrossEntropy().gradient(column(1000, -1000), column(0, 1)))) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void targetKindsAndNames() {
        assertEquals(TargetKind.ANY, new Mse().targets());
        assertEquals(TargetKind.BINARY, new BinaryCrossEntropy().targets());
        assertEquals(TargetKind.CLASSES, new Hinge(1).targets());
        assertEquals(TargetKind.CLASSES, new SquaredHinge(1).targets());
        Loss[] all = {new Mse(), new BinaryCrossEntropy(), new Hinge(1), new SquaredHinge(1)};
        String[] names = {"mse", "binary_cross_entropy", "hinge", "squared_hinge"};
        for (int i = 0; i < all.length; i++) {
            assertEquals(names[i], all[i].name());
        }
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Mse().value(row(1, 2), row(1, 2, 3)));
        assertEquals("targets is 1×3 but scores is 1×2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BinaryCrossEntropy().value(row(1, 2), row(1, 0)));
        assertThrows(IllegalArgumentException.class, () -> new Hinge(0));
    }

    private static FlatMatrix row(double... v) {
        return new FlatMatrix(1, v.length, v);
    }

    private static FlatMatrix column(double... v) {
        return new FlatMatrix(v.length, 1, v);
    }

    private static double[] flat(org.apache.commons.math3.linear.RealMatrix m) {
        return FlatMatrix.of(m).data();
    }
}
