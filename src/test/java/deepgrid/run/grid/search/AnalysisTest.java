package deepgrid.run.grid.search;

import static deepgrid.run.grid.search.SearchBinderTest.bind;
import static deepgrid.run.grid.search.SearchFixture.assertRel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Design §6 and §7 after the budget: confirmation statistics against SciPy, PED-ANOVA against the fixture. */
class AnalysisTest {
    @Test
    void confirmationStatisticsMatchScipy() {
        JsonNode values = SearchFixture.root().get("confirm_values");
        Map<Integer, Map<Long, Double>> confirmed = new HashMap<>();
        values.fieldNames().forEachRemaining(t -> {
            Map<Long, Double> bySeed = new HashMap<>();
            double[] v = SearchFixture.doubles(values.get(t));
            for (int s = 0; s < v.length; s++) {
                bySeed.put(100L + s, v[s]);
            }
            confirmed.put(Integer.parseInt(t), bySeed);
        });
        List<Confirmation.Row> rows = Confirmation.rows(Goal.MAXIMIZE, confirmed, Map.of(7, 0.9, 12, 0.88, 0, 0.85), 0);
        assertEquals(List.of(7, 12, 0), rows.stream().map(Confirmation.Row::trial).toList());
        JsonNode expected = SearchFixture.root().get("confirm");
        for (Confirmation.Row r : rows) {
            JsonNode e = expected.get(Integer.toString(r.trial()));
            String t = "trial " + r.trial();
            assertRel(e.get("mean").doubleValue(), r.mean(), 1e-14, t + " mean");
            assertRel(e.get("std").doubleValue(), r.std(), 1e-12, t + " std");
            assertRel(e.get("ci95_low").doubleValue(), r.ci95Low(), 1e-12, t + " ci low");
            assertRel(e.get("ci95_high").doubleValue(), r.ci95High(), 1e-12, t + " ci high");
            if (r.trial() != 7) {
                assertRel(e.get("difference_best").doubleValue(), r.differenceVsBest(), 1e-12, t + " difference");
                assertRel(e.get("p_best").doubleValue(), r.pVsBest(), 1e-9, t + " p vs best");
            }
            if (r.trial() != 0) {
                assertRel(e.get("p_baseline").doubleValue(), r.pVsBaseline(), 1e-9, t + " p vs baseline");
            }
        }
        assertEquals(Double.NaN, rows.get(0).pVsBest());
        assertEquals(0.9 - rows.get(0).mean(), rows.get(0).winnersCurse(), 1e-15);
        assertTrue(Confirmation.verdict(rows, Goal.MAXIMIZE).startsWith("Trial 7 is best: mean 0.8666 over 5 seeds"),
                Confirmation.verdict(rows, Goal.MAXIMIZE));
    }

    @Test
    void candidatesAreTheTopCompletedTrialsPlusTheBaseline() {
        SearchSpec spec = bind("""
                search:
                  objective: val_accuracy
                  confirm: {top: 2, repeats: 3}
                  repeats: 2
                  enqueue: [{a: 1}]
                  space: {a: [1, 2, 3, 4, 5, 6, 7]}
                """);
        Map<Integer, TrialResult> results = new HashMap<>();
        double[] acc = {0.5, 0.9, 0.8, 0.95, 0.99, 0.97};
        for (int i = 0; i < acc.length; i++) {
            results.put(i, TrialResult.of(i == 4 ? TrialState.PRUNED : TrialState.COMPLETED, 0, acc[i]));
        }
        // 4 was pruned, 5 duplicates an earlier configuration: the top two are 3 and 1; 0 is the baseline
        assertEquals(List.of(3, 1, 0), Confirmation.candidates(spec, results, List.of(5)));
        assertEquals(List.of(9L, 10L, 11L), Confirmation.seeds(spec, 7)); // after the search's seeds 7 and 8
    }

    @Test
    void pedAnovaMatchesTheFixture() {
        JsonNode ped = SearchFixture.root().get("ped_anova");
        Space space = bind("""
                search:
                  space:
                    lr: {float: [1.0e-4, 1.0e-1], log: true}
                    width: {int: [8, 256]}
                    act: [relu, tanh, elu]
                """).space();
        List<Assignment> params = new ArrayList<>();
        List<Double> objectives = new ArrayList<>();
        for (int i = 0; i < ped.get("objective").size(); i++) {
            params.add(new Assignment(Map.of("lr", ped.get("params").get("lr").get(i).doubleValue(),
                    "width", ped.get("params").get("width").get(i).doubleValue(),
                    "act", ped.get("params").get("act").get(i).doubleValue())));
            objectives.add(ped.get("objective").get(i).doubleValue());
        }
        boolean[] top = Importance.top(Goal.MAXIMIZE, objectives);
        for (int i = 0; i < top.length; i++) {
            assertEquals(ped.get("top").get(i).booleanValue(), top[i], "top trial " + i);
        }
        Map<String, Double> importance = Importance.of(space, Goal.MAXIMIZE, params, objectives);
        assertEquals(List.of("lr", "act", "width"), List.copyOf(importance.keySet()));
        for (String p : importance.keySet()) {
            assertRel(ped.get("importance").get(p).doubleValue(), importance.get(p), 1e-9, p);
        }
    }

    @Test
    void pedAnovaGridsFollowOptuna() {
        Space space = bind("""
                search:
                  space:
                    w: {int: [1, 1024], log: true}
                    d: {float: [0, 0.5], step: 0.1}
                """).space();
        assertEquals(11, Importance.grid((Numeric) space.param("w").domain()).length); // ⌈log2(1024 − 1 + 1)⌉ + 1
        assertArrayEquals(new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5}, Importance.grid((Numeric) space.param("d").domain()),
                1e-15);
    }
}
