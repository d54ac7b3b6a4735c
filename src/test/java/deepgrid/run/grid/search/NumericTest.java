package deepgrid.run.grid.search;

import static deepgrid.run.grid.search.ParzenEstimatorTest.numeric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Design §4: the transformed domain (log, step widened by step/2) and rounding low + round((x − low)/step)·step, clipped. */
class NumericTest {
    static final Numeric DROPOUT = numeric(Numeric.Kind.FLOAT, Numeric.Scale.LINEAR, "0.0", "0.6", "0.05");
    static final Numeric WIDTH = numeric(Numeric.Kind.INT, Numeric.Scale.LOG, "8", "256", "1");
    static final Numeric LR = numeric(Numeric.Kind.FLOAT, Numeric.Scale.LOG, "1.0e-5", "0.1", null);
    static final Numeric SIZE = numeric(Numeric.Kind.INT, Numeric.Scale.LINEAR, "32", "512", "32");

    @Test
    void stepRoundingIsExactInDecimal() {
        assertEquals(0.15, DROPOUT.snap(0.174), 0); // 3.48 steps → 3 → 0.15, not 0.15000000000000002
        assertEquals("0.15", DROPOUT.text(DROPOUT.snap(0.174)));
        assertEquals(0.2, DROPOUT.snap(0.176), 0);
        assertEquals(0.0, DROPOUT.snap(-0.02), 0); // clipped, then rounded
        assertEquals(0.6, DROPOUT.snap(0.63), 0);
        assertEquals(13, DROPOUT.size());
        assertEquals(96.0, SIZE.snap(100), 0); // 32 + round(68/32)·32
        assertEquals(16, SIZE.size());
        assertEquals("512", SIZE.text(SIZE.value(15)));
    }

    @Test
    void theTransformedDomainIsWidenedByHalfAStepThenLogged() {
        assertEquals(-0.025, DROPOUT.internalLow(), 1e-15);
        assertEquals(0.625, DROPOUT.internalHigh(), 1e-15);
        assertEquals(Math.log(7.5), WIDTH.internalLow(), 1e-15);
        assertEquals(Math.log(256.5), WIDTH.internalHigh(), 1e-15);
        assertEquals(Math.log(1e-5), LR.internalLow(), 1e-15);
        assertEquals(38.0, WIDTH.fromInternal(Math.log(37.6)), 0);
        assertEquals(256.0, WIDTH.fromInternal(Math.log(256.4)), 0); // the end value's cell reaches 256.5
        assertEquals(0.001, LR.fromInternal(Math.log(0.001)), 1e-18);
        double[] cell = WIDTH.cell(16);
        assertEquals(Math.log(15.5), cell[0], 1e-15);
        assertEquals(Math.log(16.5), cell[1], 1e-15);
    }

    @Test
    void fractionOfTheRangeIsInTheTransformedScale() {
        assertEquals(0.5, LR.fraction(1e-3), 1e-12); // halfway in log space
        assertEquals(0.25, DROPOUT.fraction(0.15), 1e-12);
    }

    @Test
    void invalidRangesAreRefusedByTheRecord() {
        assertThrows(IllegalArgumentException.class, () -> numeric(Numeric.Kind.FLOAT, Numeric.Scale.LINEAR, "1", "0", null));
        assertThrows(IllegalArgumentException.class, () -> numeric(Numeric.Kind.FLOAT, Numeric.Scale.LOG, "0", "1", null));
        assertThrows(IllegalArgumentException.class, () -> numeric(Numeric.Kind.INT, Numeric.Scale.LINEAR, "0", "1", null));
    }
}
