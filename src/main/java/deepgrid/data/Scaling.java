package deepgrid.data;

import deepgrid.math.FlatMatrix;
import java.util.Arrays;

/**
 * A fitted per-feature affine map x' = (x − shift) · scale, produced by
 * {@link Normalize#fit}. Applying it makes new matrices; the input is never written.
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

    /** {@code data} with its inputs scaled; targets and classes are shared, not copied. */
    public Dataset apply(Dataset data) {
        FlatMatrix x = data.x();
        int cols = x.getColumnDimension();
        double[] in = x.data();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = (in[i] - shift[i % cols]) * scale[i % cols];
        }
        return new Dataset(new FlatMatrix(x.getRowDimension(), cols, out), data.y(), data.classes());
    }
}
