package deepgrid.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three products of the kernel, on the native and the pure-Java BLAS, against a plain
 * triple loop and against each other. Tolerance: every entry within 1e-12 of Σ_p |a_ip·b_pj|,
 * the scale of its own rounding error (an entry near 0 by cancellation has no meaningful
 * relative error of its own). Shapes include empty and single rows and columns and odd sizes.
 */
class KernelTest {
    private static final double TOLERANCE = 1e-12;

    /** (n, k, m): a·b is n×k · k×m. */
    static Stream<Arguments> shapes() {
        int[][] s = {{0, 3, 4}, {3, 0, 4}, {3, 4, 0}, {1, 1, 1}, {1, 7, 1}, {7, 1, 5}, {2, 3, 1}, {5, 9, 13},
            {17, 31, 19}, {33, 65, 31}, {100, 784, 10}, {128, 129, 127}};
        return Arrays.stream(s).map(x -> Arguments.of(x[0], x[1], x[2]));
    }

    @ParameterizedTest(name = "{0}×{1}·{1}×{2}")
    @MethodSource("shapes")
    void javaBlasMatchesTripleLoop(int n, int k, int m) {
        checkAll(KernelChoice.javaBlas(), n, k, m);
    }

    @ParameterizedTest(name = "{0}×{1}·{1}×{2}")
    @MethodSource("shapes")
    void nativeBlasMatchesTripleLoop(int n, int k, int m) {
        Optional<RowMajorBlas> blas = KernelChoice.nativeBlas();
        assumeTrue(blas.isPresent(), "no native BLAS on this machine");
        checkAll(blas.get(), n, k, m);
    }

    @ParameterizedTest(name = "{0}×{1}·{1}×{2}")
    @MethodSource("shapes")
    void nativeAndJavaAgree(int n, int k, int m) {
        Optional<RowMajorBlas> nat = KernelChoice.nativeBlas();
        assumeTrue(nat.isPresent(), "no native BLAS on this machine");
        Rng rng = new Rng(n * 1000L + k * 10L + m);
        FlatMatrix a = random(n, k, rng);
        FlatMatrix b = random(k, m, rng);
        FlatMatrix viaJava = new FlatMatrix(n, m);
        FlatMatrix viaNative = new FlatMatrix(n, m);
        KernelChoice.javaBlas().multiply(0, n, k, m, a.data(), b.data(), viaJava.data());
        nat.get().multiply(0, n, k, m, a.data(), b.data(), viaNative.data());
        assertClose(viaJava, viaNative, scale(a, b), "native vs java");
    }

    @ParameterizedTest(name = "{0}×{1}·{1}×{2}")
    @MethodSource("shapes")
    void activeKernelMatchesTripleLoop(int n, int k, int m) {
        Rng rng = new Rng(7);
        FlatMatrix a = random(n, k, rng);
        FlatMatrix b = random(k, m, rng);
        FlatMatrix expected = reference(a, b);
        assertClose(expected, Kernel.multiply(a, b), scale(a, b), "a·b");
        assertClose(expected, Kernel.multiplyTransA(transpose(a), b), scale(a, b), "aᵀ·b");
        assertClose(expected, Kernel.multiplyTransB(a, transpose(b)), scale(a, b), "a·bᵀ");
    }

