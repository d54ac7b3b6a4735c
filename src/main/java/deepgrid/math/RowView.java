package deepgrid.math;

/**
 * Some rows of a matrix, in a given order, optionally mapped column by column as
 * (x − shift[j]) · scale[j] — without copying them. A data split is a view of the loaded data
 * set (a random subset, a validation split, normalization fitted on the training rows), and only
 * the rows a batch needs are ever gathered into a matrix ({@link #gatherInto}). So one copy of a
 * data set serves every data seed and split of a grid.
 *
 * <p>Gathered values are computed exactly as a normalized copy would hold them: the same
 * {@code (x − shift) · scale} on the same operands, so a view gives bit for bit the numbers a
 * copy gave. The base matrix must not change while views of it exist.
 */
public final class RowView {
    private final FlatMatrix base; // null when the values are bytes
    private final Bytes bytes; // null when the values are a matrix
    private final int cols;
    private final int[] index; // row i of the view is row index[i] of base; null: row i itself
    private final int rows;
    private final double[] shift; // null: no map
    private final double[] scale;

    /**
     * Values held as unsigned bytes, each read as {@code (b & 0xFF) / divisor}: images keep their
     * pixels as the file has them (one byte instead of eight), and a value read is the double a
     * decoded copy would have held ({@code pixel / 255.0}), bit for bit.
     */
    private record Bytes(byte[] data, int rows, double divisor) {
        double value(int i) {
            return (data[i] & 0xFF) / divisor;
        }
    }

    private RowView(FlatMatrix base, Bytes bytes, int cols, int[] index, double[] shift, double[] scale) {
        this.base = base;
        this.bytes = bytes;
        this.cols = cols;
        this.index = index;
        this.rows = index != null ? index.length : base != null ? base.getRowDimension() : bytes.rows();
        this.shift = shift;
        this.scale = scale;
    }

    /** Every row of {@code m}, unmapped. */
    public static RowView of(FlatMatrix m) {
        return new RowView(m, null, m.getColumnDimension(), null, null, null);
    }

    /**
     * {@code data} as a matrix of {@code cols} columns, row by row, value (r, c) being
     * {@code (data[r·cols + c] & 0xFF) / divisor}; {@code data} is kept, not copied.
     */
    public static RowView ofUnsignedBytes(byte[] data, int cols, double divisor) {
        if (cols <= 0 || data.length % cols != 0) {
            throw new IllegalArgumentException(data.length + " values do not make rows of " + cols);
        }
        return new RowView(null, new Bytes(data, data.length / cols, divisor), cols, null, null, null);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** True when the view is its base matrix as it is (all rows, in order, unmapped): {@link #matrix()} copies nothing. */
    public boolean isWhole() {
        return base != null && index == null && shift == null;
    }

    /** Rows {@code order[from..to)} of this view, as a new view (nothing is copied). */
    public RowView select(int[] order, int from, int to) {
        int[] composed = new int[to - from];
        for (int i = from; i < to; i++) {
            int row = order[i];
            if (row < 0 || row >= rows) {
                throw new IndexOutOfBoundsException("row " + row + " of a view of " + rows + " rows");
            }
            composed[i - from] = index == null ? row : index[row];
        }
        return new RowView(base, bytes, cols, composed, shift, scale);
    }

    /** This view with every value mapped to (x − shift[j]) · scale[j]; a view may be mapped once. */
    public RowView mapped(double[] shift, double[] scale) {
        if (shift.length != cols() || scale.length != cols()) {
            throw new IllegalArgumentException("shift and scale have " + shift.length + " and " + scale.length
                    + " values, expected " + cols());
        }
        if (this.shift != null) {
            throw new IllegalStateException("this view is already mapped");
        }
        return new RowView(base, bytes, cols, index, shift.clone(), scale.clone());
    }

    /** Value (row, col) of the view. */
    public double get(int row, int col) {
        int at = (index == null ? row : index[row]) * cols + col;
        double v = base != null ? base.data()[at] : bytes.value(at);
        return shift == null ? v : (v - shift[col]) * scale[col];
    }

    /** The view as one matrix: the base itself when {@link #isWhole()}, else a new copy. */
    public FlatMatrix matrix() {
        if (isWhole()) {
            return base;
        }
        int[] all = new int[rows];
        for (int i = 0; i < rows; i++) {
            all[i] = i;
        }
        return gatherInto(all, 0, rows, new FlatMatrix(rows, cols()));
    }

    /** Copies the rows {@code order[from..to)} of the view, in that order, into {@code out}; returns out. */
    public FlatMatrix gatherInto(int[] order, int from, int to, FlatMatrix out) {
        int cols = cols();
        Check.shape("out", out, to - from, cols);
        double[] in = base == null ? null : base.data();
        double[] o = out.data();
        // a batch's rows lie scattered over the data set: with more kernel threads, each fetches a share
        Kernel.split(to - from, (long) (to - from) * cols * Kernel.FLOPS_PER_GATHERED_VALUE, (first, last) -> {
            for (int i = from + first; i < from + last; i++) {
                int row = index == null ? order[i] : index[order[i]];
                int src = row * cols;
                int dst = (i - from) * cols;
                if (in == null) {
                    for (int j = 0; j < cols; j++) {
                        double v = bytes.value(src + j);
                        o[dst + j] = shift == null ? v : (v - shift[j]) * scale[j];
                    }
                } else if (shift == null) {
                    System.arraycopy(in, src, o, dst, cols);
                } else {
                    for (int j = 0; j < cols; j++) {
                        o[dst + j] = (in[src + j] - shift[j]) * scale[j];
                    }
                }
            }
        });
        return out;
    }
}
