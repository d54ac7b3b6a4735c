package deepgrid.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Nice ticks and the axes built on them; expected values worked out by hand. */
class TicksTest {

    @Test
    void accuracyRangeGetsTwoTenths() {
        // 0.93 / 5 = 0.186 → 1.86 × 0.1 → step 2 × 0.1; the last tick covers 0.93
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Ticks.linear(0, 0.93, 5, 0));
    }

    @Test
    void ticksAreTheDecimalsAsWritten() {
        // 3 × 0.1 is 0.30000000000000004 in floating point; the ticks must be 0.3 exactly
        assertEquals(List.of(2.2, 2.3, 2.4, 2.5, 2.6, 2.7), Ticks.linear(2.25, 2.61, 5, 0));
        assertEquals(List.of(-0.5, 0.0, 0.5, 1.0), Ticks.linear(-0.4, 0.9, 4, 0));
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(50, Ticks.niceStep(200, 6), 0);
        assertEquals(0.5, Ticks.niceStep(2.4, 5), 0);
        assertEquals(1e-3, Ticks.niceStep(0.006, 5), 1e-18);
        assertEquals(5000, Ticks.niceStep(28_000, 6), 0);
    }

    @Test
    void logAxisTicksWholeDecades() {
        assertEquals(List.of(1e-4, 1e-3, 1e-2, 1e-1, 1.0), Ticks.log(1e-4, 0.93));
        assertEquals(List.of(1e-4, 1e-3, 1e-2, 1e-1, 1.0), Ticks.log(3.2e-4, 0.5));
        assertEquals(List.of(0.1, 1.0), Ticks.log(0.2, 0.3), "within one decade: the decade around it");
    }

    @Test
    void manyDecadesAreLabelledEverySecond() {
        // 1e-12 .. 10: 13 decades > 8, so every second one, starting on an even exponent
        assertEquals(List.of(1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1.0, 1e2), Ticks.log(3e-12, 5));
        // a loss that ran away: 0.5 .. 1e40 is 41 decades, labelled every 10th
        assertEquals(List.of(1e-10, 1.0, 1e10, 1e20, 1e30, 1e40), Ticks.log(0.5, 1e40));
    }

    @Test
    void epochAxisTicksWholeEpochsOnly() {
        assertEquals(List.of(0.0, 1.0, 2.0), Axis.epochs(2).ticks(), "never 0.5");
        assertEquals(List.of(0.0, 50.0, 100.0, 150.0, 200.0), Axis.epochs(200).ticks());
        assertEquals(List.of(0.0, 1.0), Axis.epochs(0).ticks(), "a run with epoch 0 only");
    }

    @Test
    void axisFitsItsDataAndHandlesDegenerateRanges() {
        Axis accuracy = Axis.fit(Scale.LINEAR, 0.12, 0.93);
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), accuracy.ticks());
        assertEquals(0.5, accuracy.fraction(0.5), 1e-12);
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Axis.fit(Scale.LINEAR, Double.NaN, Double.NaN).ticks(),
                "no data");
        Axis single = Axis.fit(Scale.LINEAR, 0.3, 0.3);
        assertEquals(0.27, single.lo(), 1e-12);
        assertEquals(0.33, single.hi(), 1e-12);
        Axis log = Axis.fit(Scale.LOG, 1e-4, 0.8);
        assertEquals(0.25, log.fraction(1e-3), 1e-12, "one decade of four");
        assertEquals(List.of(1e-3, 1e-2, 1e-1, 1.0), Axis.fit(Scale.LOG, Double.NaN, Double.NaN).ticks());
    }

    @Test
    void numbersReadAsWritten() {
        assertEquals("0.6", Fmt.tick(0.6000000000000001));
        assertEquals("1e-4", Fmt.tick(1e-4));
        assertEquals("0.001", Fmt.tick(1e-3));
        assertEquals("2.5e-7", Fmt.tick(2.5e-7));
        assertEquals("1e5", Fmt.tick(1e5));
        assertEquals("0.9611", Fmt.sig(0.96111111, 4));
        assertEquals("0.0096", Fmt.sig(0.0096225, 2));
        assertEquals("1.7e-17", Fmt.sig(1.7347e-17, 2));
        assertEquals("2.5e-7", Fmt.sig(2.5e-7, 2));
        assertEquals("1.199e179", Fmt.sig(1.1991e179, 4));
        assertEquals("-3e10", Fmt.sig(-3e10, 1));
        assertEquals("–", Fmt.sig(Double.NaN, 3));
        assertEquals("12.5", Fmt.px(12.46));
        assertEquals("0", Fmt.px(-0.01));
    }
}
