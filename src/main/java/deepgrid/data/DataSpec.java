package deepgrid.data;

import deepgrid.math.Check;
import deepgrid.math.Range;
import java.util.Objects;

/**
 * The {@code data:} section, resolved: where the data comes from and how it is
 * prepared. {@code validation} is the fraction of the training split held out,
 * {@code limit} the maximum number of training rows (0 = all), {@code seed} the data
 * seed ({@code data.seed}, default the experiment's seed). A record, so it keys the
 * loader's cache of prepared splits.
 */
public record DataSpec(DataSource source, double validation, Normalize normalize, int limit, long seed) {
    /** No validation split unless asked for. */
    public static final double DEFAULT_VALIDATION = 0.0;
    /** {@code data.limit}: at least one training row (0 here means no limit). */
    public static final Range LIMIT = Range.atLeast(0);

    public DataSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(normalize, "normalize");
        Check.in("validation", validation, Splits.FRACTION);
        Check.in("limit", limit, LIMIT);
    }

    /** The source as it is: no validation split, no normalization, no limit. */
    public static DataSpec of(DataSource source, long seed) {
        return new DataSpec(source, 0, Normalize.NONE, 0, seed);
    }
}
