package deepgrid.run.grid.search;

import java.util.Locale;

/** How proposals are made: TPE (learns from results), random, quasi-random (Sobol) or the shuffled grid. */
public enum SamplerKind {
    TPE, RANDOM, QMC, GRID;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
