package deepgrid.run.grid;

import deepgrid.config.Problem;
import deepgrid.run.RunSpec;
import deepgrid.run.results.ResultsFolder;
import deepgrid.run.results.SearchFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A file's searches as one sweep (design/search.md): one {@link SearchArm} per grid point ×
 * variant, each an independent search with the same budget and seed. Each arm's next runs
 * depend only on its own finished runs, so the order in which the arms get room changes
 * nothing but speed.
 */
public final class SearchSweep implements Sweep {
    private final List<SearchArm> arms;
    private final List<Problem> warnings;

    /** The arms, and the warnings about their search blocks (printed by validate, plan and run). */
    public SearchSweep(List<SearchArm> arms, List<Problem> warnings) {
        this.arms = List.copyOf(arms);
        this.warnings = List.copyOf(warnings);
    }

    public List<SearchArm> arms() {
        return arms;
    }

    @Override
    public List<RunSpec> known() {
        List<RunSpec> out = new ArrayList<>();
        arms.forEach(a -> out.addAll(a.known()));
        return out;
    }

    @Override
    public int expected() {
        return arms.stream().mapToInt(SearchArm::expected).sum();
    }

    /** True when every run is known before any result: random, qmc or grid sampling without confirmation. */
    @Override
    public boolean complete() {
        return arms.stream().allMatch(a -> !a.spec().confirm().enabled()
                && a.search().knownBeforeResults() == a.search().trials()) && known().size() == expected();
    }

    @Override
    public List<RunSpec> next(Outcomes outcomes, int room) {
        List<RunSpec> out = new ArrayList<>();
        for (SearchArm arm : arms) {
            if (out.size() >= room) {
                break;
            }
            out.addAll(arm.next(outcomes, room - out.size()));
        }
        return out;
    }

    @Override
    public boolean done() {
        return arms.stream().allMatch(SearchArm::done);
    }

    /**
     * Writes each search's space.yaml, and moves runs and search folders of an earlier version
     * of the search block to previous/ (left alone while another process works in the folder).
     */
    @Override
    public void open(ResultsFolder folder) throws IOException {
        SearchFolder.clean(folder.dir());
        Set<String> hashes = new LinkedHashSet<>();
        for (SearchArm a : arms) {
            hashes.add(a.identity().hash());
            SearchFolder.writeSpace(folder.dir(), a.identity().hash(), a.spec().spaceYaml());
        }
        folder.retireIf(r -> !hashes.contains(r.cell("search")));
        SearchFolder.retireAllBut(folder, hashes);
    }

    @Override
    public List<String> warnings() {
        return warnings.stream().map(Problem::toString).toList();
    }

    /** What deepgrid plan says beyond the known runs: per search, its budget, rungs and what waits for results. */
    @Override
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (SearchArm a : arms) {
            out.addAll(SearchPlanText.of(a));
        }
        return out;
    }

    @Override
    public List<String> afterwards() {
        List<String> out = new ArrayList<>();
        for (SearchArm a : arms) {
            String arm = arms.size() < 2 ? "" : "in the search of " + label(a) + ", ";
            a.edgeWarnings().forEach(p -> out.add(p.toString().replaceFirst(": warning: ", ": warning: " + arm)));
        }
        return out.stream().distinct().toList();
    }

    /** An arm as people name it: its variant and grid values. */
    static String label(SearchArm a) {
        List<String> parts = new ArrayList<>();
        if (!a.identity().variant().isEmpty()) {
            parts.add(a.identity().variant());
        }
        a.identity().coordinates().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" · ", parts);
    }

    static String plural(long n, String what) {
        return String.format(Locale.ROOT, "%d %s%s", n, what, n == 1 ? "" : "s");
    }
}
