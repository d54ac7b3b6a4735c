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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * File → every run it stands for, each bound and validated. Order: read, apply
 * {@code --set}, expand grid × variants × repeats, bind every point. All problems of
 * all points come back at once, before anything trains.
 */
public final class Planner {
    /** The runs of one file, in order, and its grid paths (the extra columns of runs.csv). */
    public record Plan(Path file, String experiment, List<String> gridPaths, List<RunSpec> runs) {
    }

    private Planner() {
    }

    /** Plans {@code file} with {@code sets} ("path=value") applied first. Throws ConfigException. */
    public static Plan plan(Path file, List<String> sets, ExperimentBinder.DataProbe probe) {
        Node root = applySets(YamlReader.read(file), sets);
        List<Expander.Point> points = Expander.expand(root);
        String defaultName = defaultName(file);
        Problems problems = new Problems();
        List<RunSpec> runs = new ArrayList<>();
        for (Expander.Point p : points) {
            try {
                ExperimentSpec spec = ExperimentBinder.bind(p.tree(), defaultName, probe);
                String id = RunIds.of(p.variant(), p.coordinates(), spec.seed(), spec.resolved());
                runs.add(new RunSpec(spec, p.coordinates(), p.variant(), p.repeat(), id));
            } catch (ConfigException e) {
                problems.addAll(e);
            }
        }
        problems.throwIfAny();
        checkUnique(runs, file);
        List<String> gridPaths = points.isEmpty() ? List.of() : List.copyOf(points.get(0).coordinates().keySet());
        return new Plan(file, runs.get(0).spec().name(), gridPaths, runs);
    }

    /** Applies each "path=value" to the tree; the value is read as YAML ("0.1", "[8, 8]", "{type: adam}"). */
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
                TreePath path = TreePath.parse(set.substring(0, eq).trim(), origin);
                Node value = YamlReader.parseValue(origin.file(), set.substring(eq + 1));
                tree = path.set(tree, value, origin);
            } catch (ConfigException e) {
                problems.addAll(e);
            }
        }
        problems.throwIfAny();
        return tree;
    }

    /** The file name without .yaml / .yml. */
    public static String defaultName(Path file) {
        String n = file.getFileName().toString();
        return n.replaceFirst("\\.(ya?ml)$", "");
    }

    private static void checkUnique(List<RunSpec> runs, Path file) {
        var seen = new java.util.HashSet<String>();
        for (RunSpec r : runs) {
            if (!seen.add(r.id())) {
                throw ConfigException.at(Pos.of(file.toString()), "two runs resolve to the same configuration ("
                        + r.id() + "); a grid or variant repeats a value");
            }
        }
    }
}
