package deepgrid.run.grid.search;

import deepgrid.config.ConfigException;
import deepgrid.config.Node;
import deepgrid.config.Pos;
import deepgrid.config.Problem;
import deepgrid.config.Problems;
import deepgrid.config.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks of design §2 that need more than the search block: the experiment tree (grid
 * paths, whether a path can be set, the file's repeats), the bound experiment (a validation
 * split for val_* objectives, every probe point binding), and the warnings about the space.
 */
public final class SearchChecks {
    /** A continuous or unit-step range wider than this ratio (two decades) without log: true gets a warning. */
    static final double WIDE_RATIO = 100;

    private SearchChecks() {
    }

    /**
     * Problems of {@code spec} within the experiment {@code root} (the file's tree, grid and
     * variants still in it): a search path also in grid:, a path that cannot be set, and a
     * file-level repeats > 1 (a search repeats trials with search.repeats).
     */
    public static List<Problem> check(Node root, SearchSpec spec) {
        Problems problems = new Problems();
        List<TreePath> gridPaths = gridPaths(root);
        for (Space.Entry e : spec.space().entries()) {
            if (gridPaths.stream().anyMatch(g -> g.steps().equals(e.path().steps()))) {
                problems.add(e.pos(), "search.space." + e.key() + ": the path is also in grid:; a path is either"
                        + " searched or a grid axis, not both");
            }
            try {
                e.path().set(root, new Node.Scalar(e.pos(), "0", false), e.pos());
            } catch (ConfigException ex) {
                ex.problems().forEach(p -> problems.add(p.pos(), "search.space." + p.message()));
            }
        }
        if (root instanceof Node.MapNode m && m.get("repeats") instanceof Node.Scalar r && !r.text().equals("1")
                && r.text().matches("[0-9]+")) {
            problems.add(r.pos(), "repeats: " + r.text() + " repeats every run of a grid; in a search, use"
                    + " search.repeats (seeds per trial)");
        }
        return problems.list();
    }

    /** The val_* objective check, once the bound experiment tells whether there is a validation split. */
    public static List<Problem> checkValidation(SearchSpec spec, boolean hasValidationSplit) {
        Objective o = spec.objective();
        if (!o.needsValidation() || hasValidationSplit) {
            return List.of();
        }
        return List.of(new Problem(o.pos(), "search.objective: " + o.metric() + " needs a validation split;"
                + " set data.validation (e.g. 0.1) or choose another metric"));
    }

    /**
     * The experiment trees that together show every kind of value the space can write (each
     * range at both ends, each option of each choice): if each binds, every point does. Bind
     * them as runs are bound; a problem points at the range or option that produced it.
     */
    public static List<Node> probeTrees(Node root, SearchSpec spec) {
        List<Node> out = new ArrayList<>();
        for (Assignment a : SpacePoints.probes(spec.space())) {
            out.add(spec.space().tree(root, a));
        }
        return out;
    }

    /** Warnings about the space itself: wide linear ranges, a space smaller than the budget, startup ≥ trials. */
    static List<Problem> spaceWarnings(Space space, SamplerKind sampler, int trials, int startup, Pos searchPos) {
        List<Problem> out = new ArrayList<>();
        for (Space.Entry e : space.entries()) {
            wideRanges(e.template(), out);
        }
        long size = SpacePoints.size(space);
        if (size >= 0 && size < trials) {
            out.add(new Problem(searchPos, "warning: search: the space has only " + size + " point"
                    + (size == 1 ? "" : "s") + ", fewer than trials: " + trials + "; deepgrid runs each point once,"
                    + " in a shuffled order (the grid sampler)"));
        } else if (sampler == SamplerKind.TPE && startup >= trials) {
            out.add(new Problem(searchPos, "warning: search: startup " + startup + " ≥ trials " + trials
                    + ": every trial is drawn at random and TPE never models"));
        }
        return out;
    }

    private static void wideRanges(Template t, List<Problem> out) {
        if (t instanceof Template.Value v && v.param().domain() instanceof Numeric n && n.scale() == Numeric.Scale.LINEAR
                && (n.step() == null || n.kind() == Numeric.Kind.INT && n.stepSize() == 1) && n.lo() > 0 && n.hi() / n.lo() > WIDE_RATIO) {
            out.add(new Problem(v.pos(), String.format(Locale.ROOT, "warning: search.space.%s: [%s, %s] spans %.1f"
                    + " decades on a linear scale, so nearly every draw lands in the top one; add log: true",
                    v.param().name(), Numeric.show(n.low()), Numeric.show(n.high()), Math.log10(n.hi() / n.lo()))));
        } else if (t instanceof Template.Pick p) {
            p.options().forEach(o -> wideRanges(o, out));
        } else if (t instanceof Template.MapOf m) {
            m.entries().values().forEach(o -> wideRanges(o, out));
        } else if (t instanceof Template.ListOf l) {
            l.items().forEach(o -> wideRanges(o, out));
        }
    }

    private static List<TreePath> gridPaths(Node root) {
        List<TreePath> out = new ArrayList<>();
        if (root instanceof Node.MapNode m && m.get("grid") instanceof Node.MapNode g) {
            g.entries().keySet().forEach(k -> {
                try {
                    out.add(TreePath.parse(k, g.keyPos().get(k)));
                } catch (ConfigException e) {
                    // a malformed grid path is the grid's own problem, reported by the expander
                }
            });
        }
        return out;
    }
}
