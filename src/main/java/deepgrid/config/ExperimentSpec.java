package deepgrid.config;

import deepgrid.data.DataSpec;
import deepgrid.nn.LayerSpec;
import deepgrid.nn.Loss;
import deepgrid.train.DiagnosticsSpec;
import deepgrid.train.TrainingSpec;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One fully bound, validated experiment point: everything one run needs, and what it
 * records about itself ({@code diagnostics}, which never changes what it learns). {@code resolved}
 * is the same configuration as plain values with every default filled in — written as
 * the run's config.yaml, it reproduces the run on its own.
 */
public record ExperimentSpec(String name, String description, long seed, DataSpec data, Model model,
        TrainingSpec training, DiagnosticsSpec diagnostics, Map<String, Object> resolved) {
    /** A valid experiment name: [A-Za-z0-9][A-Za-z0-9._-]*, at most 64 characters. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Names Windows keeps for devices, with or without an extension (CON, nul.txt): no folder can have them. */
    public static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    /** True when {@code name} can name the experiment's results folder on every file system. */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches() && !WINDOWS_DEVICE.matcher(name).matches() && !name.endsWith(".");
    }

    /** The layers and the loss (fused with its output activation). */
    public record Model(List<LayerSpec> layers, Loss loss) {
        public Model {
            layers = List.copyOf(layers);
        }
    }

    public ExperimentSpec {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("name '" + name + "' is not [A-Za-z0-9][A-Za-z0-9._-]*, ≤ 64 characters,"
                    + " or is a Windows device name or ends in '.'");
        }
        resolved = java.util.Collections.unmodifiableMap(resolved);
    }
}
