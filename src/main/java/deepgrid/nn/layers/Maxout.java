package deepgrid.nn.layers;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Range;
import deepgrid.math.Rng;
import deepgrid.nn.Initializer;
import deepgrid.nn.Layer;
import deepgrid.nn.Param;
import deepgrid.nn.Phase;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Maxout (Goodfellow et al. 2013, arXiv:1302.4389): each output unit u is the largest of
 * {@code pieces} affine functions of the input, y_u = max_k (x·W_k + b_k)_u — a learned,
 * piecewise-linear, convex activation (ReLU is the special case max(z, 0)). Computed as one
 * dense product to units·pieces columns, where column u·pieces + k holds piece k of unit u,
 * followed by a max over each unit's pieces. Backward sends each unit's gradient to the
 * piece that won, and the dense part does the rest.
 */
public final class Maxout implements Layer {
    private final Dense affine; // in → units·pieces, parameters "{name}.W" (in × units·pieces) and "{name}.b"
    private final int units;
    private final int pieces;
    private int[] winner; // (batch × units): the column of z that won the max
    private double[] lead; // (batch × units): how far the winner is ahead of the runner-up
    private int batch;
    private FlatMatrix y; // (batch × units)
    private FlatMatrix dz; // (batch × units·pieces)

    /**
     * {@code units} outputs, each the max of {@code pieces} affine maps of {@code in} inputs;
     * weights drawn with {@code init} and biases with {@code biasInit}, both with fan_out = units·pieces.
     */
    public Maxout(String name, int in, int units, int pieces, Initializer init, Initializer biasInit, Rng rng) {
        this.units = Check.in("units", units, Range.atLeast(1));
        this.pieces = Check.in("pieces", pieces, Range.atLeast(1));
        this.affine = new Dense(name, in, units * pieces, init, biasInit, rng);
    }

    @Override
    public RealMatrix forward(RealMatrix x, Phase phase) {
        FlatMatrix z = FlatMatrix.of(affine.forward(x, phase)); // (batch × units·pieces)
        double[] zd = z.data();
        batch = z.getRowDimension();
        if (winner == null || winner.length != batch * units) {
            winner = new int[batch * units];
            lead = new double[batch * units];
        }
        y = FlatMatrix.reuse(y, batch, units);
        double[] yd = y.data();
        for (int o = 0; o < yd.length; o++) { // o = i·units + u, its pieces are contiguous in z
            int best = o * pieces;
            double second = Double.NEGATIVE_INFINITY;
            for (int c = best + 1; c < (o + 1) * pieces; c++) {
                if (zd[c] > zd[best]) {
                    second = zd[best];
                    best = c;
                } else {
                    second = Math.max(second, zd[c]);
                }
            }
            winner[o] = best;
            lead[o] = zd[best] - second;
            yd[o] = zd[best];
        }
        return y; // (batch × units)
    }

    @Override
    public RealMatrix backward(RealMatrix dOutput, boolean inputGradient) {
        return affine.backward(dz(dOutput), inputGradient); // (batch × in), or null
    }

    /** dL/dz (batch × units·pieces): each unit's gradient goes to the piece that won its max. */
    private FlatMatrix dz(RealMatrix dOutput) {
        FlatMatrix dOut = FlatMatrix.of(dOutput);
        Check.shape("dOut", dOut, batch, units);
        double[] g = dOut.data();
        dz = FlatMatrix.reuse(dz, batch, units * pieces);
        double[] d = dz.data();
        java.util.Arrays.fill(d, 0.0); // zero but at the winners
        for (int o = 0; o < g.length; o++) {
            d[winner[o]] = g[o];
        }
        return dz;
    }

    /** A unit's kink is where its two best pieces tie. */
    @Override
    public void nearestKinks(double[] distances) {
        for (int o = 0; o < lead.length; o++) {
            distances[o / units] = Math.min(distances[o / units], lead[o]);
        }
    }

    @Override
    public List<Param> params() {
        return affine.params();
    }

    @Override
    public int outWidth() {
        return units;
    }

    @Override
    public String describe() {
        return "maxout(" + units + "×" + pieces + ")";
    }
}
