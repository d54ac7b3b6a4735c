package deepgrid.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed bins of histograms.csv, worked by hand. */
class HistogramBinsTest {

    @Test
    void sigmoidHasNEqualBinsOverZeroToOneAndTheLastBinHoldsOne() {
        HistogramBins b = HistogramBins.of("sigmoid", 20);
        assertEquals(20, b.bins().size());
        assertEquals(new HistogramBins.Bin(0, 0.05), b.bins().get(0));
        assertEquals(new HistogramBins.Bin(0.95, 1), b.bins().get(19));
        long[] c = b.count(new double[] {0, 0.04999, 0.05, 0.5, 0.99, 1.0, Double.NaN, Double.POSITIVE_INFINITY});
        assertEquals(2, c[0], "0 and 0.04999");
        assertEquals(1, c[1], "0.05 opens the second bin");
        assertEquals(1, c[10], "0.5");
        assertEquals(2, c[19], "0.99 and 1 (the last bin is closed)");
        assertEquals(6, java.util.Arrays.stream(c).sum(), "NaN and ∞ are not counted");
    }

    @Test
    void tanhSpansMinusOneToOne() {
        HistogramBins b = HistogramBins.of("tanh", 40);
        assertEquals(new HistogramBins.Bin(-1, -0.95), b.bins().get(0));
        long[] c = b.count(new double[] {-1, -0.01, 0, 1});
        assertEquals(1, c[0]);
        assertEquals(1, c[19]);
        assertEquals(1, c[20]);
        assertEquals(1, c[39]);
    }

    @Test
    void reluCountsExactZerosApartAndOverflowAboveTheBound() {
        HistogramBins b = HistogramBins.of("relu", 25);
        List<HistogramBins.Bin> bins = b.bins();
        assertEquals(27, bins.size(), "the zero bin, 25 bins over [0, 5], the overflow bin");
        assertEquals(new HistogramBins.Bin(0, 0), bins.get(0));
        assertEquals(new HistogramBins.Bin(0, 0.2), bins.get(1));
        assertEquals(new HistogramBins.Bin(5, Double.POSITIVE_INFINITY), bins.get(26));
        long[] c = b.count(new double[] {0, 0, 0, 1e-9, 0.2, 5, 5.0001, 1e6});
        assertArrayEquals(new long[] {3, 1, 1}, new long[] {c[0], c[1], c[2]}, "three zeros, 1e-9, 0.2");
        assertEquals(1, c[25], "5 is in the last regular bin");
        assertEquals(2, c[26], "beyond 5");
    }

    @Test
    void activationsThatGoNegativeHaveAnUnderflowBin() {
        for (String f : List.of("leaky_relu", "elu", "gelu", "silu")) {
            HistogramBins b = HistogramBins.of(f, 30);
            assertEquals(new HistogramBins.Bin(Double.NEGATIVE_INFINITY, 0), b.bins().get(0), f);
            assertEquals(32, b.bins().size(), f);
            long[] c = b.count(new double[] {-0.17, 0, 6});
            assertEquals(1, c[0], f);
            assertEquals(1, c[1], f + ": 0 is in the first regular bin");
            assertEquals(1, c[31], f);
        }
        HistogramBins identity = HistogramBins.of("identity", 20);
        assertEquals(new HistogramBins.Bin(-5, -4.5), identity.bins().get(1));
        assertEquals(22, identity.bins().size());
    }
}
