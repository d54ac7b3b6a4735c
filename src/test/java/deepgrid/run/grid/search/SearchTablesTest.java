package deepgrid.run.grid.search;

import static deepgrid.run.grid.search.SearchBinderTest.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.config.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Design §7: the result tables, built from proposals and curves alone, as a sweep would after a (simulated) search. */
class SearchTablesTest {
    static final int EPOCHS = 9;

    /** Runs a search with ASHA the way a sweep would: stop rule fixed at the start, applied epoch by epoch. */
    static List<TrialRecord> simulate(Search s) {
        return simulate(s, 1, 0);
    }

    /**
     * The same with {@code jobs} trials in flight, finishing in an order shuffled by
     * {@code orderSeed} (as parallel workers would): trial i starts once {@link Search#ready}.
     */
    static List<TrialRecord> simulate(Search s, int jobs, long orderSeed) {
        java.util.Random order = new java.util.Random(orderSeed);
        Map<Integer, TrialResult> results = new HashMap<>();
        Map<Integer, TrialRecord> running = new java.util.TreeMap<>();
        List<TrialRecord> records = new ArrayList<>();
        int next = 0;
        while (records.size() < s.trials()) {
            if (next < s.trials() && running.size() < jobs && s.ready(next, results)) {
                running.put(next, start(s, next, results));
                next++;
                continue;
            }
            List<Integer> ids = new ArrayList<>(running.keySet());
            TrialRecord done = running.remove(ids.get(order.nextInt(ids.size())));
            results.put(done.trial(), done.result());
            records.add(done);
        }
        records.sort(java.util.Comparator.comparingInt(TrialRecord::trial));
        return records;
    }

    /** Trial i: proposed and judged from what is known when it starts; trained (instantly) to its end. */
    private static TrialRecord start(Search s, int i, Map<Integer, TrialResult> results) {
        Search.Proposal p = s.propose(i, results);
        StopRule rule = StopRule.decode(s.stopRule(i, 0, EPOCHS, results).encode()); // as if sent to another process
        double lr = p.params().get("lr");
        double quality = 0.9 - 0.1 * Math.abs(Math.log10(lr) + 2);
        List<Double> curve = new ArrayList<>(List.of(0.1));
        TrialState state = TrialState.COMPLETED;
        for (int t = 1; t <= EPOCHS; t++) {
            curve.add(quality * (1 - Math.exp(-t / 2.0)));
            StopRule.Decision d = rule.judge(t, curve.stream().mapToDouble(Double::doubleValue).toArray());
            if (d != null && d.verdict() == StopRule.Verdict.PRUNE) {
                state = TrialState.PRUNED;
                break;
            }
        }
        TrialResult r = TrialResult.of(state, curve.stream().mapToDouble(Double::doubleValue).toArray());
        return new TrialRecord(p, r, List.of("run-" + i), 1.5, EPOCHS, -1);
    }

    static Search search() {
        return new Search(bind("""
                search:
                  objective: val_accuracy
                  trials: 12
                  startup: 4
                  window: 2
                  pruner: asha
                  space:
                    lr: {float: [1.0e-4, 1.0], log: true}
                    act: [relu, tanh]
                """));
    }

    @Test
    void trialsHistoryAndRungsComeFromTheCurves() {
        Search s = search();
        List<TrialRecord> records = simulate(s);
        Table trials = SearchTables.trials(s, records);
        assertEquals(List.of("trial", "phase", "state", "objective", "objective_std", "best_epoch", "epochs_trained", "lr",
                "act", "run", "seconds"), trials.header());
        assertEquals(12, trials.rows().size());
        assertEquals(List.of("0", "startup"), trials.rows().get(0).subList(0, 2));
        long pruned = records.stream().filter(r -> r.result().state() == TrialState.PRUNED).count();
        assertTrue(pruned > 0, "ASHA pruned nothing");

        Table rungs = SearchTables.rungs(s, records);
        assertEquals(List.of("trial", "repeat", "rung", "epoch", "value", "cutoff", "decision"), rungs.header());
        long prunes = rungs.rows().stream().filter(r -> r.get(6).equals("prune")).count();
        assertEquals(pruned, prunes, "one prune row per pruned trial");
        assertTrue(rungs.rows().stream().allMatch(r -> List.of("1", "3").contains(r.get(3))), "rungs at epochs 1 and 3");

        Table history = SearchTables.history(s, records);
        assertEquals(String.valueOf(records.stream().mapToInt(r -> r.result().epochsTrained()).sum()),
                history.rows().get(11).get(3));
        double bestSoFar = Double.parseDouble(history.rows().get(11).get(2));
        double best = records.stream().filter(r -> r.result().state() == TrialState.COMPLETED)
                .mapToDouble(r -> r.result().objective(s.spec().objective())).max().orElseThrow();
        assertEquals(best, bestSoFar, 0);
    }

    @Test
    void theSameTablesWhateverTheJobsAndTheOrderResultsArriveIn() {
        List<TrialRecord> sequential = simulate(search(), 1, 0);
        for (int jobs : new int[] {2, 3, 8}) {
            for (long seed = 0; seed < 3; seed++) {
                List<TrialRecord> parallel = simulate(search(), jobs, seed);
                assertEquals(SearchTables.trials(search(), sequential), SearchTables.trials(search(), parallel));
                assertEquals(SearchTables.rungs(search(), sequential), SearchTables.rungs(search(), parallel));
            }
        }
    }

    @Test
    void importanceAndConfirmTables() {
        Search s = search();
        List<TrialRecord> records = simulate(s);
        Table importance = SearchTables.importance(s, records);
        assertEquals(List.of("parameter", "importance"), importance.header());
        assertEquals(2, importance.rows().size());
        double total = importance.rows().stream().mapToDouble(r -> Double.parseDouble(r.get(1))).sum();
        assertEquals(1.0, total, 1e-12);

        Map<Integer, Map<Long, Double>> values = Map.of(3, Map.of(1L, 0.8, 2L, 0.82), 5, Map.of(1L, 0.7, 2L, 0.75));
        var rows = Confirmation.rows(Goal.MAXIMIZE, values, Map.of(3, 0.85, 5, 0.8), -1);
        Table confirm = SearchTables.confirm(s, rows, Map.of(3, records.get(3).proposal().params(),
                5, records.get(5).proposal().params()));
        assertEquals("3", confirm.rows().get(0).get(0));
        assertEquals("", confirm.rows().get(0).get(8), "no p against itself");
        assertEquals(15, confirm.header().size());
    }

    @Test
    void aBestValueAtTheEdgeOfItsRangeIsWarnedAbout() {
        Search s = new Search(bind("""
                search:
                  objective: val_accuracy
                  trials: 3
                  space:
                    lr: {float: [1.0e-4, 1.0], log: true}
                """));
        List<TrialRecord> records = new ArrayList<>();
        double[] lrs = {1.1e-4, 0.01, 0.5};
        double[] acc = {0.9, 0.8, 0.7};
        for (int i = 0; i < 3; i++) {
            Search.Proposal p = new Search.Proposal(i, Search.Phase.STARTUP, new Assignment(Map.of("lr", lrs[i])));
            records.add(new TrialRecord(p, TrialResult.of(TrialState.COMPLETED, 0, acc[i]), List.of(), 0, 1, -1));
        }
        assertEquals(List.of("s.yaml:5:9: warning: search.space.lr: the best trial (0) has 1.1E-4, within 5% of the"
                + " range's low end 0.0001 (on a log scale); widen the range"),
                SearchTables.edgeWarnings(s, records).stream().map(Problem::toString).toList());
    }
}
