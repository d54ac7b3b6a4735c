package deepgrid.lint;

import deepgrid.config.ExperimentBinder;
import deepgrid.config.ExperimentSpec;
import deepgrid.config.Node;
import deepgrid.config.YamlReader;
import deepgrid.data.Splits;
import deepgrid.run.Planner;
import deepgrid.run.RunSpec;
import deepgrid.run.grid.Expander;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every rule over every point of a planned file and reports each warning once, with
 * the grid points it covers. Order of use: plan the file (so it is valid), then
 * {@link #check}. The rules read the bound spec for meaning and the file's tree for where
 * each value was written (a grid value points at its place in {@code grid:}); runs of a sweep
 * that are not the file's grid points (a search's) are read against the file itself.
 */
public final class Lint {
    static final List<Rule> RULES = List.of(new InitRules.ConstantInit(), new InitRules.InitForActivation(),
            new InitRules.InitScale(), new LayerRules.StepActivation(), new LayerRules.DropoutOnOutput(),
            new LayerRules.BiasBeforeBatchNorm(), new LayerRules.LinearStack(), new LayerRules.BatchNormOnOneSample(),
            new TrainingRules.LearningRate(), new TrainingRules.BatchLargerThanData(),
            new TrainingRules.NeverStopsEarly(), new TrainingRules.ScheduleNeverSteps(),
            new TrainingRules.Unnormalized(), new TrainingRules.SnapshotAfterEnd());

    private Lint() {
    }

    /** The warnings of {@code plan} (planned from its file with {@code sets}), sorted by position. */
    public static List<LintWarning> check(Planner.Plan plan, List<String> sets, ExperimentBinder.DataProbe probe) {
        Node root = Planner.applySets(YamlReader.read(plan.file()), sets);
        if (root instanceof Node.MapNode m && m.entries().containsKey("launcher")) {
            root = m.without("launcher"); // how runs launch says nothing about the network
        }
        List<Expander.Point> points;
        List<RunSpec> runs;
        if (root instanceof Node.MapNode m && m.entries().containsKey("search")) {
            // a search's trials take their values from its space, whose own warnings judge the ranges; the lint
            // reads what the file itself configures, once per grid point × variant (the search's arms)
            points = Expander.expand(m.without("search")).stream().filter(p -> p.repeat() == 0).toList();
            runs = points.stream().map(p -> new RunSpec(ExperimentBinder.bind(p.tree(), plan.experiment(), probe),
                    p.coordinates(), p.variant(), 0, "")).toList();
        } else {
            points = Expander.expand(root);
            runs = plan.runs();
            if (points.size() == runs.size()) { // a grid: its repeats differ in their seed alone, which no rule reads
                List<Expander.Point> all = points;
                List<RunSpec> allRuns = runs;
                List<Integer> firsts = java.util.stream.IntStream.range(0, all.size())
                        .filter(i -> all.get(i).repeat() == 0).boxed().toList();
                points = firsts.stream().map(all::get).toList();
                runs = firsts.stream().map(allRuns::get).toList();
            }
        }
        // a grid's runs are its points, in order; runs of another sweep (a search) are read against the file itself
        boolean byPoint = points.size() == runs.size();
        Map<Findings.Finding, Set<String>> covered = new LinkedHashMap<>();
        Map<String, Map<String, String>> labels = new LinkedHashMap<>(); // label → variant and grid values
        Map<Splits, Subject.InputScale> scales = new IdentityHashMap<>(); // the loader shares one Splits per data spec
        for (int i = 0; i < runs.size(); i++) {
            RunSpec run = runs.get(i);
            String label = label(run);
            labels.putIfAbsent(label, values(run));
            ExperimentSpec spec = run.spec(); // a planned run binds again each time it is asked
            Splits data = probe.load(spec.data());
            Subject s = new Subject(byPoint ? points.get(i).tree() : root, spec, data,
                    scales.computeIfAbsent(data, Subject.InputScale::of));
            Findings found = new Findings();
            for (Rule rule : RULES) {
                found.by(rule);
                rule.check(s, found);
            }
            found.list().forEach(f -> covered.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(label));
        }
        List<LintWarning> out = new ArrayList<>();
        int total = labels.size() == 1 && labels.containsKey("") ? 0 : labels.size();
        covered.forEach((f, ls) -> out.add(new LintWarning(f.pos(), f.message(), f.rule(), List.copyOf(ls), total,
                common(ls, labels))));
        out.sort(null);
        return out;
    }

    /**
     * Checks every plan and prints each warning to {@code err} (as an error under
     * {@link LintWarning.Severity#ERROR}); returns how many there were.
     */
    public static int report(List<Planner.Plan> plans, List<String> sets, ExperimentBinder.DataProbe probe,
            PrintWriter err, LintWarning.Severity severity) {
        int n = 0;
        for (Planner.Plan p : plans) {
            for (LintWarning w : check(p, sets, probe)) {
                err.println(w.format(severity));
                n++;
            }
        }
        err.flush();
        return n;
    }

    /** The variant (if any) and grid values of a run's point, by name ("variant", then each grid path). */
    private static Map<String, String> values(RunSpec run) {
        Map<String, String> v = new LinkedHashMap<>();
        if (!run.variant().isEmpty()) {
            v.put("variant", run.variant());
        }
        v.putAll(run.coordinates());
        return v;
    }

    /**
     * "every point with model.init=zeros" when the covered points are exactly those sharing one
     * value (or one variant); "" when no single value says it.
     */
    static String common(Set<String> covered, Map<String, Map<String, String>> all) {
        if (covered.size() < 2 || covered.size() == all.size()) {
            return "";
        }
        Map<String, String> first = all.get(covered.iterator().next());
        for (var e : first.entrySet()) {
            Set<String> same = new LinkedHashSet<>();
            all.forEach((label, v) -> {
                if (e.getValue().equals(v.get(e.getKey()))) {
                    same.add(label);
                }
            });
            if (same.equals(covered)) {
                return "every one with " + (e.getKey().equals("variant") ? "variant " + e.getValue()
                        : e.getKey() + "=" + e.getValue());
            }
        }
        return "";
    }

    /** A grid point by its variant and grid values: "dropout, optimizer.lr=0.1"; "" without either. */
    static String label(RunSpec run) {
        List<String> parts = new ArrayList<>();
        if (!run.variant().isEmpty()) {
            parts.add(run.variant());
        }
        run.coordinates().forEach((path, value) -> parts.add(path + "=" + value));
        return String.join(", ", parts);
    }
}
