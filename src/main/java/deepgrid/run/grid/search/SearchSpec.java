package deepgrid.run.grid.search;

import deepgrid.config.ConfigText;
import deepgrid.config.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validated {@code search:} block with every default filled in (design §2).
 *
 * @param enqueue  trials run first, in order: the parameters each fixes (the rest are drawn at random)
 * @param warnings problems that do not stop the search (a wide linear range, a space smaller than
 *                 the budget), positioned like errors; print them as they are
 * @param resolved the normalised block, written to space.yaml
 */
public record SearchSpec(Objective objective, Sampling sampling, Space space, List<Assignment> enqueue,
        PrunerSpec pruner, Confirm confirm, List<Problem> warnings, Map<String, Object> resolved) {

    /**
     * How trials are proposed.
     *
     * @param trials  the budget: trials in the search, enqueued ones included
     * @param startup trials that must have ended before TPE models (before that, random draws)
     * @param window  proposals in flight at most: trial i starts when every trial ≤ i − window has ended
     * @param repeats seeds per trial; its objective is their mean
     */
    public record Sampling(SamplerKind kind, long seed, int trials, int startup, int window, int repeats) {
    }

    /** Re-run the {@code top} best trials on {@code repeats} fresh seeds; top 0 means no confirmation. */
    public record Confirm(int top, int repeats) {
        public static final Confirm NONE = new Confirm(0, 0);

        public boolean enabled() {
            return top > 0;
        }
    }

    public SearchSpec {
        enqueue = List.copyOf(enqueue);
        warnings = List.copyOf(warnings);
        resolved = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resolved));
    }

    /** space.yaml: the normalised search block (space, sampler, pruner, every default). */
    public String spaceYaml() {
        return ConfigText.toYaml(resolved);
    }

    /**
     * The search folder's name: 8 hex digits of SHA-256 over everything in space.yaml that
     * decides the trials and their runs, and {@code context} (the caller's identity of the
     * search: the grid point and variant, and the resolved base experiment). The budget
     * ({@code trials}) and {@code confirm} are left out, as long as the sampler stays the same
     * (a small discrete space runs as a shuffled grid): a longer budget or another confirmation
     * continues the same search in the same folder, reusing every trial it has, as Optuna
     * continues a study. Any other change is a new search in a new folder.
     */
    public String hash(String context) {
        Map<String, Object> identity = new LinkedHashMap<>(resolved);
        identity.remove("trials");
        identity.remove("confirm");
        long size = SpacePoints.size(space);
        boolean asGrid = sampling.kind() == SamplerKind.GRID || size >= 0 && size < sampling.trials();
        identity.put("sampler", asGrid ? SamplerKind.GRID.yamlName() : sampling.kind().yamlName());
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(ConfigText.toYaml(identity).getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(context.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(), 0, 4).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