    @Test
    void shapesAreChecked() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Kernel.multiplyInto(new FlatMatrix(2, 3), new FlatMatrix(3, 4), new FlatMatrix(2, 5)));
        assertEquals("c is 2×5, expected 2×4", e.getMessage());
    }

    @Test
    void blocksOfRowsStartOnMultiplesOfEight() {
        for (int rows : new int[] {16, 50, 100, 450, 1000, 1001}) {
            for (int parts = 2; parts <= Math.min(8, rows / Kernel.MIN_SPLIT_ROWS); parts++) {
                assertEquals(0, Kernel.boundary(rows, 0, parts));
                assertEquals(rows, Kernel.boundary(rows, parts, parts));
                for (int i = 1; i < parts; i++) {
                    int b = Kernel.boundary(rows, i, parts);
                    assertEquals(0, b % 8, rows + " rows, block " + i + " of " + parts);
                    assertTrue(b > Kernel.boundary(rows, i - 1, parts), "blocks are not empty");
                }
            }
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameBitsOnOpenBlasHaswellKernels() {
        assumeTrue(Kernel.info().blas().endsWith(" Haswell"), "runs where OpenBLAS's Haswell kernels are loaded");
        Rng rng = new Rng(3);
        for (int[] s : new int[][] {{50, 784, 128}, {450, 128, 128}, {100, 784, 100}, {1000, 128, 10}, {333, 64, 3}}) {
            FlatMatrix a = random(s[0], s[1], rng);
            FlatMatrix b = random(s[1], s[2], rng);
            FlatMatrix d = random(s[0], s[2], rng);
            Threads.useByDefault(1);
            FlatMatrix[] one = {Kernel.multiply(a, b), Kernel.multiplyTransA(a, d), Kernel.multiplyTransB(d, b)};
            Threads.useByDefault(2);
            FlatMatrix[] two = {Kernel.multiply(a, b), Kernel.multiplyTransA(a, d), Kernel.multiplyTransB(d, b)};
            Threads.useByDefault(1);
            for (int q = 0; q < 3; q++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(one[q].data(), two[q].data(),
                        Arrays.toString(s) + " product " + q);
            }
        }
    }

    @Test
    void describesTheActiveKernel() {
        assertFalse(Kernel.description().isBlank());
    }

    /** a·b, aᵀ·b and a·bᵀ, each into a buffer full of NaN (reused buffers hold old values; none may leak). */
    private static void checkAll(RowMajorBlas blas, int n, int k, int m) {
        Rng rng = new Rng(n * 31L + k * 7L + m);
        FlatMatrix a = random(n, k, rng);
        FlatMatrix b = random(k, m, rng);
        FlatMatrix expected = reference(a, b);
        double[] scale = scale(a, b);

        FlatMatrix at = transpose(a); // k×n, so atᵀ·b = a·b
        FlatMatrix bt = transpose(b); // m×k, so a·btᵀ = a·b
        // whole, then in three uneven blocks of rows on helper threads, as Kernel splits a product
        int[] cuts = {0, n / 3, n / 2 + 1 > n ? n : n / 2 + 1, n};
        for (int[] blocks : List.of(new int[] {0, n}, cuts)) {
            String how = blocks.length == 2 ? "" : " in blocks";
            FlatMatrix c = nans(n, m);
            inBlocks(blocks, (from, to) -> blas.multiply(from, to, k, m, a.data(), b.data(), c.data()));
            assertClose(expected, c, scale, "a·b" + how);

            FlatMatrix c2 = nans(n, m);
            inBlocks(blocks, (from, to) -> blas.multiplyTransA(from, to, k, n, m, at.data(), b.data(), c2.data()));
            assertClose(expected, c2, scale, "aᵀ·b" + how);

            FlatMatrix c3 = nans(n, m);
            inBlocks(blocks, (from, to) -> blas.multiplyTransB(from, to, k, m, a.data(), bt.data(), c3.data()));
            assertClose(expected, c3, scale, "a·bᵀ" + how);
        }
    }

    private static final Workers WORKERS = new Workers(2);

    /** Rows [blocks[i], blocks[i+1]) for every i, each block on its own thread. */
    private static void inBlocks(int[] blocks, java.util.function.BiConsumer<Integer, Integer> rows) {
        WORKERS.run(blocks.length - 1, i -> rows.accept(blocks[i], blocks[i + 1]));
    }

    private static FlatMatrix reference(FlatMatrix a, FlatMatrix b) {
        int n = a.getRowDimension();
        int k = a.getColumnDimension();
        int m = b.getColumnDimension();
        FlatMatrix c = new FlatMatrix(n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0.0;
                for (int p = 0; p < k; p++) {
                    s += a.getEntry(i, p) * b.getEntry(p, j);
                }
                c.setEntry(i, j, s);
            }
        }
        return c;
    }

    /** Σ_p |a_ip·b_pj| for every (i, j), row-major. */
    private static double[] scale(FlatMatrix a, FlatMatrix b) {
        FlatMatrix absA = FlatMatrix.of(a.copy());
        FlatMatrix absB = FlatMatrix.of(b.copy());
        Arrays.setAll(absA.data(), i -> Math.abs(absA.data()[i]));
        Arrays.setAll(absB.data(), i -> Math.abs(absB.data()[i]));
        return reference(absA, absB).data();
    }

    private static void assertClose(FlatMatrix expected, FlatMatrix actual, double[] scale, String what) {
        assertEquals(Check.shapeOf(expected), Check.shapeOf(actual), what + " shape");
        double[] e = expected.data();
        double[] a = actual.data();
        for (int i = 0; i < e.length; i++) {
            double allowed = TOLERANCE * scale[i] + Double.MIN_NORMAL;
            if (!(Math.abs(e[i] - a[i]) <= allowed)) {
                throw new AssertionError(what + " " + Check.shapeOf(expected) + " entry " + i + ": expected "
                        + e[i] + ", was " + a[i] + " (allowed ±" + allowed + ")");
            }
        }
    }

    private static FlatMatrix transpose(FlatMatrix m) {
        return m.transpose();
    }

    private static FlatMatrix random(int rows, int cols, Rng rng) {
        FlatMatrix m = new FlatMatrix(rows, cols);
        Arrays.setAll(m.data(), i -> rng.nextGaussian());
        return m;
    }

    private static FlatMatrix nans(int rows, int cols) {
        FlatMatrix m = new FlatMatrix(rows, cols);
        Arrays.fill(m.data(), Double.NaN);
        return m;
    }
}
