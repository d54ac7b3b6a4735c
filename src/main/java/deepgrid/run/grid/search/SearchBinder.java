package deepgrid.run.grid.search;

import deepgrid.config.MapReader;
import deepgrid.config.Node;
import deepgrid.config.Pos;
import deepgrid.config.Problem;
import deepgrid.config.Problems;
import deepgrid.config.Suggest;
import deepgrid.math.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a {@code search:} block into a {@link SearchSpec}: every key checked, every default
 * filled, every problem reported at once (as a ConfigException) and positioned like the rest
 * of the file. The checks that need the whole experiment tree are in {@link SearchChecks}.
 */
public final class SearchBinder {
    static final int DEFAULT_TRIALS = 20;
    static final int DEFAULT_STARTUP = 10;
    static final int DEFAULT_WINDOW = 4;
    static final SearchSpec.Confirm DEFAULT_CONFIRM = new SearchSpec.Confirm(3, 5);
    /** Sobol sequences of commons-math3 have at most this many dimensions. */
    static final int MAX_QMC_PARAMS = 1000;

    private SearchBinder() {
    }

    /** Binds {@code node}, the value of {@code search:}; {@code fileSeed} is the file's seed (the default search seed). */
    public static SearchSpec bind(Node node, long fileSeed, Pos fallback) {
        Problems problems = new Problems();
        List<Problem> warnings = new ArrayList<>();
        MapReader s = MapReader.of(node, fallback, "search", problems);
        Node objectiveNode = s.take("objective");
        int trials = s.integer("trials", DEFAULT_TRIALS, Range.atLeast(1));
        SamplerKind sampler = s.choice("sampler", SearchNames.SAMPLERS, "tpe");
        long seed = s.integer("seed", (int) fileSeed, Range.atLeast(0));
        int startup = s.integer("startup", DEFAULT_STARTUP, Range.atLeast(0));
        int window = s.integer("window", DEFAULT_WINDOW, Range.atLeast(1));
        Space space = SpaceBinder.read(s.take("space"), s.pos(), problems);
        Node enqueueNode = s.take("enqueue");
        List<Assignment> enqueue = EnqueueBinder.read(enqueueNode, space, problems);
        PrunerSpec pruner = s.choice("pruner", SearchNames.PRUNERS, "none");
        int repeats = s.integer("repeats", 1, Range.atLeast(1));
        SearchSpec.Confirm confirm = confirm(s.take("confirm"), problems);
        boolean allowTest = s.bool("allow_test_objective", false);
        Objective objective = objective(objectiveNode, s.pos(), allowTest, problems, warnings);
        s.finish();
        if (enqueue.size() > trials) {
            problems.add(s.posOf("enqueue"), "search.enqueue holds " + enqueue.size() + " trials, more than trials: "
                    + trials);
        }
        checkSampler(sampler, space, s, problems);
        problems.throwIfAny();
        warnings.addAll(SearchChecks.spaceWarnings(space, sampler, trials, startup, s.pos()));
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("objective", ordered("metric", objective.metric(), "goal", objective.goal().yamlName(),
                "epoch", objective.epoch().yamlName()));
        resolved.put("trials", trials);
        resolved.put("sampler", sampler.yamlName());
        resolved.put("seed", seed);
        resolved.put("startup", startup);
        resolved.put("window", window);
        resolved.put("space", space.normalized());
        // as written (space paths), so that space.yaml binds back to this very search (deepgrid report does)
        resolved.put("enqueue", enqueueNode == null || enqueueNode instanceof Node.Scalar n && n.isNull() ? List.of()
                : Plain.of(enqueueNode));
        resolved.put("pruner", pruner.resolved());
        resolved.put("repeats", repeats);
        resolved.put("confirm", confirm.enabled() ? ordered("top", confirm.top(), "repeats", confirm.repeats()) : "none");
        resolved.put("allow_test_objective", allowTest);
        var sampling = new SearchSpec.Sampling(sampler, seed, trials, startup, window, repeats);
        return new SearchSpec(objective, sampling, space, enqueue, pruner, confirm, warnings, resolved);
    }

