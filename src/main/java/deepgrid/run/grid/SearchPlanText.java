package deepgrid.run.grid;

import deepgrid.run.RunSpec;
import deepgrid.run.grid.search.Search;
import deepgrid.run.grid.search.SearchSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code deepgrid plan} says about one search beyond its known runs (design §2): where
 * it writes, which trials are known before any result and which wait for results, the rungs
 * of its pruner, and its budget in epochs.
 */
final class SearchPlanText {
    private SearchPlanText() {
    }

    static List<String> of(SearchArm arm) {
        SearchSpec spec = arm.spec();
        Search search = arm.search();
        SearchSpec.Sampling s = spec.sampling();
        List<String> out = new ArrayList<>();
        String point = arm.identity().variant().isEmpty() ? "" : arm.identity().variant();
        String coords = arm.identity().coordinates().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        String arm0 = (point + " " + coords).trim();
        out.add("search " + arm.identity().hash() + (arm0.isEmpty() ? "" : " (" + arm0 + ")") + ": search/"
                + arm.identity().hash() + "/");
        int known = search.knownBeforeResults();
        int enqueued = Math.min(known, spec.enqueue().size());
        String sampler = search.trials() < s.trials() || s.kind().yamlName().equals("grid")
                ? "every point of the discrete space once, shuffled (grid)" : s.kind().yamlName() + " sampler";
        out.add("  " + SearchSweep.plural(search.trials(), "trial") + " × " + SearchSweep.plural(s.repeats(), "seed")
                + " (" + sampler + ", window " + s.window() + ", search seed " + s.seed() + ")");
        if (known == search.trials()) {
            out.add("  every trial is known before any result (listed above" + (enqueued > 0 ? ", " + enqueued
                    + " enqueued first" : "") + ")");
        } else {
            out.add("  known before any result: " + range(0, known) + (enqueued > 0 ? " (" + enqueued + " enqueued)" : "")
                    + (known > enqueued ? ", drawn at random (startup)" : "") + "; listed above");
            out.add("  " + range(known, search.trials()) + ": proposed by TPE from the results of earlier trials, as they"
                    + " come in (trial i waits for every trial ≤ i − " + s.window() + ")");
        }
        int epochs = epochs(arm);
        List<Integer> rungs = spec.pruner().decisionEpochs(epochs);
        if (!rungs.isEmpty()) {
            out.add("  pruner " + pruner(spec) + ": decisions after epoch" + (rungs.size() == 1 ? " " : "s ")
                    + rungs.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " of " + epochs);
        }
        long budget = (long) search.trials() * s.repeats() * epochs;
        StringBuilder b = new StringBuilder("  budget: " + budget + " epochs without pruning (" + search.trials() + " × "
                + s.repeats() + " × " + epochs + ")");
        if (spec.confirm().enabled()) {
            int top = Math.min(spec.confirm().top(), search.trials());
            b.append(", then confirmation: the ").append(top).append(" best trial").append(top == 1 ? "" : "s")
                    .append(spec.enqueue().isEmpty() ? "" : " and the baseline (trial 0)").append(" on ")
                    .append(SearchSweep.plural(spec.confirm().repeats(), "fresh seed")).append(" (")
                    .append((long) top * spec.confirm().repeats() * epochs).append(spec.enqueue().isEmpty() ? "" : "+")
                    .append(" epochs)");
        }
        out.add(b.toString());
        if (spec.space().entries().stream().anyMatch(e -> e.path().text().startsWith("training"))) {
            out.add("  (training settings are searched: each trial's epochs are its own; the budget counts trial 0's)");
        }
        return out;
    }

    private static String pruner(SearchSpec spec) {
        Object r = spec.pruner().resolved();
        if (r instanceof Map<?, ?> m) {
            return m.entrySet().stream().filter(e -> !e.getKey().equals("type")).map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ", m.get("type") + " (", ")"));
        }
        return String.valueOf(r);
    }

    /** Trial 0's epochs (training.epochs of its bound experiment). */
    private static int epochs(SearchArm arm) {
        List<RunSpec> known = arm.known();
        return known.isEmpty() ? arm.trialZeroEpochs() : known.get(0).spec().training().epochs();
    }

    private static String range(int from, int to) {
        return to - from == 1 ? "trial " + from : "trials " + from + "–" + (to - 1);
    }
}
