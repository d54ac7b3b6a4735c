package deepgrid.math;

import org.apache.commons.math3.linear.RealMatrix;

/** Internal argument checks that name the culprit and both shapes. A failure here is a bug, not a user error. */
public final class Check {
    private Check() {
    }

    /** {@code value} if it is ≥ 0. */
    public static int size(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is " + value + ", expected ≥ 0");
        }
        return value;
    }

    /** Throws unless {@code m} is rows × cols ({@code -1} accepts any count). */
    public static void shape(String name, RealMatrix m, int rows, int cols) {
        boolean rowsOk = rows < 0 || m.getRowDimension() == rows;
        boolean colsOk = cols < 0 || m.getColumnDimension() == cols;
        if (!rowsOk || !colsOk) {
            throw new IllegalArgumentException(name + " is " + shapeOf(m) + ", expected "
                    + (rows < 0 ? "n" : rows) + "×" + (cols < 0 ? "m" : cols));
        }
    }

    /** Throws unless {@code a} and {@code b} have the same shape. */
    public static void sameShape(String nameA, RealMatrix a, String nameB, RealMatrix b) {
        if (a.getRowDimension() != b.getRowDimension() || a.getColumnDimension() != b.getColumnDimension()) {
            throw new IllegalArgumentException(nameA + " is " + shapeOf(a) + " but " + nameB + " is " + shapeOf(b));
        }
    }

    /** "rows×cols". */
    public static String shapeOf(RealMatrix m) {
        return m.getRowDimension() + "×" + m.getColumnDimension();
    }
}
