package deepgrid.run;

import deepgrid.config.ExperimentSpec;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One run of an experiment: how to get its bound spec (its seed is this run's seed), the
 * values that make it a grid point ({@code coordinates}: grid path → value as written, in
 * grid order), its variant name ("" when there are none), its repeat index, stable id (the
 * run's folder name), seed, and for a search's run its trial (null for a grid's run). A
 * planned run binds its spec again when asked ({@link #spec}), so that a plan of many thousands of runs holds no spec per run; a sweep
 * hands out runs that bind once ({@link #kept}).
 */
public record RunSpec(Supplier<ExperimentSpec> binding, Map<String, String> coordinates, String variant, int repeat,
        String id, long seed, SearchTrial trial) {
    public RunSpec {
        coordinates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(coordinates));
    }

    /** A grid's run, bound again when asked. */
    public RunSpec(Supplier<ExperimentSpec> binding, Map<String, String> coordinates, String variant, int repeat,
            String id, long seed) {
        this(binding, coordinates, variant, repeat, id, seed, null);
    }

    /** A grid's run whose spec is bound already. */
    public RunSpec(ExperimentSpec spec, Map<String, String> coordinates, String variant, int repeat, String id) {
        this(spec, coordinates, variant, repeat, id, null);
    }

    /** A run whose spec is bound already, with its search trial (null for a grid's run). */
    public RunSpec(ExperimentSpec spec, Map<String, String> coordinates, String variant, int repeat, String id,
            SearchTrial trial) {
        this(() -> spec, coordinates, variant, repeat, id, spec.seed(), trial);
    }

    /** The bound spec: everything this run needs to train. */
    public ExperimentSpec spec() {
        return binding.get();
    }

    /** This run with its spec bound at first use and then kept (a run about to train asks for it often). */
    public RunSpec kept() {
        return new RunSpec(new Memo(binding), coordinates, variant, repeat, id, seed, trial);
    }

    /** A binding done once. */
    private static final class Memo implements Supplier<ExperimentSpec> {
        private final Supplier<ExperimentSpec> binding;
        private volatile ExperimentSpec spec;

        Memo(Supplier<ExperimentSpec> binding) {
            this.binding = binding;
        }

        @Override
        public ExperimentSpec get() {
            ExperimentSpec s = spec;
            if (s == null) {
                s = binding.get();
                spec = s;
            }
            return s;
        }
    }

    /** The grid point this run belongs to, as text: the variant and coordinates without the seed. */
    public String pointKey() {
        return variant + coordinates;
    }
}
