package deepgrid.run;

import deepgrid.config.ConfigException;
import deepgrid.config.ExperimentBinder;
import deepgrid.config.ExperimentSpec;
import deepgrid.config.Node;
import deepgrid.config.Pos;
import deepgrid.config.Problems;
import deepgrid.config.TreePath;
import deepgrid.config.YamlReader;
import deepgrid.run.grid.Expander;
import deepgrid.run.grid.GridSweep;
import deepgrid.run.grid.Sweep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * File → every run it stands for, each bound and validated. Order: read, apply
 * {@code --set}, expand grid × variants × repeats, bind every point. All problems of
 * all points come back at once, before anything trains.
 */
public final class Planner {
    /** One file's sweep of runs and its grid paths (the extra columns of runs.csv). */
    public record Plan(Path file, String experiment, List<String> gridPaths, Sweep sweep) {
        /** The runs known before any result, in order (a grid: all of them). */
        public List<RunSpec> runs() {
            return sweep.known();
        }
    }

    /** A {@code --set} path under the grid names a grid entry: {@code grid.optimizer.lr=[0.1, 0.01]}. */
    private static final String GRID = "grid.";
    /** A search's block; {@code --set search.space.PATH=...} sets the space entry PATH as one key, as grid entries. */
    private static final String SEARCH = "search";
    private static final String SEARCH_SPACE = "search.space.";

    private Planner() {
    }

    /** Plans {@code file} with {@code sets} ("path=value") applied first. Throws ConfigException. */
    public static Plan plan(Path file, List<String> sets, ExperimentBinder.DataProbe probe) {
        Node file0 = applySets(YamlReader.read(file), sets);
        Problems problems = new Problems();
        deepgrid.run.cluster.SlurmSettings.read(file0, problems); // checked here; how runs launch is no part of what they are
        Node root = file0 instanceof Node.MapNode m ? m.without(deepgrid.run.cluster.SlurmSettings.KEY) : file0;
        if (root instanceof Node.MapNode m && m.entries().containsKey(SEARCH)) {
            Plan search = null;
            try {
                search = SearchPlanner.plan(file, root, probe); // design/search.md: a search per grid point × variant
            } catch (ConfigException e) {
                problems.addAll(e); // with the launcher block's problems, in one report
            }
            problems.throwIfAny();
            return search;
        }
        Expander.Expansion points = Expander.expansion(root);
        String defaultName = defaultName(file);
        List<RunSpec> runs = new ArrayList<>(points.size());
        Map<String, Integer> seen = new HashMap<>(); // identity digest → first run with it
        ConfigException duplicate = null;
        long lastPoint = -1;
        ExperimentSpec last = null;
        for (int i = 0; i < points.size(); i++) {
            try {
                Expander.Point p = points.point(i);
                // the repeats of a grid point differ in their seed alone: bind the point once
                ExperimentSpec spec = points.pointOf(i) == lastPoint && last != null
                        ? withSeed(last, seedOf(p))
                        : ExperimentBinder.bind(p.tree(), defaultName, probe);
                lastPoint = points.pointOf(i);
                last = spec;
                RunIds.Identity identity = RunIds.identity(spec.resolved(), DataFingerprint.of(spec.data().source()));
                String id = RunIds.of(p.variant(), p.coordinates(), spec.seed(), identity); // a changed data file makes new runs
                int index = i;
                RunSpec run = new RunSpec(() -> bindAgain(points, index, defaultName), p.coordinates(), p.variant(),
                        p.repeat(), id, spec.seed());
                Integer other = seen.putIfAbsent(identity.digest(), runs.size());
                if (other != null && duplicate == null) {
                    duplicate = sameConfiguration(file, runs.get(other), run);
                }
                runs.add(run);
            } catch (ConfigException e) {
                problems.addAll(e);
            }
        }
        problems.throwIfAny();
        if (duplicate != null) {
            throw duplicate;
        }
        String experiment = runs.get(0).spec().name();
        return new Plan(file, experiment, points.gridPaths(), new GridSweep(runs));
    }

    /** {@code spec} with another seed: what binding the same point's tree with that seed gives (PlannerTest checks). */
    private static ExperimentSpec withSeed(ExperimentSpec spec, long seed) {
        Map<String, Object> resolved = new java.util.LinkedHashMap<>(spec.resolved());
        resolved.put("seed", (int) seed);
        return new ExperimentSpec(spec.name(), spec.description(), seed, spec.data(), spec.model(), spec.training(),
                spec.diagnostics(), resolved);
    }

    private static long seedOf(Expander.Point p) {
        return Long.parseLong(((Node.Scalar) ((Node.MapNode) p.tree()).get("seed")).text());
    }

