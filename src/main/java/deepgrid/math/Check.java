package deepgrid.math;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * The one argument check of deepgrid, with one message style: "NAME: found VALUE, expected
 * WHAT" — the words the binder uses for a file's values, without the file position. Records
 * check their options with {@link #in} against the same {@link Range} the binder and the
 * JSON Schema read, so a value the binder lets through is never refused later. A failure
 * here is an {@link IllegalArgumentException}: from a file it is a bug (the binder reports
 * it first), from code a wrong argument; shapes name the culprit and both shapes.
 */
public final class Check {
    private Check() {
    }

    /** {@code value} if it is in {@code range}: "momentum: found 1, expected a finite number ≥ 0 and < 1". */
    public static double in(String name, double value, Range range) {
        if (!Double.isFinite(value) || !range.contains(value)) {
            throw new IllegalArgumentException(found(name, Range.fmt(value), "a finite number", range));
        }
        return value;
    }

    /** {@code value} if it is in {@code range}: "classes: found 1, expected an integer ≥ 2". */
    public static int in(String name, int value, Range range) {
        if (!range.contains(value)) {
            throw new IllegalArgumentException(found(name, Integer.toString(value), "an integer", range));
        }
        return value;
    }

    /** {@code value} if it is not null: "label: found nothing, expected a column name". */
    public static <T> T given(String name, T value, String expected) {
        if (value == null) {
            throw new IllegalArgumentException(name + ": found nothing, expected " + expected);
        }
        return value;
    }

    /** Throws "NAME: found VALUE, expected EXPECTED" unless {@code ok}: a rule no range states (low < high). */
    public static void that(boolean ok, String name, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(name + ": found " + value + ", expected " + expected);
        }
    }

    /** "NAME: found VALUE, expected KIND RANGE". */
    public static String found(String name, String value, String kind, Range range) {
        String words = range.words();
        return name + ": found " + value + ", expected " + kind + (words.isEmpty() ? "" : " " + words);
    }

    /** {@code value} if it is ≥ 0. */
    public static int size(String name, int value) {
        return in(name, value, Range.atLeast(0));
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
