package deepgrid.run.grid;

import deepgrid.config.ExperimentSpec;
import deepgrid.config.Node;
import deepgrid.config.Problem;
import deepgrid.run.RunSpec;
import deepgrid.run.grid.search.Assignment;
import deepgrid.run.grid.search.Confirmation;
import deepgrid.run.grid.search.Curves;
import deepgrid.run.grid.search.Replay;
import deepgrid.run.grid.search.Search;
import deepgrid.run.grid.search.SearchSpec;
import deepgrid.run.grid.search.SearchTables;
import deepgrid.run.grid.search.StopRule;
import deepgrid.run.results.RunRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One search of a file (the file's only one, or one per grid point × variant): its spec, the
 * experiment tree its trials are set into, and the runs it has handed out. Each time the queue
 * has room, the search is replayed from the runs that have ended ({@link Replay}), and the runs
 * of every trial that may start now are handed out with their stop rules; after the budget,
 * the confirmation runs. Nothing else is kept: a rerun replays the same trials from the run
 * folders.
 */
public final class SearchArm {
    /**
     * Who the search is: its folder name, grid point and variant, the tree its trials are set
     * into (the point's tree without {@code search:}), the seed of its first repeat, and how a
     * trial's tree is bound (as every run of the file is).
     */
    public record Identity(String hash, Map<String, String> coordinates, String variant, Node.MapNode base, long seed,
            Binder binder) {
        public Identity {
            coordinates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coordinates));
        }
    }

    /** Binds one trial's experiment tree (throws ConfigException). */
    @FunctionalInterface
    public interface Binder {
        ExperimentSpec bind(Node tree);
    }

    private final SearchSpec spec;
    private final Identity id;
    private final Search search;
    private final TrialRuns runs;
    private final Map<Integer, List<RunSpec>> searchRuns = new HashMap<>();
    private final Map<Integer, List<RunSpec>> confirmRuns = new HashMap<>();
    private final Map<String, Replay.RunFacts> ended = new HashMap<>();
    private final Deque<RunSpec> pending = new ArrayDeque<>();
    private int started;
    private boolean confirmStarted;
    private Replay.State last;

    public SearchArm(SearchSpec spec, Identity id) {
        this.spec = spec;
        this.id = id;
        this.search = new Search(spec);
        this.runs = new TrialRuns(spec, id);
    }

    public SearchSpec spec() {
        return spec;
    }

    public Identity identity() {
        return id;
    }

    public Search search() {
        return search;
    }

    /**
     * The runs known before any result: the trials drawn whatever the results (enqueued and
     * startup), duplicates left out. Their stop rules are not known yet (pruning is null).
     */
    public List<RunSpec> known() {
        Search fresh = new Search(spec);
        List<RunSpec> out = new ArrayList<>();
        List<Assignment> seen = new ArrayList<>();
        for (int i = 0; i < fresh.knownBeforeResults(); i++) {
            Search.Proposal p = fresh.propose(i, Map.of());
            if (!seen.contains(p.params())) {
                seen.add(p.params());
                for (int r = 0; r < spec.sampling().repeats(); r++) {
                    out.add(runs.run(p, r, id.seed() + r, null));
                }
            }
        }
        return out;
    }

    /** The epochs of trial 0 (drawn whatever the results), for the plan's budget. */
    int trialZeroEpochs() {
        return runs.bind(new Search(spec).propose(0, Map.of()), id.seed()).training().epochs();
    }

    /** How many runs this search hands out in all, as far as is known: the budget, repeats and confirmation. */
    public int expected() {
        int confirm = spec.confirm().enabled() ? Math.min(spec.confirm().top(), search.trials()) * spec.confirm().repeats() : 0;
        return search.trials() * spec.sampling().repeats() + confirm;
    }

    /** At most {@code room} runs that may start now. */
    public List<RunSpec> next(Outcomes outcomes, int room) {
        if (pending.isEmpty()) {
            Replay.State s = replay(outcomes);
            for (; started < s.started(); started++) {
                TrialRecordView t = new TrialRecordView(s, started);
                if (t.duplicate()) {
                    continue;
                }
                List<RunSpec> trial = new ArrayList<>();
                for (int r = 0; r < spec.sampling().repeats(); r++) {
                    int epochs = runs.bind(t.proposal(), id.seed() + r).training().epochs();
                    StopRule rule = search.stopRule(started, r, epochs, s.results());
                    trial.add(runs.run(t.proposal(), r, id.seed() + r, rule));
                }
                searchRuns.put(started, trial);
                pending.addAll(trial);
            }
            if (started == search.trials() && !confirmStarted && s.searched(search)) {
                confirmStarted = true;
                startConfirmation(s);
            }
        }
        List<RunSpec> out = new ArrayList<>();
        while (out.size() < room && !pending.isEmpty()) {
            out.add(pending.poll());
        }
        return out;
    }

    /** True when every run has been handed out: every trial, and then the confirmation. */
    public boolean done() {
        return pending.isEmpty() && started == search.trials() && (confirmStarted || !spec.confirm().enabled());
    }

    /** The search as the run folders show it now. */
    public Replay.State replay(Outcomes outcomes) {
        last = Replay.of(search, new Replay.Runs() {
            @Override
            public List<Replay.RunFacts> search(int trial, Map<String, String> params) {
                return facts(searchRuns.get(trial), outcomes);
            }

            @Override
            public List<Replay.RunFacts> confirm(int trial, Map<String, String> params) {
                return facts(confirmRuns.get(trial), outcomes);
            }
        });
        return last;
    }

    /** After the search: the best values within 5% of a range edge (widen the range), as file:line:col: warning: … */
    public List<Problem> edgeWarnings() {
        return last == null ? List.of() : SearchTables.edgeWarnings(search, last.records());
    }

    private void startConfirmation(Replay.State s) {
        List<Long> seeds = Confirmation.seeds(spec, id.seed());
        for (int t : s.candidates()) {
            Search.Proposal p = new Search.Proposal(t, Search.Phase.CONFIRM, s.records().get(t).proposal().params());
            List<RunSpec> trial = new ArrayList<>();
            for (int j = 0; j < seeds.size(); j++) {
                trial.add(runs.run(p, j, seeds.get(j), new StopRule.Never()));
            }
            confirmRuns.put(t, trial);
            pending.addAll(trial);
        }
    }

    private List<Replay.RunFacts> facts(List<RunSpec> handedOut, Outcomes outcomes) {
        List<Replay.RunFacts> out = new ArrayList<>();
        for (RunSpec r : handedOut == null ? List.<RunSpec>of() : handedOut) {
            Replay.RunFacts f = ended.get(r.id());
            if (f == null) {
                Optional<RunRecord> rec = outcomes.result(r.id());
                if (rec.isEmpty()) {
                    continue;
                }
                var curve = Curves.of(rec.get().status(), outcomes.epochs(r.id()), spec.objective().metric());
                f = new Replay.RunFacts(r.id(), r.seed(), curve, rec.get().number("seconds"), r.spec().training().epochs());
                ended.put(r.id(), f);
            }
            out.add(f);
        }
        return out;
    }

    /** Trial i of a replay, as the sweep needs it. */
    private record TrialRecordView(Replay.State s, int i) {
        boolean duplicate() {
            return s.records().get(i).duplicateOf() >= 0;
        }

        Search.Proposal proposal() {
            return s.records().get(i).proposal();
        }
    }
}
