package deepgrid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stats and PairedTest alone, against printed t tables and scipy (scripts/report-reference.py). */
class StatsTest {
    @Test
    void tQuantilesMatchTheTable() {
        // any t table: 12.706, 4.303, 3.182; scipy.stats.t.ppf(0.975, df) to 1e-12
        assertEquals(12.706204736174694, Stats.tQuantile975(1), 1e-9);
        assertEquals(4.302652729749462, Stats.tQuantile975(2), 1e-9);
        assertEquals(3.1824463052837078, Stats.tQuantile975(3), 1e-9);
    }

    @Test
    void emptyAndSingle() {
        Stats none = Stats.of(new double[0]);
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.mean()));
        Stats one = Stats.of(new double[] {0.5});
        assertEquals(0.5, one.mean());
        assertTrue(Double.isNaN(one.std()) && Double.isNaN(one.ci95Low()) && Double.isNaN(one.ci95High()));
    }

    @Test
    void pairsOnlySharedSeedsInEitherOrder() {
        // seed 3 only in a, seed 4 only in b; b's map lists its seeds in another order
        PairedTest t = PairedTest.bySeed(Map.of(1L, 0.80, 2L, 0.82, 3L, 0.10, 5L, 0.79),
                Map.of(5L, 0.80, 4L, 0.99, 2L, 0.86, 1L, 0.85));
        assertEquals(3, t.pairs());
        // the brief's example: a = [.80, .82, .79], b = [.85, .86, .80]; scipy p = 0.10912919362525185
        assertEquals(0.10912919362525185, t.p(), 1e-10);
        assertEquals(0.033333333333333326, t.difference(), 1e-12);
    }

    @Test
    void noSharedSeeds() {
        PairedTest t = PairedTest.bySeed(Map.of(1L, 0.5), Map.of(2L, 0.6));
        assertEquals(0, t.pairs());
        assertTrue(Double.isNaN(t.meanA()) && Double.isNaN(t.difference()) && Double.isNaN(t.p()));
    }
}
