package deepgrid.data;

import deepgrid.DeepgridException;
import deepgrid.math.Rng;

/**
 * The three splits of one data set. Validation and test may have 0 rows; all three
 * share the same features, target width and classes.
 */
public record Splits(Dataset train, Dataset validation, Dataset test) {
    /** A held-out fraction (test, validation): [0, 1), something must be left to train on. */
    public static final deepgrid.math.Range FRACTION = deepgrid.math.Range.fraction();

    public Splits {
        requireCompatible("validation", train, validation);
        requireCompatible("test", train, test);
    }

    /**
     * Shuffles {@code all} with {@code rng} and keeps the last {@code test} fraction
     * (rounded half up) as the test set; no validation rows. {@code what} names the
     * data in the error raised when no training row would remain.
     */
    public static Splits holdOutTest(String what, Dataset all, double test, Rng rng) {
        int[] order = rng.permutation(all.size());
        int trainRows = trainRows(what + ": test " + test, all.size(), test);
        Dataset train = all.rows(order, 0, trainRows);
        return new Splits(train, none(train), all.rows(order, trainRows, all.size()));
    }

    /**
     * Rows left for training when a {@code fraction} of {@code n} is held out, rounded
     * half up; at least one training row must remain.
     */
    public static int trainRows(String what, int n, double fraction) {
        int heldOut = (int) Math.round(fraction * n);
        if (heldOut >= n) {
            throw new DeepgridException(what + " of " + n + " rows leaves no training rows; use a smaller fraction");
        }
        return n - heldOut;
    }

    /** An empty split shaped like {@code like}. */
    public static Dataset none(Dataset like) {
        return Dataset.empty(like.features(), like.targets(), like.classes());
    }

    private static void requireCompatible(String name, Dataset train, Dataset other) {
        if (train.features() != other.features() || train.targets() != other.targets()
                || !train.classes().equals(other.classes())) {
            throw new IllegalArgumentException(name + " has " + other.features() + " features, " + other.targets()
                    + " targets, classes " + other.classes() + "; train has " + train.features() + ", "
                    + train.targets() + ", " + train.classes());
        }
    }
}
