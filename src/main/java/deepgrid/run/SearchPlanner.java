package deepgrid.run;

import deepgrid.config.ConfigException;
import deepgrid.config.ExperimentBinder;
import deepgrid.config.ExperimentSpec;
import deepgrid.config.Node;
import deepgrid.config.Problem;
import deepgrid.config.Problems;
import deepgrid.run.grid.Expander;
import deepgrid.run.grid.SearchArm;
import deepgrid.run.grid.SearchSweep;
import deepgrid.run.grid.search.SearchBinder;
import deepgrid.run.grid.search.SearchChecks;
import deepgrid.run.grid.search.SearchSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file with {@code search:} → its searches, checked before anything trains (design §2): one
 * search per grid point × variant (the whole file when it has no grid), each block bound with
 * every problem at once, the file-wide checks (a path both searched and in grid:, paths that
 * cannot be set, file-level repeats), and every probe point of the space bound as a run is (each
 * range at both ends, each option), so that no trial can fail to bind later. The {@code search:}
 * block is taken out of the trees that are bound and hashed: a trial's run does not change when
 * only the budget does.
 */
final class SearchPlanner {
    private SearchPlanner() {
    }

    static Planner.Plan plan(Path file, Node root, ExperimentBinder.DataProbe probe) {
        String defaultName = Planner.defaultName(file);
        long fileSeed = seed(root);
        List<Expander.Point> points = Expander.expand(root);
        Problems problems = new Problems();
        List<Problem> warnings = new ArrayList<>();
        List<SearchArm> arms = new ArrayList<>();
        String name = null;
        for (Expander.Point p : points) {
            Node.MapNode tree = (Node.MapNode) p.tree();
            SearchSpec spec;
            try {
                spec = SearchBinder.bind(tree.get("search"), fileSeed, tree.pos());
            } catch (ConfigException e) {
                problems.addAll(e);
                continue;
            }
            SearchChecks.check(root, spec).forEach(q -> problems.add(q.pos(), q.message()));
            Node.MapNode base = tree.without("search");
            ExperimentSpec first = bindProbes(base, spec, defaultName, probe, problems);
            if (first == null) {
                continue;
            }
            SearchChecks.checkValidation(spec, first.data().validation() > 0).forEach(q -> problems.add(q.pos(), q.message()));
            spec.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
            String context = p.variant() + "\n" + p.coordinates() + "\n" + RunIds.hash(first.resolved());
            SearchArm.Binder binder = t -> ExperimentBinder.bind(t, defaultName, probe);
            arms.add(new SearchArm(spec, new SearchArm.Identity(spec.hash(context), p.coordinates(), p.variant(), base,
                    first.seed(), binder)));
            name = first.name();
        }
        problems.throwIfAny();
        SearchSweep sweep = new SearchSweep(arms, warnings);
        sweep.known(); // binds every trial known before results: a problem shows now, not halfway through
        List<String> gridPaths = List.copyOf(points.get(0).coordinates().keySet());
        return new Planner.Plan(file, name, gridPaths, sweep);
    }

    /** Binds every probe tree of the space; the first bound experiment, or null after problems. */
    private static ExperimentSpec bindProbes(Node.MapNode base, SearchSpec spec, String defaultName,
            ExperimentBinder.DataProbe probe, Problems problems) {
        ExperimentSpec first = null;
        boolean bad = false;
        for (Node t : SearchChecks.probeTrees(base, spec)) {
            try {
                ExperimentSpec e = ExperimentBinder.bind(t, defaultName, probe);
                first = first == null ? e : first;
            } catch (ConfigException e) {
                problems.addAll(e);
                bad = true;
            }
        }
        return bad ? null : first;
    }

    /** The file's seed, the default search seed (0 when absent or not an integer: the binder reports the latter). */
    private static long seed(Node root) {
        if (root instanceof Node.MapNode m && m.get("seed") instanceof Node.Scalar s && s.text().matches("[0-9]{1,18}")) {
            return Long.parseLong(s.text());
        }
        return 0;
    }
}
