package deepgrid.config;

import deepgrid.data.DataSpec;
import deepgrid.nn.LayerSpec;
import deepgrid.nn.Loss;
import deepgrid.train.TrainingSpec;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One fully bound, validated experiment point: everything one run needs. {@code resolved}
 * is the same configuration as plain values with every default filled in — written as
 * the run's config.yaml, it reproduces the run on its own.
 */
public record ExperimentSpec(String name, String description, long seed, DataSpec data, Model model,
        TrainingSpec training, Map<String, Object> resolved) {
    /** A valid experiment name: [A-Za-z0-9][A-Za-z0-9._-]*, at most 64 characters. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The layers and the loss (fused with its output activation). */
    public record Model(List<LayerSpec> layers, Loss loss) {
        public Model {
            layers = List.copyOf(layers);
        }
    }

    public ExperimentSpec {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name '" + name + "' is not [A-Za-z0-9][A-Za-z0-9._-]*, ≤ 64 characters");
        }
        resolved = java.util.Collections.unmodifiableMap(resolved);
    }
}
