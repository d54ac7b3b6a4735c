package deepgrid.run.grid.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search replayed from what its runs left behind (design §3): trial i is proposed from the
 * results of trials ≤ i − W, found among the runs, and so on while trials are ready; after the
 * budget, the confirmation. The run layer replays to decide what to start next, and
 * {@code deepgrid report} replays the same way to rebuild the result files from the run
 * folders alone, so both always agree.
 *
 * <p>A trial whose parameters equal an earlier trial's is its duplicate: it has no runs of its
 * own and shares the earlier trial's result (trials.csv says duplicate).
 */
public final class Replay {
    /** One ended run of a trial: its folder, seed, how it ended with its objective curve, seconds, and configured epochs. */
    public record RunFacts(String run, long seed, TrialResult.RunCurve curve, double seconds, int epochs) {
    }

    /** Where a replay finds the runs of a trial (every run that has ended, in seed order). */
    public interface Runs {
        /** Trial {@code trial}'s ended search runs, whose parameters are {@code params} (name → text as in trials.csv). */
        List<RunFacts> search(int trial, Map<String, String> params);

        /** The ended confirmation runs of trial {@code trial}. */
        List<RunFacts> confirm(int trial, Map<String, String> params);
    }

    /**
     * Where the search stands.
     *
     * @param records     every trial started so far in order, then the confirmed trials (phase confirm)
     * @param results     the trials that have ended, duplicates included
     * @param duplicates  the trials that are duplicates of earlier ones
     * @param started     how many trials have started (proposed; trial {@code started} waits for results)
     * @param candidates  the trials to confirm, once every search trial has ended (else empty)
     * @param confirmed   confirm.csv's rows of the candidates with at least one completed confirmation run
     */
    public record State(List<TrialRecord> records, Map<Integer, TrialResult> results, List<Integer> duplicates,
            int started, List<Integer> candidates, List<Confirmation.Row> confirmed) {
        /** True when every trial of the budget has ended. */
        public boolean searched(Search search) {
            return started == search.trials() && results.keySet().containsAll(allTrials(search.trials()));
        }
    }

    private Replay() {
    }

    /** Replays {@code search} over {@code runs}: every trial that can have started, then the confirmation. */
    public static State of(Search search, Runs runs) {
        SearchSpec spec = search.spec();
        Map<Integer, TrialResult> results = new HashMap<>();
        List<TrialRecord> records = new ArrayList<>();
        List<Integer> duplicates = new ArrayList<>();
        Map<Assignment, Integer> first = new LinkedHashMap<>();
        int i = 0;
        for (; i < search.trials() && search.ready(i, results); i++) {
            Search.Proposal p = search.propose(i, results);
            Integer original = first.putIfAbsent(p.params(), i);
            if (original != null) {
                TrialRecord o = records.get(original);
                duplicates.add(i);
                records.add(new TrialRecord(p, o.result(), o.runs(), 0, o.epochs(), original)); // costs nothing
                if (o.result() != null) {
                    results.put(i, o.result());
                }
                continue;
            }
            List<RunFacts> facts = first(runs.search(i, spec.space().texts(p.params())), spec.sampling().repeats());
            TrialResult r = facts.size() == spec.sampling().repeats() ? result(facts) : null;
            records.add(record(p, r, facts));
            if (r != null) {
                results.put(i, r);
            }
        }
        State searching = new State(records, results, duplicates, i, List.of(), List.of());
        if (!searching.searched(search)) {
            return searching;
        }
        return confirm(search, runs, searching);
    }

    /** After the budget: the candidates, their confirmation runs, and confirm.csv's rows. */
    private static State confirm(Search search, Runs runs, State s) {
        SearchSpec spec = search.spec();
        List<Integer> candidates = Confirmation.candidates(spec, s.results(), s.duplicates());
        List<TrialRecord> records = new ArrayList<>(s.records());
        Map<Integer, Map<Long, Double>> values = new LinkedHashMap<>();
        Map<Integer, Double> searchObjective = new HashMap<>();
        for (int t : candidates) {
            Assignment params = s.records().get(t).proposal().params();
            List<RunFacts> facts = first(runs.confirm(t, spec.space().texts(params)), spec.confirm().repeats());
            TrialResult r = facts.size() == spec.confirm().repeats() ? result(facts) : null;
            records.add(record(new Search.Proposal(t, Search.Phase.CONFIRM, params), r, facts));
            Map<Long, Double> bySeed = new LinkedHashMap<>();
            for (RunFacts f : facts) {
                double v = spec.objective().of(f.curve().curve()).value();
                if (f.curve().state() == TrialState.COMPLETED && !Double.isNaN(v)) {
                    bySeed.put(f.seed(), v); // only completed runs count, as in summary.csv
                }
            }
            if (!bySeed.isEmpty()) {
                values.put(t, bySeed);
                searchObjective.put(t, s.results().get(t).objective(spec.objective()));
            }
        }
        int baseline = spec.enqueue().isEmpty() ? -1 : 0;
        List<Confirmation.Row> rows = Confirmation.rows(spec.objective().goal(), values, searchObjective, baseline);
        return new State(records, s.results(), s.duplicates(), s.started(), candidates, rows);
    }

    /** At most {@code n} runs, the first in seed order (the repeats of the search, the seeds of the confirmation). */
    private static List<RunFacts> first(List<RunFacts> facts, int n) {
        return facts.size() <= n ? facts : facts.subList(0, n);
    }

    private static TrialResult result(List<RunFacts> facts) {
        return new TrialResult(facts.stream().map(RunFacts::curve).toList());
    }

    private static TrialRecord record(Search.Proposal p, TrialResult r, List<RunFacts> facts) {
        double seconds = facts.stream().mapToDouble(RunFacts::seconds).sum();
        int epochs = facts.isEmpty() ? 0 : facts.get(0).epochs();
        return new TrialRecord(p, r, facts.stream().map(RunFacts::run).toList(), seconds, epochs, -1);
    }

    private static List<Integer> allTrials(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
