package deepgrid.run.grid.search;

import static deepgrid.run.grid.search.SearchBinderTest.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;

/** Design §3 and §4: proposals are pure functions of (seed, i, results ≤ i − W, running parameters). */
class SearchTest {
    static final String SPACE = """
              space:
                optimizer.lr: {float: [1.0e-5, 1.0e-1], log: true}
                width: {int: [8, 256], log: true}
                dropout: {float: [0.0, 0.5], step: 0.1}
                act: [relu, tanh, elu]
            """;

    static Search search(String options) {
        return new Search(bind("search:\n" + options.indent(2) + SPACE));
    }

    /** A toy objective with its best at lr = 0.01, width 64, dropout 0.1, tanh: a made-up accuracy. */
    static TrialResult evaluate(Assignment a) {
        double lr = Math.log10(a.get("optimizer.lr")) + 2;
        double w = Math.log(a.get("width") / 64);
        double acc = 0.9 - 0.05 * lr * lr - 0.02 * w * w - 0.2 * Math.abs(a.get("dropout") - 0.1)
                - (a.get("act") == 1 ? 0 : 0.03);
        double[] curve = new double[6];
        for (int t = 0; t < curve.length; t++) {
            curve[t] = acc * (1 - Math.exp(-t));
        }
        return TrialResult.of(TrialState.COMPLETED, curve);
    }

    /** Runs a whole search sequentially, feeding back the toy results. */
    static List<Search.Proposal> run(Search s) {
        Map<Integer, TrialResult> results = new HashMap<>();
        List<Search.Proposal> out = new ArrayList<>();
        for (int i = 0; i < s.trials(); i++) {
            Search.Proposal p = s.propose(i, results);
            out.add(p);
            results.put(i, evaluate(p.params()));
        }
        return out;
    }

    @Test
    void sameInputsSameProposalsDifferentSeedDifferentProposals() {
        String opts = "objective: val_accuracy\ntrials: 30\nstartup: 8\nwindow: 3\nseed: 11\n";
        List<Search.Proposal> a = run(search(opts));
        List<Search.Proposal> b = run(search(opts));
        assertEquals(a, b);
        List<Search.Proposal> c = run(search(opts.replace("seed: 11", "seed: 12")));
        assertNotEquals(a.get(0).params(), c.get(0).params());
        assertNotEquals(a.get(29).params(), c.get(29).params());
        assertEquals(Search.Phase.STARTUP, a.get(9).phase());   // trial 9 sees trials ≤ 7: 8 ended
        assertEquals(Search.Phase.MODEL, a.get(10).phase());
    }

