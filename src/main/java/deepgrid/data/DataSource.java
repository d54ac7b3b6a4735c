package deepgrid.data;

import deepgrid.math.Rng;

/**
 * Where a data set comes from: one record per built-in source in
 * {@code deepgrid.data.sources}. Records, so that a source with its options is a value
 * (equals/hashCode) and can key the {@link DataLoader}'s cache.
 *
 * <p>Order of use: build the record from the YAML options (its constructor validates
 * them), then call {@link #load} with an Rng derived from {@code data.seed}.
 */
public interface DataSource {

    /**
     * Generates or reads the data and splits it. Every call with an Rng of the same
     * seed returns identical data; only the Rng may supply randomness.
     */
    Splits load(Rng rng);

    /** The YAML source name, e.g. {@code spiral} or {@code fashion-mnist}. */
    String name();

    /**
     * How many rows and features {@link #load} will produce, if that is known without
     * loading (null when it is not, e.g. for a CSV file), so that validation can refuse a
     * set that cannot fit in memory before reading it.
     */
    default DataSize size() {
        return null;
    }

    /** The files {@link #load} reads, for a fingerprint of the data in a run's identity; none for a generated set. */
    default java.util.List<java.nio.file.Path> files() {
        return java.util.List.of();
    }
}
