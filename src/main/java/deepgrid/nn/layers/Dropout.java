package deepgrid.nn.layers;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Range;
import deepgrid.math.Rng;
import deepgrid.nn.Layer;
import deepgrid.nn.Phase;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Inverted dropout (Srivastava et al. 2014, JMLR 15; Hinton et al. 2012, arXiv:1207.0580):
 * in {@link Phase#TRAIN} every unit is dropped with probability p and the kept ones are
 * scaled by 1/(1 − p), so the expected output equals the input and nothing needs
 * rescaling at evaluation; in {@link Phase#EVAL} the layer is the identity. Order of use:
 * forward (a fresh mask per TRAIN batch, drawn from the layer's own Rng), then backward,
 * which lets the gradient through the kept units only, with the same scale.
 */
public final class Dropout implements Layer {
    private final double p;
    private final int width;
    private final Rng rng;
    private double[] mask; // (batch × width): 0 for dropped units, 1/(1 − p) for kept ones
    private FlatMatrix y; // (batch × width)
    private FlatMatrix dx; // (batch × width)
    private Phase phase;
    private boolean frozen;

    /** Drops each of {@code width} units with probability {@code p} in [0, 1), drawing from {@code rng}. */
    public Dropout(double p, int width, Rng rng) {
        this.p = Check.in("p", p, Range.from(0, 1));
        this.width = Check.size("width", width);
        this.rng = rng;
    }

    @Override
    public RealMatrix forward(RealMatrix input, Phase phase) {
        FlatMatrix x = FlatMatrix.of(input);
        Check.shape("x", x, -1, width);
        this.phase = phase;
        if (phase == Phase.EVAL) {
            return x;
        }
        double[] xd = x.data();
        if (!frozen || mask == null) {
            mask = drawMask(mask, xd.length);
        } else if (mask.length != xd.length) {
            throw new IllegalStateException("x is " + Check.shapeOf(x) + " but the frozen dropout mask holds "
                    + mask.length / Math.max(width, 1) + " rows");
        }
        y = FlatMatrix.reuse(y, x.getRowDimension(), width);
        double[] yd = y.data();
        for (int i = 0; i < yd.length; i++) {
            yd[i] = xd[i] * mask[i];
        }
        return y; // (batch × width)
    }

    @Override
    public RealMatrix backward(RealMatrix dOutput, boolean inputGradient) {
        FlatMatrix dOut = FlatMatrix.of(dOutput);
        Check.shape("dOut", dOut, -1, width);
        if (!inputGradient) {
            return null; // no parameters, and no one to pass dx to
        }
        if (phase == Phase.EVAL) {
            return dOut;
        }
        double[] g = dOut.data();
        if (g.length != mask.length) {
            throw new IllegalArgumentException("dOut is " + Check.shapeOf(dOut) + ", expected "
                    + mask.length / Math.max(width, 1) + "×" + width);
        }
        dx = FlatMatrix.reuse(dx, dOut.getRowDimension(), width);
        double[] d = dx.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = g[i] * mask[i];
        }
        return dx; // (batch × width)
    }

    @Override
    public void freezeRandomness() {
        frozen = true;
    }

    @Override
    public int outWidth() {
        return width;
    }

    @Override
    public String describe() {
        return "dropout(" + p + ")";
    }

    /** A fresh draw, into {@code old} when it has the right size. */
    private double[] drawMask(double[] old, int size) {
        double keep = 1.0 / (1.0 - p);
        double[] m = old != null && old.length == size ? old : new double[size];
        for (int i = 0; i < size; i++) {
            m[i] = rng.nextDouble() < p ? 0.0 : keep;
        }
        return m;
    }
}
