package deepgrid.data;

import java.util.Arrays;

/**
 * A fitted per-feature affine map x' = (x − shift) · scale, produced by
 * {@link Normalize#fit}. Applying it makes a view that maps values as batches are gathered
 * ({@link Dataset#inputs()}); the data is never written or copied.
 */
public final class Scaling {
    private final double[] shift;
    private final double[] scale;

    Scaling(double[] shift, double[] scale) {
        this.shift = shift.clone();
        this.scale = scale.clone();
    }

    /** The map that changes nothing. */
    static Scaling identity(int features) {
        double[] scale = new double[features];
        Arrays.fill(scale, 1);
        return new Scaling(new double[features], scale);
    }

    /** The subtracted value of feature j (min or mean). */
    public double shift(int j) {
        return shift[j];
    }

    /** The factor of feature j (1/range or 1/std; 0 for a constant feature). */
    public double scale(int j) {
        return scale[j];
    }

    /** {@code data} with its inputs scaled, as a view (nothing is copied); targets and classes are shared. */
    public Dataset apply(Dataset data) {
        return data.scaled(this);
    }
}
