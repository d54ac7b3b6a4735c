package deepgrid.run.grid;

import deepgrid.config.ConfigException;
import deepgrid.config.ExperimentBinder;
import deepgrid.config.ExperimentSpec;
import deepgrid.config.Node;
import deepgrid.config.Problem;
import deepgrid.run.RunIds;
import deepgrid.run.RunSpec;
import deepgrid.run.SearchTrial;
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
    private final Map<Integer, List<RunSpec>> searchRuns = new HashMap<>();
    private final Map<Integer, List<RunSpec>> confirmRuns = new HashMap<>();
    private final Map<String, Replay.RunFacts> ended = new HashMap<>();
    private final Map<String, ExperimentSpec> bound = new HashMap<>();
    private final Deque<RunSpec> pending = new ArrayDeque<>();
    private int started;
    private boolean confirmStarted;
    private Replay.State last;

    public SearchArm(SearchSpec spec, Identity id) {
        this.spec = spec;
        this.id = id;
        this.search = new Search(spec);
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
                    out.add(run(p, r, id.seed() + r, null));
                }
            }
        }
        return out;
    }

    /** The epochs of trial 0 (drawn whatever the results), for the plan's budget. */
    int trialZeroEpochs() {
        return bindTrial(new Search(spec).propose(0, Map.of()), id.seed()).training().epochs();
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
                List<RunSpec> runs = new ArrayList<>();
                for (int r = 0; r < spec.sampling().repeats(); r++) {
                    int epochs = bindTrial(t.proposal(), id.seed() + r).training().epochs();
                    StopRule rule = search.stopRule(started, r, epochs, s.results());
                    runs.add(run(t.proposal(), r, id.seed() + r, rule));
                }
                searchRuns.put(started, runs);
                pending.addAll(runs);
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
            List<RunSpec> runs = new ArrayList<>();
            for (int j = 0; j < seeds.size(); j++) {
                runs.add(run(p, j, seeds.get(j), new StopRule.Never()));
            }
            confirmRuns.put(t, runs);
            pending.addAll(runs);
        }
    }

    private List<Replay.RunFacts> facts(List<RunSpec> runs, Outcomes outcomes) {
        List<Replay.RunFacts> out = new ArrayList<>();
        for (RunSpec r : runs == null ? List.<RunSpec>of() : runs) {
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

    /** Trial p's run on {@code seed} (repeat or confirmation index {@code index}), with its stop rule (null: not known yet). */
    private RunSpec run(Search.Proposal p, int index, long seed, StopRule rule) {
        ExperimentSpec bound = bindTrial(p, seed);
        boolean confirm = p.phase() == Search.Phase.CONFIRM;
        Map<String, Object> identity = new LinkedHashMap<>(bound.resolved());
        Map<String, Object> trial = new LinkedHashMap<>(); // ordered: the dump, and so the hash, must not vary
        trial.put("folder", id.hash());
        trial.put("trial", p.trial());
        trial.put("run", confirm ? "confirm" : "search");
        identity.put("search", trial);
        Map<String, String> name = new LinkedHashMap<>(id.coordinates());
        name.put("trial", "t" + p.trial() + (confirm ? "c" : ""));
        String runId = RunIds.of(id.variant(), name, seed, identity);
        Map<String, String> params = new LinkedHashMap<>(spec.space().texts(p.params()));
        params.values().removeIf(String::isEmpty); // a branch not taken
        SearchTrial.Pruning pruning = rule == null ? null : new SearchTrial.Pruning(spec.objective().metric(), rule.encode());
        SearchTrial st = new SearchTrial(id.hash(), p.trial(), p.phase().csvName(), params, pruning);
        return new RunSpec(bound, id.coordinates(), id.variant(), index, runId, st);
    }

    /** The experiment of trial p on {@code seed}: the base tree with the trial's values set, bound as any run. */
    private ExperimentSpec bindTrial(Search.Proposal p, long seed) {
        String key = p.params() + "@" + seed;
        ExperimentSpec e = bound.get(key);
        if (e != null) {
            return e;
        }
        Node tree = spec.space().tree(id.base(), p.params());
        tree = ((Node.MapNode) tree).with("seed", new Node.Scalar(id.base().pos(), Long.toString(seed), false));
        try {
            e = id.binder().bind(tree);
        } catch (ConfigException ex) {
            throw new ConfigException(ex.problems().stream().map(q -> new Problem(q.pos(), "search trial " + p.trial()
                    + " (" + spec.space().texts(p.params()) + "): " + q.message())).toList());
        }
        bound.put(key, e);
        return e;
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
