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
 * value twice. A file expands to at most {@link #MAX_RUNS} runs, counted before anything is
 * expanded, and points are made one at a time by index ({@link Expansion#point}), so a large
 * plan holds no tree per run.
 */
public final class Expander {
    /** The most runs one file may expand to: a 10 × 10 × 10 grid × 100 seeds; beyond, a search samples the space. */
    public static final int MAX_RUNS = 100_000;

    /** One run point: its tree, its grid coordinates (path → value as written), variant name, repeat index. */
    public record Point(Node tree, Map<String, String> coordinates, String variant, int repeat) {
    }

    /** One grid path, where its key is written (for problems in setting it), and its values. */
    private record Axis(TreePath path, Pos pos, List<Node> values) {
    }

    /** One variant: its tree (the file with the variant merged in) and its seeds. */
    private record Arm(String name, Node.MapNode tree, Seeds seeds) {
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
        Expansion x = expansion(root);
        Problems problems = new Problems();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            try {
                points.add(x.point(i));
            } catch (ConfigException e) {
                problems.addAll(e); // expand what is valid even after a problem: every problem in one pass
            }
        }
        problems.throwIfAny();
        return points;
    }

    /**
     * The points of {@code root}, counted but not yet made: the grid, variants, seeds and
     * repeats are checked now, and the count against {@link #MAX_RUNS}; a value that cannot
     * be set shows when its points are made.
     */
    public static Expansion expansion(Node root) {
        if (!(root instanceof Node.MapNode map)) {
            return new Expansion(List.of(new Arm("", null, new Seeds(0, 1))), List.of(), 0, root);
        }
        Problems problems = new Problems();
        List<Axis> axes = axes(map.get("grid"), problems);
        List<Variants.Variant> variants = Variants.read(map.get("variants"), problems);
        Node.MapNode base = map.without("grid").without("variants");
        Seeds fileSeeds = Seeds.read(base, problems);
        List<Arm> arms = new ArrayList<>();
        for (Variants.Variant v : variants) {
            Node.MapNode merged = (Node.MapNode) Variants.merge(base, v.tree());
            Seeds seeds = Seeds.read(merged, problems);
            if (seeds != null) {
                arms.add(new Arm(v.name(), merged, seeds));
            }
        }
        for (Arm arm : arms) {
            for (Axis a : axes) {
                a.values().forEach(v -> set(arm.tree(), a, v, problems)); // bad paths now, with the others
            }
        }
        problems.throwIfAny();
        Expansion x = new Expansion(arms, axes, fileSeeds.seed(), root);
        if (x.count > MAX_RUNS) {
            Pos where = map.keyPos().getOrDefault("grid", map.keyPos().getOrDefault("repeats", map.pos()));
            throw ConfigException.at(where, "the file expands to " + String.format(java.util.Locale.ROOT, "%,d", x.count)
                    + " runs (" + x.describeCount() + "), more than the " + String.format(java.util.Locale.ROOT, "%,d", MAX_RUNS)
                    + " one file may plan; " + (axes.isEmpty() ? "lower repeats (a handful of seeds shows whether a difference"
                    + " is real)" : "sample the space with search: instead, or split the grid over several files"));
        }
        return x;
    }

    /** A file's points by index: variants in order, then grid points (first path slowest), then repeats. */
    public static final class Expansion {
        private final List<Arm> arms;
        private final List<Axis> axes;
        private final long dataSeed;
        private final Node root;
        private final long combos;
        private final long count;

        private Expansion(List<Arm> arms, List<Axis> axes, long dataSeed, Node root) {
            this.arms = List.copyOf(arms);
            this.axes = List.copyOf(axes);
            this.dataSeed = dataSeed;
            this.root = root;
            long c = 1;
            for (Axis a : axes) {
                c = saturatedTimes(c, a.values().size());
            }
            this.combos = c;
            long n = 0;
            for (Arm arm : arms) {
                n = saturatedPlus(n, saturatedTimes(c, arm.seeds().repeats()));
            }
            this.count = n;
        }

        /** How many runs (at most {@link #MAX_RUNS} once {@link #expansion} returned it). */
        public int size() {
            return (int) count;
        }

        /** The grid paths, in order (the extra columns of runs.csv). */
        public List<String> gridPaths() {
            return axes.stream().map(a -> a.path().text()).toList();
        }

        /** Which grid point (variant and grid values) point {@code index} is: its repeats share it. */
        public long pointOf(int index) {
            long local = index;
            long before = 0;
            for (Arm arm : arms) {
                long runs = combos * arm.seeds().repeats();
                if (local < runs) {
                    return before + local / arm.seeds().repeats();
                }
                local -= runs;
                before += combos;
            }
            throw new IndexOutOfBoundsException("point " + index + " of " + count);
        }

        /** Point {@code index}; a ConfigException when one of its grid values cannot be set. */
        public Point point(int index) {
            if (arms.get(0).tree() == null) {
                return new Point(root, Map.of(), "", 0);
            }
            long local = index;
            for (Arm arm : arms) {
                long runs = combos * arm.seeds().repeats();
                if (local < runs) {
                    return point(arm, local / arm.seeds().repeats(), (int) (local % arm.seeds().repeats()));
                }
                local -= runs;
            }
            throw new IndexOutOfBoundsException("point " + index + " of " + count);
        }

        private Point point(Arm arm, long combo, int repeat) {
            Node[] values = new Node[axes.size()];
            for (int k = axes.size() - 1; k >= 0; k--) { // the last path varies fastest
                List<Node> v = axes.get(k).values();
                values[k] = v.get((int) (combo % v.size()));
                combo /= v.size();
            }
            Problems problems = new Problems();
            Node.MapNode tree = arm.tree();
            Map<String, String> coordinates = new LinkedHashMap<>();
            for (int k = 0; k < axes.size(); k++) {
                tree = set(tree, axes.get(k), values[k], problems);
                coordinates.put(axes.get(k).path().text(), ConfigText.flow(values[k]));
            }
            problems.throwIfAny();
            return new Point(pin(tree, dataSeed, arm.seeds().seed() + (long) repeat), coordinates, arm.name(), repeat);
        }

        /** "2 variants × 100 × 100 grid points × 10 repeats", for the size message. */
        private String describeCount() {
            List<String> parts = new ArrayList<>();
            if (arms.size() > 1) {
                parts.add(arms.size() + " variants");
            }
            if (!axes.isEmpty()) {
                parts.add(axes.stream().map(a -> Integer.toString(a.values().size()))
                        .collect(java.util.stream.Collectors.joining(" × ")) + " grid points");
            }
            int repeats = arms.stream().mapToInt(a -> a.seeds().repeats()).max().orElse(1);
            parts.add(repeats + (repeats == 1 ? " repeat" : " repeats"));
            return String.join(" × ", parts);
        }

        private static long saturatedTimes(long a, long b) {
            try {
                return Math.multiplyExact(a, b);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }

        private static long saturatedPlus(long a, long b) {
            try {
                return Math.addExact(a, b);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
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

}
