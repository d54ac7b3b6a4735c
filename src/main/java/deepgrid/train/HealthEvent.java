package deepgrid.train;

import java.util.Locale;

/**
 * The first epoch at which a run showed a sign of ill health (one row of events.csv):
 * which layer (its position, 1 = first, and kind; 0 and "" for the whole network), the
 * measured value and the threshold it crossed.
 */
public record HealthEvent(int epoch, int layer, String kind, Type type, double value, double threshold) {
    /** What went wrong, by its events.csv name. */
    public enum Type {
        /** The first layer's gradient norm is a tiny fraction of the last layer's: the early layers barely learn. */
        VANISHING_GRADIENTS("vanishing_gradients"),
        /** The first layer's gradient norm is many times the last layer's: steps blow up towards the input. */
        EXPLODING_GRADIENTS("exploding_gradients"),
        /** Most of a layer's units output 0 for every probe sample (dying ReLUs): they get no gradient. */
        DEAD_UNITS("dead_units"),
        /** Most of a sigmoid/tanh layer's outputs sit in a flat tail, where the gradient vanishes. */
        SATURATED("saturated"),
        /** One step moves a layer's weights by a large fraction of their size: the learning rate is too high. */
        UPDATE_RATIO_HIGH("update_ratio_high"),
        /** One step barely moves the weights of any layer: the learning rate is too low. */
        UPDATE_RATIO_LOW("update_ratio_low"),
        /** Train accuracy stays at chance (the largest class's share) while the loss stays flat. */
        STUCK_AT_CHANCE("stuck_at_chance"),
        /** The train loss became NaN or infinite, or grew far beyond epoch 0's. */
        DIVERGING("diverging");

        private final String csvName;

        Type(String csvName) {
            this.csvName = csvName;
        }

        public String csvName() {
            return csvName;
        }
    }

    /** The event in words, for the one stderr line per event: "epoch 3, layer 1 dense(100): vanishing_gradients: ...". */
    public String describe() {
        String where = layer == 0 ? "" : ", layer " + layer + " " + kind;
        return "epoch " + epoch + where + ": " + type.csvName() + ": " + words();
    }

    private String words() {
        return switch (type) {
            case VANISHING_GRADIENTS -> "gradient norm " + g(value) + " × the last layer's (below " + g(threshold) + ")";
            case EXPLODING_GRADIENTS -> "gradient norm " + g(value) + " × the last layer's (above " + g(threshold) + ")";
            case DEAD_UNITS -> percent(value) + " of its units output 0 for every probe sample (above "
                    + percent(threshold) + ")";
            case SATURATED -> percent(value) + " of its outputs in a flat tail (above " + percent(threshold) + ")";
            case UPDATE_RATIO_HIGH -> "a step changes the weights by " + g(value) + " of their size (above "
                    + g(threshold) + "): learning rate too high?";
            case UPDATE_RATIO_LOW -> "even this layer, the fastest, changes its weights by only " + g(value)
                    + " of their size per step (below " + g(threshold) + "): learning rate too low?";
            case STUCK_AT_CHANCE -> "train accuracy " + g(value) + " is no better than chance (" + g(threshold)
                    + ") and the loss is flat";
            case DIVERGING -> "train loss " + g(value) + (Double.isFinite(threshold) ? " (above " + g(threshold) + ")" : "");
        };
    }

    private static String g(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
