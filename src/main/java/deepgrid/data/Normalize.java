package deepgrid.data;

import deepgrid.math.FlatMatrix;
import deepgrid.math.RowView;
import java.util.Arrays;
import java.util.Optional;

/**
 * Per-feature input scaling, always fitted on the training split only so that no
 * statistic of the validation or test rows leaks into training. A constant feature
 * (max = min on the training split) maps to 0 under both scalings: it carries no
 * information, and dividing by its zero range would produce NaN.
 */
public enum Normalize {
    /** Inputs as they are. */
    NONE("none"),
    /** (x − min) / (max − min): training inputs land in [0, 1]. */
    MINMAX("minmax"),
    /** (x − mean) / std with the population std (divide by n): mean 0, std 1 on training inputs. */
    STANDARDIZE("standardize");

    private final String yamlName;

    Normalize(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** The constant whose YAML name is {@code name}, if any. */
    public static Optional<Normalize> byYamlName(String name) {
        return Arrays.stream(values()).filter(n -> n.yamlName.equals(name)).findFirst();
    }

    /** The scaling this method fits on {@code x} (n × features). */
    public Scaling fit(FlatMatrix x) {
        return fit(RowView.of(x));
    }

    /** The scaling this method fits on the rows of {@code x}, in their order (n × features). */
    public Scaling fit(RowView x) {
        int n = x.rows();
        int cols = x.cols();
        if (this == NONE || n == 0) {
            return Scaling.identity(cols);
        }
        double[] min = new double[cols];
        double[] max = new double[cols];
        double[] mean = new double[cols];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < cols; j++) {
                double v = x.get(r, j);
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
                mean[j] += v / n;
            }
        }
        return this == MINMAX ? minMax(min, max) : standardize(x, mean, min, max);
    }

    private static Scaling minMax(double[] min, double[] max) {
        double[] scale = new double[min.length];
        for (int j = 0; j < scale.length; j++) {
            scale[j] = max[j] > min[j] ? 1 / (max[j] - min[j]) : 0;
        }
        return new Scaling(min, scale);
    }

    // Two passes (mean, then squared deviations) are more accurate than E[x²] − E[x]².
    private static Scaling standardize(RowView x, double[] mean, double[] min, double[] max) {
        int cols = mean.length;
        double[] variance = new double[cols];
        int n = x.rows();
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < cols; j++) {
                double d = x.get(r, j) - mean[j];
                variance[j] += d * d / n;
            }
        }
        double[] scale = new double[cols];
        for (int j = 0; j < cols; j++) {
            // test max > min rather than std > 0: rounding gives a constant column a tiny nonzero std
            scale[j] = max[j] > min[j] ? 1 / Math.sqrt(variance[j]) : 0;
        }
        return new Scaling(mean, scale);
    }
}
