package deepgrid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain-language verdict on a comparison, for each way a test can come out. */
class VerdictTest {
    private static final double NAN = Double.NaN;

    @Test
    void significantAccuracyGainNamesTheWinner() {
        assertEquals("he_normal better than xavier_normal by 0.012 (p = 0.019)",
                Verdict.of(row("test_accuracy", 3, 0.0118, 0.019)));
        assertEquals("xavier_normal better than he_normal by 0.03 (p < 0.001)",
                Verdict.of(row("test_accuracy", 5, -0.03, 0.0002)));
    }

    @Test
    void forALossLowerIsBetter() {
        assertEquals("he_normal better than xavier_normal by 0.05 (p = 0.011)",
                Verdict.of(row("val_loss", 3, -0.05, 0.0111)));
    }

    @Test
    void noSignificantDifference() {
        assertEquals("no significant difference at p < 0.05 (p = 0.2)", Verdict.of(row("test_accuracy", 3, 0.028, 0.1994)));
        assertEquals("no significant difference at p < 0.05 (p = 0.05)", Verdict.of(row("test_accuracy", 3, 0.1, 0.05)));
    }

    @Test
    void whyThereIsNoPValue() {
        assertEquals("not tested: only 1 seed completed in both (a test needs 2; use repeats: 3 or more)",
                Verdict.of(row("test_accuracy", 1, 0.1, NAN)));
        assertEquals("not tested: no seed completed in both", Verdict.of(row("test_accuracy", 0, NAN, NAN)));
        assertEquals("identical for every seed", Verdict.of(row("test_accuracy", 3, 0, NAN)));
        assertEquals("every seed changed by the same 0.05: no test possible", Verdict.of(row("test_accuracy", 3, 0.05, NAN)));
    }

    @Test
    void readsTheRowsOfOneMetricFromComparisonsCsv() {
        Table csv = new Table(Comparisons.HEADER, List.of(
                List.of("model.init", "xavier_normal", "he_normal", "", "test_accuracy", "3", "0.8", "0.81", "0.01", "0.2"),
                List.of("model.init", "xavier_normal", "he_normal", "", "test_loss", "3", "0.5", "0.4", "-0.1", "")));
        List<Comparison> rows = Comparison.rows(csv, "test_loss");
        assertEquals(1, rows.size());
        assertEquals(Map.of("pairs", 3.0, "difference", -0.1), Map.of("pairs", (double) rows.get(0).pairs(),
                "difference", rows.get(0).difference()));
        assertEquals(NAN, rows.get(0).p());
    }

    private static Comparison row(String metric, int pairs, double difference, double p) {
        return new Comparison("model.init", "xavier_normal", "he_normal", "", metric, pairs, 0.8, 0.8 + difference,
                difference, p);
    }
}
