package deepgrid.report.html;

/**
 * One line of a chart: y over x, NaN where there is no value (the line breaks there),
 * and optionally a band from {@code low} to {@code high} drawn lightly behind it.
 *
 * @param label  its legend entry ("" for none)
 * @param color  a CSS colour, e.g. #1f77b4
 * @param low    the band's lower edge, empty for no band; else as long as x
 * @param high   the band's upper edge, like low
 */
public record Series(String label, String color, double[] x, double[] y, double[] low, double[] high,
        Stroke stroke) {
    public Series {
        if (x.length != y.length || low.length != high.length || (low.length != 0 && low.length != x.length)) {
            throw new IllegalArgumentException("series '" + label + "': x has " + x.length + " values, y " + y.length
                    + ", low " + low.length + ", high " + high.length);
        }
        x = x.clone();
        y = y.clone();
        low = low.clone();
        high = high.clone();
    }

    /** A solid line without a band. */
    public static Series line(String label, String color, double[] x, double[] y) {
        return new Series(label, color, x, y, new double[0], new double[0], Stroke.LINE);
    }

    /** A diverged run's line (see {@link Stroke#DIVERGED}). */
    public static Series diverged(String color, double[] x, double[] y) {
        return new Series("", color, x, y, new double[0], new double[0], Stroke.DIVERGED);
    }

    /** This line with a band from low to high. */
    public Series withBand(double[] bandLow, double[] bandHigh) {
        return new Series(label, color, x, y, bandLow, bandHigh, stroke);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }
}