    private static Objective objective(Node node, Pos fallback, boolean allowTest, Problems problems,
            List<Problem> warnings) {
        String metric = "val_loss";
        String goal = null;
        String epoch = "best";
        Pos pos = node == null ? fallback : node.pos();
        Pos metricPos = pos;
        if (node instanceof Node.Scalar sc && !sc.isNull()) {
            metric = sc.text();
        } else if (node != null && !(node instanceof Node.Scalar)) {
            MapReader o = MapReader.of(node, fallback, "search.objective", problems);
            metric = o.string("metric", metric);
            metricPos = o.posOf("metric");
            goal = o.has("goal") ? o.string("goal", null) : null;
            epoch = o.string("epoch", epoch);
            checkName(goal, List.of("maximize", "minimize"), o.posOf("goal"), "search.objective.goal", problems);
            checkName(epoch, List.of("best", "last"), o.posOf("epoch"), "search.objective.epoch", problems);
            o.finish();
        }
        if (!Objective.METRICS.contains(metric)) {
            String hint = Suggest.didYouMean(metric, Objective.METRICS);
            problems.add(metricPos, "search.objective: unknown metric '" + metric + "'"
                    + (hint.isEmpty() ? "; allowed: " + String.join(", ", Objective.METRICS) : hint));
            return new Objective("val_loss", Goal.MINIMIZE, Objective.EpochRule.BEST, allowTest, pos);
        }
        if (metric.startsWith("test_") && !allowTest) {
            problems.add(metricPos, "search.objective: tuning on " + metric + " turns the test split into a"
                    + " validation split and its score into an optimistic one; use a val_* metric (with"
                    + " data.validation) or set search.allow_test_objective: true");
        }
        Goal natural = Objective.naturalGoal(metric);
        Goal g = goal == null || !List.of("maximize", "minimize").contains(goal) ? natural
                : Goal.valueOf(goal.toUpperCase(java.util.Locale.ROOT));
        if (g != natural) {
            warnings.add(new Problem(metricPos, "warning: search.objective: " + g.yamlName() + " " + metric + "? "
                    + (natural == Goal.MINIMIZE ? "losses go down" : "accuracies go up") + "; check goal"));
        }
        Objective.EpochRule rule = epoch.equals("last") ? Objective.EpochRule.LAST : Objective.EpochRule.BEST;
        return new Objective(metric, g, rule, allowTest, metricPos);
    }

    private static void checkName(String value, List<String> allowed, Pos pos, String where, Problems problems) {
        if (value != null && !allowed.contains(value)) {
            problems.add(pos, where + ": found '" + value + "', expected " + String.join(" or ", allowed));
        }
    }

    private static SearchSpec.Confirm confirm(Node node, Problems problems) {
        if (node == null) {
            return DEFAULT_CONFIRM;
        }
        if (node instanceof Node.Scalar s && !s.quoted() && s.text().equals("none")) {
            return SearchSpec.Confirm.NONE;
        }
        if (!(node instanceof Node.MapNode)) {
            problems.add(node.pos(), "search.confirm: found " + node.describe()
                    + ", expected none or {top: 3, repeats: 5}");
            return SearchSpec.Confirm.NONE;
        }
        MapReader c = MapReader.of(node, node.pos(), "search.confirm", problems);
        int top = c.integer("top", DEFAULT_CONFIRM.top(), Range.atLeast(1));
        int repeats = c.integer("repeats", DEFAULT_CONFIRM.repeats(), Range.atLeast(2));
        c.finish();
        return new SearchSpec.Confirm(top, repeats);
    }

    private static void checkSampler(SamplerKind sampler, Space space, MapReader s, Problems problems) {
        if (sampler == SamplerKind.QMC && space.params().size() > MAX_QMC_PARAMS) {
            problems.add(s.posOf("sampler"), "search.sampler: qmc takes at most " + MAX_QMC_PARAMS
                    + " parameters (Sobol dimensions); the space has " + space.params().size());
        }
        if (sampler != SamplerKind.GRID || space.entries().isEmpty()) {
            return;
        }
        long size = SpacePoints.size(space);
        if (size < 0) {
            String continuous = space.params().stream().filter(p -> p.domain().size() < 0).map(Param::name)
                    .findFirst().orElse("?");
            problems.add(s.posOf("sampler"), "search.sampler: grid needs a discrete space, but " + continuous
                    + " is a continuous range; give it a step, make it a choice, or use tpe, random or qmc");
        } else if (size > SpacePoints.MAX_LISTED) {
            problems.add(s.posOf("sampler"), "search.sampler: grid lists every point, and the space has " + size
                    + " (more than " + SpacePoints.MAX_LISTED + "); use tpe, random or qmc");
        }
    }

    /** A map of key-value pairs in the order given. */
    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
