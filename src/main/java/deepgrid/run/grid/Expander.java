package deepgrid.run.grid;

import deepgrid.config.ConfigException;
import deepgrid.config.ConfigText;
import deepgrid.config.Node;
import deepgrid.config.Pos;
import deepgrid.config.Problems;
import deepgrid.config.Seeds;
import deepgrid.config.TreePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands an experiment tree into its run points: every variant (if any) × the cartesian
 * product of the grid (first path varies slowest) × {@code repeats} seeds (seed, seed+1, …,
 * from the point's own seed, so a variant may set it). Each point's tree has no grid or
 * variants left, {@code repeats: 1}, its own seed, and {@code data.seed} pinned to the
 * file's seed so every point sees the same data split. Seeds come from {@code repeats}
 * alone: a grid cannot vary {@code seed} (nor {@code repeats}, {@code name},
 * {@code description}, {@code grid} or {@code variants}), and one path cannot list the same
 * value twice.
 */
public final class Expander {
    /** One run point: its tree, its grid coordinates (path → value as written), variant name, repeat index. */
    public record Point(Node tree, Map<String, String> coordinates, String variant, int repeat) {
    }

    /** One grid path, where its key is written (for problems in setting it), and its values. */
    private record Axis(TreePath path, Pos pos, List<Node> values) {
    }

    /** Top-level keys a grid cannot vary, and why. */
    private static final Map<String, String> NOT_GRID_PATHS = Map.of(
            "seed", "the seeds come from repeats (runs.csv records each run's seed, and comparisons pair runs by it);"
                    + " write repeats: N to train every point with seeds seed, seed+1, ..., seed+N-1",
            "repeats", "write repeats: N, and every grid point gets N runs",
            "name", "every run of a file goes to results/<name>/; use variants: for named points, or one file per name",
            "description", "it changes no run",
            "grid", "write every path in this one grid: map",
            "variants", "write variants: at the top level; they are crossed with the grid");

    private Expander() {
    }

    /** All points of {@code root}, in order; every problem with grid, variants, seed or repeats at once as a ConfigException. */
    public static List<Point> expand(Node root) {
        if (!(root instanceof Node.MapNode map)) {
            return List.of(new Point(root, Map.of(), "", 0));
        }
        Problems problems = new Problems();
        List<Axis> axes = axes(map.get("grid"), problems);
        List<Variants.Variant> variants = Variants.read(map.get("variants"), problems);
        Node.MapNode base = map.without("grid").without("variants");
        Seeds fileSeeds = Seeds.read(base, problems);
        long dataSeed = fileSeeds == null ? 0 : fileSeeds.seed();
        List<Point> points = new ArrayList<>();
        // expand what is valid even after a problem, so that every problem is found in one pass
        for (Variants.Variant v : variants) {
            Node merged = Variants.merge(base, v.tree());
            for (Map<String, Node> combo : product(axes)) {
                Node.MapNode tree = (Node.MapNode) merged;
                for (Axis a : axes) {
                    tree = set(tree, a, combo.get(a.path().text()), problems);
                }
                Seeds seeds = Seeds.read(tree, problems);
                for (int r = 0; seeds != null && r < seeds.repeats(); r++) {
                    points.add(new Point(pin(tree, dataSeed, seeds.seed() + r), text(combo), v.name(), r));
                }
            }
        }
        problems.throwIfAny();
        return points;
    }

    private static List<Axis> axes(Node grid, Problems problems) {
        List<Axis> axes = new ArrayList<>();
        if (grid == null || grid instanceof Node.Scalar s && s.isNull()) {
            return axes;
        }
        if (!(grid instanceof Node.MapNode g)) {
            problems.add(grid.pos(), "grid: found " + grid.describe() + ", expected a map of path: [values]");
            return axes;
        }
        for (var e : g.entries().entrySet()) {
            Pos keyPos = g.keyPos().get(e.getKey());
            try {
                TreePath path = TreePath.parse(e.getKey(), keyPos);
                String root = path.steps().get(0).key();
                if (NOT_GRID_PATHS.containsKey(root)) {
                    problems.add(keyPos, "grid." + e.getKey() + ": a grid cannot vary " + root + "; "
                            + NOT_GRID_PATHS.get(root));
                    continue;
                }
                if (!(e.getValue() instanceof Node.ListNode list) || list.items().isEmpty()) {
                    problems.add(e.getValue().pos(), "grid." + e.getKey() + ": found " + e.getValue().describe()
                            + ", expected a non-empty list of values, e.g. [0.1, 0.01]");
                    continue;
                }
                checkDistinct(e.getKey(), list.items(), problems);
                axes.add(new Axis(path, keyPos, list.items()));
            } catch (ConfigException ex) {
                problems.addAll(ex);
            }
        }
        return axes;
    }

    /** Two values of one path that mean the same (0.1 and 0.10) would train the same runs twice as two points. */
    private static void checkDistinct(String path, List<Node> values, Problems problems) {
        for (int i = 1; i < values.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (SameValue.of(values.get(j), values.get(i))) {
                    problems.add(values.get(i).pos(), "grid." + path + ": " + ConfigText.flow(values.get(i))
                            + " repeats the value " + ConfigText.flow(values.get(j))
                            + " (the same runs would train twice); remove one");
                    break;
                }
            }
        }
    }

    private static List<Map<String, Node>> product(List<Axis> axes) {
        List<Map<String, Node>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Axis a : axes) {
            List<Map<String, Node>> next = new ArrayList<>();
            for (Map<String, Node> c : combos) {
                for (Node v : a.values()) {
                    Map<String, Node> m = new LinkedHashMap<>(c);
                    m.put(a.path().text(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos;
    }

    private static Node.MapNode set(Node.MapNode tree, Axis axis, Node value, Problems problems) {
        try {
            return (Node.MapNode) axis.path().set(tree, value, axis.pos());
        } catch (ConfigException e) {
            problems.addAll(e);
            return tree;
        }
    }

    /** The tree of one repeat: its own seed, repeats 1, data.seed (if not given) pinned to the file's seed. */
    private static Node pin(Node.MapNode tree, long dataSeed, long seed) {
        Node.MapNode m = tree;
        Pos p = m.pos();
        if (m.get("data") instanceof Node.MapNode d && d.get("seed") == null) {
            m = m.with("data", d.with("seed", new Node.Scalar(p, Long.toString(dataSeed), false)));
        }
        return m.with("seed", new Node.Scalar(p, Long.toString(seed), false))
                .with("repeats", new Node.Scalar(p, "1", false));
    }

    private static Map<String, String> text(Map<String, Node> combo) {
        Map<String, String> out = new LinkedHashMap<>();
        combo.forEach((k, v) -> out.put(k, ConfigText.flow(v)));
        return out;
    }
}
