package deepgrid.nn;

import deepgrid.math.FlatMatrix;

/**
 * One learnable tensor and its gradient, side by side and of the same shape. The
 * layer owning it writes {@code grad} in place on every backward pass (overwriting,
 * not accumulating), and the optimizer updates {@code value} in place, so both see
 * the same objects for the whole run.
 */
public final class Param {
    /** What a parameter is for; penalties (L1/L2) apply to {@link #WEIGHT}s only. */
    public enum Role { WEIGHT, BIAS, SCALE, SHIFT }

    private final String name;
    private final Role role;
    private final FlatMatrix value;
    private final FlatMatrix grad;

    public Param(String name, Role role, FlatMatrix value) {
        this.name = name;
        this.role = role;
        this.value = value;
        this.grad = new FlatMatrix(value.getRowDimension(), value.getColumnDimension());
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public FlatMatrix value() {
        return value;
    }

    public FlatMatrix grad() {
        return grad;
    }

    /** Number of scalar entries. */
    public int size() {
        return value.data().length;
    }

    @Override
    public String toString() {
        return name + " (" + role + ", " + value.getRowDimension() + "×" + value.getColumnDimension() + ")";
    }
}
