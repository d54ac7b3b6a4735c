package deepgrid.run;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's place in a search (design/search.md §3), null for a grid's runs: the search folder
 * ({@code results/NAME/search/SEARCH/}), the trial, its phase (enqueued, startup, model or
 * confirm), the trial's parameters as trials.csv writes them, and how the run may be pruned.
 * runs.csv records {@code search, trial, phase} and the parameters; the pruning travels with the
 * run to whichever process trains it (one line: {@link #encode}), and is fixed when the trial
 * starts, so that process needs nothing else.
 *
 * @param params parameter name → value text, in the space's order (a branch not taken is left out)
 */
public record SearchTrial(String search, int trial, String phase, Map<String, String> params, Pruning pruning) {
    /**
     * How the trainer stops a hopeless run: after each epoch it reads {@code metric} (a
     * metrics.csv column) and asks the stop rule, {@code rule} as {@code StopRule.encode()}
     * wrote it; "none" never stops. A confirmation run is never pruned.
     */
    public record Pruning(String metric, String rule) {
        public static final String NONE = "none";

        public boolean prunes() {
            return !rule.equals(NONE);
        }
    }

    public SearchTrial {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * The trial as one line: search, trial, phase, metric, rule, then name and value of each
     * parameter, each URL-encoded (UTF-8) and separated by one space.
     */
    public String encode() {
        List<String> cells = new ArrayList<>(List.of(search, Integer.toString(trial), phase, pruning.metric(),
                pruning.rule()));
        params.forEach((k, v) -> {
            cells.add(k);
            cells.add(v);
        });
        return String.join(" ", cells.stream().map(c -> URLEncoder.encode(c, StandardCharsets.UTF_8)).toList());
    }

    /** Reads {@link #encode}'s line back. */
    public static SearchTrial decode(String line) {
        List<String> c = java.util.Arrays.stream(line.strip().split(" ", -1))
                .map(x -> URLDecoder.decode(x, StandardCharsets.UTF_8)).toList();
        if (c.size() < 5 || c.size() % 2 == 0) {
            throw new IllegalArgumentException("not a search trial: '" + line + "'");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 5; i < c.size(); i += 2) {
            params.put(c.get(i), c.get(i + 1));
        }
        return new SearchTrial(c.get(0), Integer.parseInt(c.get(1)), c.get(2), params, new Pruning(c.get(3), c.get(4)));
    }
}
