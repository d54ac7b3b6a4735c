package deepgrid.run;

import deepgrid.config.ExperimentSpec;
import java.util.Map;

/**
 * One run of an experiment: the bound spec (its seed is this run's seed), the values
 * that make it a grid point ({@code coordinates}: grid path → value as written, in grid
 * order), its variant name ("" when there are none), its repeat index, stable id
 * (the run's folder name), and for a search's run its trial (null for a grid's run).
 */
public record RunSpec(ExperimentSpec spec, Map<String, String> coordinates, String variant, int repeat, String id,
        SearchTrial trial) {
    public RunSpec {
        coordinates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(coordinates));
    }

    /** A grid's run. */
    public RunSpec(ExperimentSpec spec, Map<String, String> coordinates, String variant, int repeat, String id) {
        this(spec, coordinates, variant, repeat, id, null);
    }

    public long seed() {
        return spec.seed();
    }

    /** The grid point this run belongs to, as text: the variant and coordinates without the seed. */
    public String pointKey() {
        return variant + coordinates;
    }
}
