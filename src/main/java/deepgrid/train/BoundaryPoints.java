package deepgrid.train;

/** Training samples drawn on the boundary maps: their two inputs and their class. */
public record BoundaryPoints(double[] x1, double[] x2, int[] label) {
    public BoundaryPoints {
        if (x1.length != x2.length || x1.length != label.length) {
            throw new IllegalArgumentException("x1, x2 and label have " + x1.length + ", " + x2.length + " and "
                    + label.length + " values");
        }
        x1 = x1.clone();
        x2 = x2.clone();
        label = label.clone();
    }

    @Override
    public double[] x1() {
        return x1.clone();
    }

    @Override
    public double[] x2() {
        return x2.clone();
    }

    @Override
    public int[] label() {
        return label.clone();
    }
}
