package deepgrid.report.html;

/** How an axis maps values to positions: evenly (linear) or by orders of magnitude (log10). */
public enum Scale {
    /** Equal differences take equal space; for losses, accuracies and fractions. */
    LINEAR,
    /**
     * Equal ratios take equal space; for gradient norms and update ratios, which span
     * orders of magnitude. Values &le; 0 have no place on it and are left out.
     */
    LOG;

    /** The value in the axis' own units: itself, or its log10. */
    double transform(double v) {
        return this == LOG ? Math.log10(v) : v;
    }

    /** Whether {@code v} can be drawn on this scale. */
    boolean accepts(double v) {
        return Double.isFinite(v) && (this == LINEAR || v > 0);
    }
}
