package deepgrid.data;

/**
 * How large a data set will be, known before it is loaded (from the options of a synthetic
 * source, or from the headers of IDX files): all its rows (every split) and features. Lets
 * validation refuse a set that cannot fit in memory before trying to load it.
 */
public record DataSize(long rows, long features) {
    /** The largest array a JVM allocates; the inputs of a data set are one array. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** The least memory the loaded set takes: every input and target as an 8-byte number. */
    public double bytes() {
        return (double) rows * (features + 1) * Double.BYTES;
    }

    /** Inputs in all: rows × features (as a double, so that no product overflows). */
    public double values() {
        return (double) rows * features;
    }

    /** True when the inputs fit in one array at all, whatever the memory. */
    public boolean fitsAnArray() {
        return rows <= MAX_ARRAY && values() <= MAX_ARRAY;
    }
}