    @Test
    void resultsAfterTheWindowAreNeverRead() {
        Search s = search("objective: val_accuracy\ntrials: 20\nstartup: 4\nwindow: 3\n");
        Map<Integer, TrialResult> seen = new HashMap<>();
        Map<Integer, TrialResult> more = new HashMap<>();
        List<Assignment> params = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            params.add(s.propose(i, seen).params());
            more.put(i, evaluate(params.get(i)));
            if (i <= 12 - 3) {
                seen.put(i, more.get(i));
            }
        }
        // trial 12 with only the results it may read (≤ 9), and again with trials 10, 11 finished too
        Search fresh = search("objective: val_accuracy\ntrials: 20\nstartup: 4\nwindow: 3\n");
        assertEquals(s.propose(12, seen), fresh.propose(12, more));
        assertFalse(s.ready(13, seen));
        assertTrue(s.ready(12, seen));
        assertThrows(IllegalStateException.class, () -> search("trials: 20\nwindow: 3\n").propose(13, seen));
    }

    @Test
    void tpeBeatsRandomOnTheToyObjective() {
        // a sanity check of the whole loop, not a benchmark: median best over 5 seeds
        List<Double> tpe = new ArrayList<>();
        List<Double> random = new ArrayList<>();
        for (int seed = 0; seed < 5; seed++) {
            tpe.add(best(run(search("objective: val_accuracy\ntrials: 40\nwindow: 1\nseed: " + seed + "\n"))));
            random.add(best(run(search("objective: val_accuracy\ntrials: 40\nsampler: random\nseed: " + seed + "\n"))));
        }
        tpe.sort(null);
        random.sort(null);
        assertTrue(tpe.get(2) > random.get(2), "TPE " + tpe + " vs random " + random);
    }

    private static double best(List<Search.Proposal> ps) {
        return ps.stream().mapToDouble(p -> evaluate(p.params()).objective(
                new Objective("val_accuracy", Goal.MAXIMIZE, Objective.EpochRule.BEST, false, null))).max().orElseThrow();
    }

    @Test
    void aRangeOfOneValueIsNotModelled() {
        Search s = new Search(bind("""
                search:
                  trials: 8
                  startup: 2
                  window: 1
                  space: {a: {float: [0.5, 0.5]}, b: {float: [0, 1]}}
                """));
        Map<Integer, TrialResult> results = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            Assignment p = s.propose(i, results).params();
            assertEquals(0.5, p.get("a"));
            assertTrue(p.get("b") >= 0 && p.get("b") <= 1, "b = " + p.get("b"));
            results.put(i, TrialResult.of(TrialState.COMPLETED, 0, p.get("b")));
        }
    }

    @Test
    void enqueuedTrialsComeFirstAndKeepTheirValues() {
        Search s = search("trials: 5\nenqueue:\n  - {optimizer.lr: 0.001, act: elu}\n");
        Search.Proposal p = s.propose(0, Map.of());
        assertEquals(Search.Phase.ENQUEUED, p.phase());
        assertEquals(0.001, p.params().get("optimizer.lr"));
        assertEquals(2.0, p.params().get("act"));
        assertTrue(p.params().has("width"), "the rest is drawn");
        assertEquals(Search.Phase.STARTUP, s.propose(1, Map.of()).phase());
    }

    @Test
    void randomDrawsStayOnTheirDomains() {
        Search s = search("sampler: random\ntrials: 300\nwindow: 300\n");
        Set<Double> dropouts = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            Assignment a = s.propose(i, Map.of()).params();
            assertTrue(a.get("optimizer.lr") >= 1e-5 && a.get("optimizer.lr") <= 0.1);
            assertTrue(a.get("width") == Math.rint(a.get("width")) && a.get("width") >= 8 && a.get("width") <= 256);
            dropouts.add(a.get("dropout"));
        }
        assertEquals(Set.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5), dropouts); // the end values get whole cells too
    }

    @Test
    void qmcTakesSobolPointsAfterTheOrigin() {
        Search s = search("sampler: qmc\ntrials: 16\n");
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(4);
        sobol.nextVector(); // the origin, skipped
        for (int i = 0; i < 16; i++) {
            double[] u = sobol.nextVector();
            Assignment a = s.propose(i, Map.of()).params();
            assertEquals(Math.exp(Math.log(1e-5) + u[0] * (Math.log(0.1) - Math.log(1e-5))), a.get("optimizer.lr"), 1e-15);
            assertEquals(Math.floor(u[3] * 3), a.get("act"));
        }
    }

    @Test
    void commonsMathSobolAgreesWithScipy() {
        List<JsonNode> points = SearchFixture.list("sobol");
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(5);
        for (int k = 0; k < points.size(); k++) {
            double[] expected = SearchFixture.doubles(points.get(k));
            double[] actual = sobol.nextVector();
            for (int d = 0; d < 5; d++) {
                assertEquals(expected[d], actual[d], 0, "point " + k + " dimension " + d);
            }
        }
    }

    @Test
    void aSmallDiscreteSpaceRunsAsAShuffledGridOnceEach() {
        Search s = new Search(bind("""
                search:
                  trials: 50
                  enqueue: [{a: 2, b: 1}]
                  space: {a: [1, 2, 3], b: {int: [1, 4]}}
                """));
        assertEquals(12, s.trials());
        Set<Assignment> seen = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            assertTrue(seen.add(s.propose(i, Map.of()).params()), "trial " + i + " repeats a point");
        }
        Search other = new Search(bind("search:\n  trials: 50\n  seed: 3\n  space: {a: [1, 2, 3], b: {int: [1, 4]}}\n"));
        assertNotEquals(s.propose(5, Map.of()).params(), other.propose(5, Map.of()).params());
    }

    @Test
    void conditionalBranchesAreModelledFromTheTrialsThatTookThem() {
        Search s = new Search(bind("""
                search:
                  objective: val_accuracy
                  trials: 30
                  startup: 6
                  window: 1
                  space:
                    optimizer:
                      choice:
                        - {type: sgd, lr: {float: [1.0e-3, 1.0], log: true}}
                        - {type: adam, lr: {float: [1.0e-5, 1.0e-2], log: true}}
                """));
        Map<Integer, TrialResult> results = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            Assignment a = s.propose(i, results).params();
            String branch = a.get("optimizer") == 0 ? "optimizer[sgd].lr" : "optimizer[adam].lr";
            assertEquals(Set.of("optimizer", branch), a.values().keySet());
            double acc = a.get("optimizer") == 1 ? 0.9 - 0.01 * Math.abs(Math.log10(a.get(branch)) + 3) : 0.5;
            results.put(i, TrialResult.of(TrialState.COMPLETED, 0, acc));
        }
        long adam = results.keySet().stream().filter(i -> i >= 20)
                .filter(i -> s.propose(i, results).params().get("optimizer") == 1).count();
        assertTrue(adam >= 7, "TPE should prefer the better branch late in the search, took adam " + adam + "/10");
    }
}
