package deepgrid.data;

import deepgrid.DeepgridException;

/**
 * Checks of user-set data options, for the compact constructors of the source records.
 * A failure is a {@link DeepgridException} naming the source and the YAML option,
 * "spiral: classes is 1; expected an integer ≥ 2", so the config binder can prefix
 * its {@code file:line:col}.
 */
public final class OptionCheck {
    private OptionCheck() {
    }

    /** {@code value} if it is at least {@code min}. */
    public static int atLeast(String source, String option, int value, int min) {
        if (value < min) {
            throw new DeepgridException(source + ": " + option + " is " + value + "; expected an integer ≥ " + min);
        }
        return value;
    }

    /** {@code value} if it is in [0, 1): a held-out fraction must leave something to train on. */
    public static double fraction(String source, String option, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new DeepgridException(source + ": " + option + " is " + value + "; expected a fraction in [0, 1)");
        }
        return value;
    }

    /** {@code value} if it is finite and ≥ 0. */
    public static double nonNegative(String source, String option, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new DeepgridException(source + ": " + option + " is " + value + "; expected a finite number ≥ 0");
        }
        return value;
    }

    /** {@code value} if it is not null. */
    public static <T> T required(String source, String option, T value) {
        if (value == null) {
            throw new DeepgridException(source + ": " + option + " is missing; it is required");
        }
        return value;
    }
}
