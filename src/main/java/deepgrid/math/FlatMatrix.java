package deepgrid.math;

import org.apache.commons.math3.linear.AbstractRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A {@link RealMatrix} backed by one row-major {@code double[]}: entry (i, j) is
 * {@code data[i * cols + j]}. Layers exchange it as a plain RealMatrix, while the
 * numerical code works on {@link #data()} directly, with no copies and no per-entry
 * calls. Zero rows are allowed (an empty validation split is a valid value).
 */
public final class FlatMatrix extends AbstractRealMatrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    /** A rows × cols matrix of zeros. */
    public FlatMatrix(int rows, int cols) {
        this(rows, cols, new double[Check.size("rows", rows) * Check.size("cols", cols)]);
    }

    /** Wraps {@code data} (not copied) as a rows × cols row-major matrix. */
    public FlatMatrix(int rows, int cols, double[] data) {
        super();
        Check.size("rows", rows);
        Check.size("cols", cols);
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected " + rows + "×" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** {@code m} itself when it is already flat, else a flat copy. */
    public static FlatMatrix of(RealMatrix m) {
        if (m instanceof FlatMatrix f) {
            return f;
        }
        FlatMatrix f = new FlatMatrix(m.getRowDimension(), m.getColumnDimension());
        for (int i = 0; i < f.rows; i++) {
            System.arraycopy(m.getRow(i), 0, f.data, i * f.cols, f.cols);
        }
        return f;
    }

    /** A flat copy of a rectangular {@code double[][]}. */
    public static FlatMatrix of(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        FlatMatrix f = new FlatMatrix(r, c);
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values, expected " + c);
            }
            System.arraycopy(values[i], 0, f.data, i * c, c);
        }
        return f;
    }

    /** The live row-major storage. */
    public double[] data() {
        return data;
    }

    /** This matrix if it already has the shape, else a new zero matrix of that shape (a reusable buffer). */
    public static FlatMatrix reuse(FlatMatrix buffer, int rows, int cols) {
        return buffer != null && buffer.rows == rows && buffer.cols == cols ? buffer : new FlatMatrix(rows, cols);
    }

    /** The rows named by {@code index[from..to)}, in that order, as a new matrix. */
    public FlatMatrix selectRows(int[] index, int from, int to) {
        return selectRowsInto(index, from, to, new FlatMatrix(to - from, cols));
    }

    /** Copies the rows named by {@code index[from..to)}, in that order, into {@code out}; returns out. */
    public FlatMatrix selectRowsInto(int[] index, int from, int to, FlatMatrix out) {
        Check.shape("out", out, to - from, cols);
        // a batch's rows lie scattered over the data set: with more kernel threads, each fetches a share
        Kernel.split(to - from, (long) (to - from) * cols * Kernel.FLOPS_PER_GATHERED_VALUE, (first, last) -> {
            for (int i = from + first; i < from + last; i++) {
                System.arraycopy(data, index[i] * cols, out.data, (i - from) * cols, cols);
            }
        });
        return out;
    }

    @Override
    public int getRowDimension() {
        return rows;
    }

    @Override
    public int getColumnDimension() {
        return cols;
    }

    @Override
    public double getEntry(int row, int column) {
        checkIndex(row, column);
        return data[row * cols + column];
    }

    @Override
    public void setEntry(int row, int column, double value) {
        checkIndex(row, column);
        data[row * cols + column] = value;
    }

    @Override
    public FlatMatrix createMatrix(int rowDimension, int columnDimension) {
        return new FlatMatrix(rowDimension, columnDimension);
    }

    @Override
    public FlatMatrix copy() {
        return new FlatMatrix(rows, cols, data.clone());
    }

    @Override
    public double[][] getData() {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols, out[i], 0, cols);
        }
        return out;
    }

    @Override
    public FlatMatrix multiply(RealMatrix m) {
        return Kernel.multiply(this, FlatMatrix.of(m));
    }

    @Override
    public FlatMatrix transpose() {
        FlatMatrix t = new FlatMatrix(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t.data[j * rows + i] = data[i * cols + j];
            }
        }
        return t;
    }

    private void checkIndex(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= cols) {
            throw new IndexOutOfBoundsException("entry (" + row + ", " + column + ") outside " + rows + "×" + cols);
        }
    }
}
