package deepgrid.run.grid.search;

import deepgrid.config.Family;
import deepgrid.math.Range;

/**
 * The names of {@code search.sampler} and {@code search.pruner}, their options and defaults
 * (Optuna's where it has one: median startup 5; ASHA reduction 3 as in the Hyperband paper
 * rather than Optuna's 4, so that short student runs get more than one rung).
 */
final class SearchNames {
    private SearchNames() {
    }

    static final Family<SamplerKind> SAMPLERS = new Family<SamplerKind>("sampler")
            .add("tpe", o -> SamplerKind.TPE)
            .add("random", o -> SamplerKind.RANDOM)
            .add("qmc", o -> SamplerKind.QMC)
            .add("grid", o -> SamplerKind.GRID);

    static final Family<PrunerSpec> PRUNERS = new Family<PrunerSpec>("pruner")
            .add("none", o -> new PrunerSpec.None())
            .add("median", o -> new PrunerSpec.Median(o.integer("startup", 5, Range.atLeast(0)),
                    o.integer("warmup_epochs", 0, Range.atLeast(0))))
            .add("asha", o -> new PrunerSpec.Asha(o.integer("min_epochs", 1, Range.atLeast(1)),
                    o.integer("reduction", 3, Range.atLeast(2))));
}
