package deepgrid.nn.optimizers;

/** Range checks for hyperparameters; each message names the value and what is allowed. */
final class Require {
    private Require() {
    }

    /** {@code value} if it is finite and > 0. */
    static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is " + value + ", expected a finite number > 0");
        }
        return value;
    }

    /** {@code value} if it is finite and ≥ 0. */
    static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is " + value + ", expected a finite number ≥ 0");
        }
        return value;
    }

    /** {@code value} if 0 ≤ value < 1, the range of a decay rate (momentum, β, ρ). */
    static double fraction(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " is " + value + ", expected 0 ≤ " + name + " < 1");
        }
        return value;
    }

    /** {@code value} if it is ≥ {@code min}. */
    static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " is " + value + ", expected ≥ " + min);
        }
        return value;
    }
}
