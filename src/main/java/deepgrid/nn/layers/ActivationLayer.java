package deepgrid.nn.layers;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.nn.Activation;
import deepgrid.nn.Layer;
import deepgrid.nn.Phase;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Applies an {@link Activation} element by element: y = f(z); backward dz = dOut ⊙ f'(z).
 * y and dz are buffers reused while the batch size stays the same.
 */
public final class ActivationLayer implements Layer {
    private final Activation f;
    private final int width;
    private FlatMatrix z; // (batch × width)
    private FlatMatrix y; // (batch × width)
    private FlatMatrix dz; // (batch × width)

    public ActivationLayer(Activation f, int width) {
        this.f = f;
        this.width = width;
    }

    public Activation activation() {
        return f;
    }

    @Override
    public RealMatrix forward(RealMatrix input, Phase phase) {
        z = FlatMatrix.of(input);
        Check.shape("z", z, -1, width);
        y = FlatMatrix.reuse(y, z.getRowDimension(), width);
        double[] zd = z.data();
        double[] yd = y.data();
        for (int i = 0; i < zd.length; i++) {
            yd[i] = f.apply(zd[i]);
        }
        return y;
    }

    @Override
    public RealMatrix backward(RealMatrix dOutput, boolean inputGradient) {
        FlatMatrix dOut = FlatMatrix.of(dOutput);
        Check.sameShape("dOut", dOut, "z", z);
        if (!inputGradient) {
            return null; // no parameters, and no one to pass dz to
        }
        double[] zd = z.data();
        double[] yd = y.data();
        double[] g = dOut.data();
        dz = FlatMatrix.reuse(dz, z.getRowDimension(), width);
        double[] dzd = dz.data();
        for (int i = 0; i < zd.length; i++) {
            dzd[i] = g[i] * f.derivative(zd[i], yd[i]);
        }
        return dz;
    }

    @Override
    public void nearestKinks(double[] distances) {
        double[] zd = z.data();
        for (int i = 0; i < zd.length; i++) {
            int row = i / width;
            distances[row] = Math.min(distances[row], f.kinkDistance(zd[i]));
        }
    }

    @Override
    public int outWidth() {
        return width;
    }

    @Override
    public String describe() {
        return f.name();
    }
}