    /** Point {@code index}'s spec, bound again when its run starts (it was bound, and so valid, when planned). */
    private static ExperimentSpec bindAgain(Expander.Expansion points, int index, String defaultName) {
        return ExperimentBinder.rebind(points.point(index).tree(), defaultName);
    }

    /**
     * Applies each "path=value" to the tree; the value is read as YAML ("0.1", "[8, 8]", "{type: adam}").
     * {@code grid.PATH=[...]} sets the grid entry PATH (a value under a grid path is still varied by the grid).
     */
    public static Node applySets(Node root, List<String> sets) {
        Problems problems = new Problems();
        Node tree = root;
        for (String set : sets) {
            Pos origin = Pos.of("--set " + set);
            int eq = set.indexOf('=');
            if (eq <= 0) {
                problems.add(origin, "expected path=value, e.g. --set optimizer.lr=0.01");
                continue;
            }
            try {
                String path = set.substring(0, eq).trim();
                Node value = YamlReader.parseValue(origin.file(), set.substring(eq + 1));
                tree = path.startsWith(GRID) ? setGridEntry(tree, path.substring(GRID.length()), value, origin)
                        : path.startsWith(SEARCH_SPACE) ? setSpaceEntry(tree, path.substring(SEARCH_SPACE.length()), value, origin)
                        : TreePath.parse(path, origin).set(tree, value, origin);
            } catch (ConfigException e) {
                problems.addAll(e);
            }
        }
        problems.throwIfAny();
        return tree;
    }

    /**
     * {@code grid.PATH=[values]}: a grid key is a whole path written with dots and brackets
     * ({@code optimizer.lr}), so it is one key of the grid map, added or replaced as written.
     */
    private static Node setGridEntry(Node root, String gridPath, Node values, Pos origin) {
        TreePath.parse(gridPath, origin); // the check the grid's own keys get
        Node grid = root instanceof Node.MapNode m ? m.get("grid") : null;
        if (grid != null && !(grid instanceof Node.MapNode) && !(grid instanceof Node.Scalar s && s.isNull())) {
            throw ConfigException.at(origin, "grid is " + grid.describe() + ", not a map of path: [values]");
        }
        Node.MapNode map = grid instanceof Node.MapNode g ? g : new Node.MapNode(origin, Map.of(), Map.of());
        return TreePath.parse("grid", origin).set(root, map.with(gridPath, values), origin);
    }

    /**
     * {@code search.space.PATH=range}: a space key is a whole path ({@code optimizer.lr}), so it
     * is one key of search.space, added or replaced as written (a value of null removes it).
     */
    private static Node setSpaceEntry(Node root, String spacePath, Node range, Pos origin) {
        TreePath.parse(spacePath, origin);
        Node search = root instanceof Node.MapNode m ? m.get(SEARCH) : null;
        Node space = search instanceof Node.MapNode s ? s.get("space") : null;
        if (search != null && !(search instanceof Node.MapNode) && !(search instanceof Node.Scalar s && s.isNull())) {
            throw ConfigException.at(origin, "search is " + search.describe() + ", not a map");
        }
        if (space != null && !(space instanceof Node.MapNode) && !(space instanceof Node.Scalar s && s.isNull())) {
            throw ConfigException.at(origin, "search.space is " + space.describe() + ", not a map of path: range");
        }
        Node.MapNode map = space instanceof Node.MapNode g ? g : new Node.MapNode(origin, Map.of(), Map.of());
        map = range instanceof Node.Scalar s && s.isNull() ? map.without(spacePath) : map.with(spacePath, range);
        return TreePath.parse("search.space", origin).set(root, map, origin);
    }

    /** The file name without .yaml / .yml. */
    public static String defaultName(Path file) {
        String n = file.getFileName().toString();
        return n.replaceFirst("\\.(ya?ml)$", "");
    }

    /** Two points that resolve to the same configuration (0.1 and 0.10, {type: sgd} and {type: sgd, lr: 0.01}) would train it twice. */
    private static ConfigException sameConfiguration(Path file, RunSpec first, RunSpec again) {
        return ConfigException.at(Pos.of(file.toString()), "two runs resolve to the same configuration ("
                + point(first) + " and " + point(again) + ", seed " + again.seed() + "); a grid or variant repeats a value");
    }

    private static String point(RunSpec r) {
        List<String> parts = new ArrayList<>();
        if (!r.variant().isEmpty()) {
            parts.add("variant " + r.variant());
        }
        r.coordinates().forEach((path, value) -> parts.add(path + "=" + value));
        return String.join(" ", parts);
    }
}
