package deepgrid.run.grid.search;

import deepgrid.math.Rng;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The determinism contract of design §3 as an API. Trial i's proposal is a pure function of
 * (search seed, i, the results of trials ≤ i − W, the parameters of trials i − W + 1 … i − 1),
 * W = window; its random numbers come from {@code Rng(seed).split("trial i")}. Results of
 * trials after i − W are never read, even when they are known, so {@code --jobs} and the
 * launcher change speed, never proposals. Pruning is decided the same way: trial i's
 * {@link StopRule} compares it only with trials ≤ i − W.
 *
 * <p>Order of use: construct once per search; for i = 0, 1, … while i < {@link #trials}:
 * wait until {@link #ready}, then {@link #propose}; start the trial's runs with
 * {@link #stopRule}. Replaying a search after a crash is the same loop over the results
 * read back from the run folders. Proposals are remembered (they are pure, so this only
 * saves work); not thread-safe.
 */
public final class Search {
    /**
     * How a trial's parameters were chosen: enqueued, drawn without looking at results (every
     * trial of the random, qmc and grid samplers, and TPE's first ones), or modelled by TPE.
     * CONFIRM marks the re-runs of a trial after the budget (trials.csv only).
     */
    public enum Phase {
        ENQUEUED, STARTUP, MODEL, CONFIRM;

        public String csvName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Trial i's parameters and how they were chosen. */
    public record Proposal(int trial, Phase phase, Assignment params) {
    }

    private final SearchSpec spec;
    private final List<Assignment> grid;
    private final int trials;
    private final Map<Integer, Proposal> proposals = new HashMap<>();

    public Search(SearchSpec spec) {
        this.spec = spec;
        long size = SpacePoints.size(spec.space());
        int budget = spec.sampling().trials();
        boolean small = size >= 0 && size < budget; // design §2: a small discrete space runs as a shuffled grid
        if (spec.sampling().kind() == SamplerKind.GRID || small) {
            List<Assignment> points = new ArrayList<>(SpacePoints.points(spec.space()));
            points.removeAll(spec.enqueue()); // a fully enqueued point is not run twice
            int[] order = new Rng(spec.sampling().seed()).split("grid").permutation(points.size());
            List<Assignment> shuffled = new ArrayList<>();
            for (int k : order) {
                shuffled.add(points.get(k));
            }
            this.grid = List.copyOf(shuffled);
            int all = spec.enqueue().size() + grid.size();
            this.trials = small ? all : Math.min(budget, all);
        } else {
            this.grid = null;
            this.trials = budget;
        }
    }

    public SearchSpec spec() {
        return spec;
    }

    /** The number of trials this search runs: the budget, or fewer for a small discrete space. */
    public int trials() {
        return trials;
    }

    /**
     * How many leading trials are known before any result (for {@code deepgrid plan}): all of
     * them unless TPE models. With TPE, the enqueued trials, and every trial i that is drawn
     * at random whatever the results: at most i − W + 1 trials can have ended when i starts,
     * so i < startup + W − 1 is surely a startup trial.
     */
    public int knownBeforeResults() {
        if (grid != null || spec.sampling().kind() != SamplerKind.TPE) {
            return trials;
        }
        return Math.min(trials, Math.max(spec.enqueue().size(), spec.sampling().startup() + spec.sampling().window() - 1));
    }

    /** True when trial i may start: every trial ≤ i − W has a result. */
    public boolean ready(int i, Map<Integer, TrialResult> results) {
        for (int j = 0; j <= i - spec.sampling().window(); j++) {
            if (!results.containsKey(j)) {
                return false;
            }
        }
        return true;
    }

    /** Trial i's proposal; throws when a trial ≤ i − W has no result yet. */
    public Proposal propose(int i, Map<Integer, TrialResult> results) {
        if (i < 0 || i >= trials) {
            throw new IllegalArgumentException("trial " + i + " is outside 0…" + (trials - 1));
        }
        for (int j = 0; j <= i; j++) {
            if (!proposals.containsKey(j)) {
                proposals.put(j, make(j, results));
            }
        }
        return proposals.get(i);
    }

    /**
     * The stop rule of trial i's run of repeat {@code repeat} lasting {@code epochs} epochs:
     * compared with the same repeat (the same seed) of the trials ≤ i − W.
     */
    public StopRule stopRule(int i, int repeat, int epochs, Map<Integer, TrialResult> results) {
        List<PrunerSpec.Reference> refs = new ArrayList<>();
        for (TrialResult r : reference(i, results).values()) {
            var run = r.runs().get(Math.min(repeat, r.runs().size() - 1));
            refs.add(new PrunerSpec.Reference(run.state(), run.curve()));
        }
        return spec.pruner().rule(spec.objective().goal(), epochs, refs);
    }

    private Proposal make(int i, Map<Integer, TrialResult> results) {
        Rng rng = new Rng(spec.sampling().seed()).split("trial " + i);
        int enqueued = spec.enqueue().size();
        if (i < enqueued) {
            return new Proposal(i, Phase.ENQUEUED, Sampling.random(spec.space(), spec.enqueue().get(i), rng));
        }
        if (grid != null) {
            return new Proposal(i, Phase.STARTUP, grid.get(i - enqueued));
        }
        return switch (spec.sampling().kind()) {
            case QMC -> new Proposal(i, Phase.STARTUP, Sampling.qmc(spec.space(), i - enqueued + 1));
            case TPE -> tpe(i, results, rng);
            default -> new Proposal(i, Phase.STARTUP, Sampling.random(spec.space(), Assignment.EMPTY, rng));
        };
    }

    private Proposal tpe(int i, Map<Integer, TrialResult> results, Rng rng) {
        if (i - spec.sampling().window() + 1 < spec.sampling().startup()) {
            // at most i − W + 1 trials can have ended: too few to model whatever they were (so no result is read)
            return new Proposal(i, Phase.STARTUP, Sampling.random(spec.space(), Assignment.EMPTY, rng));
        }
        Map<Integer, TrialResult> finished = new HashMap<>(reference(i, results));
        finished.values().removeIf(r -> !r.state().informs());
        if (finished.size() < spec.sampling().startup()) {
            return new Proposal(i, Phase.STARTUP, Sampling.random(spec.space(), Assignment.EMPTY, rng));
        }
        Objective o = spec.objective();
        List<Tpe.Ranked> ranked = new ArrayList<>();
        finished.forEach((j, r) -> ranked.add(new Tpe.Ranked(j, r.state(), r.objective(o), r.epochsReached(),
                r.lastValue())));
        Set<Integer> below = new TreeSet<>(Tpe.below(ranked, o.goal()));
        Set<Integer> above = new TreeSet<>(finished.keySet());
        above.removeAll(below);
        for (int j = Math.max(0, i - spec.sampling().window() + 1); j < i; j++) {
            above.add(j); // running, as far as trial i may know: the constant liar puts them with the bad
        }
        Map<Integer, Assignment> params = new HashMap<>();
        below.forEach(j -> params.put(j, proposals.get(j).params()));
        above.forEach(j -> params.put(j, proposals.get(j).params()));
        return new Proposal(i, Phase.MODEL, Sampling.tpe(spec.space(), new Sampling.Groups(below, above, params), rng));
    }

    /** The results of trials ≤ i − W, every one of which must be known. */
    private Map<Integer, TrialResult> reference(int i, Map<Integer, TrialResult> results) {
        Map<Integer, TrialResult> out = new HashMap<>();
        for (int j = 0; j <= i - spec.sampling().window(); j++) {
            TrialResult r = results.get(j);
            if (r == null) {
                throw new IllegalStateException("trial " + i + " needs the result of trial " + j
                        + " (window " + spec.sampling().window() + "), which has not ended");
            }
            out.put(j, r);
        }
        return out;
    }
}
