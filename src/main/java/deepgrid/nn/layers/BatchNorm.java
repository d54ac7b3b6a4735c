package deepgrid.nn.layers;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Range;
import deepgrid.nn.Layer;
import deepgrid.nn.Param;
import deepgrid.nn.Phase;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Batch normalization (Ioffe &amp; Szegedy 2015, arXiv:1502.03167): each column is
 * normalized, x̂ = (x − μ) / √(σ² + eps), then scaled and shifted, y = γ·x̂ + β, with
 * learnable γ ("{name}.gamma", init 1) and β ("{name}.beta", init 0). Keeping every layer's
 * input centred and scaled lets deep nets train with larger learning rates.
 *
 * <p>Order of use: in {@link Phase#TRAIN}, μ and σ² are the batch mean and biased batch
 * variance, and the running averages move towards them; in {@link Phase#EVAL} the running
 * averages are used instead, so a prediction does not depend on the rest of its batch.
 *
 * <p>Running averages follow Keras' convention, which the experiment file uses
 * ({@code momentum: 0.9}): running = momentum·running + (1 − momentum)·batch. PyTorch's
 * {@code momentum=0.1} is the same rule with momentum' = 1 − momentum. As PyTorch does, the
 * running variance is fed the unbiased batch variance (n/(n − 1)·σ²); a batch of one row
 * carries no variance information and leaves the running variance unchanged. They start
 * at mean 0 and variance 1.
 */
public final class BatchNorm implements Layer {
    private final Param gamma; // (1 × width)
    private final Param beta; // (1 × width)
    private final double momentum;
    private final double eps;
    private final double[] runningMean;
    private final double[] runningVar;
    private final double[] invStd; // 1/√(σ² + eps) of the last forward pass, per column
    private FlatMatrix xhat; // (batch × width)
    private Phase phase;

    public BatchNorm(String name, int width, double momentum, double eps) {
        Check.in("momentum", momentum, Range.between(0, 1));
        Check.in("eps", eps, Range.above(0));
        Check.size("width", width);
        this.gamma = new Param(name + ".gamma", Param.Role.SCALE, new FlatMatrix(1, width));
        this.beta = new Param(name + ".beta", Param.Role.SHIFT, new FlatMatrix(1, width));
        java.util.Arrays.fill(gamma.value().data(), 1.0);
        this.momentum = momentum;
        this.eps = eps;
        this.runningMean = new double[width];
        this.runningVar = new double[width];
        java.util.Arrays.fill(runningVar, 1.0);
        this.invStd = new double[width];
    }

    @Override
    public RealMatrix forward(RealMatrix input, Phase phase) {
        FlatMatrix x = FlatMatrix.of(input);
        Check.shape("x", x, -1, outWidth());
        this.phase = phase;
        int n = x.getRowDimension();
        double[] mean = runningMean;
        double[] var = runningVar;
        if (phase == Phase.TRAIN && n > 0) {
            mean = columnMeans(x);
            var = biasedVariances(x, mean);
            updateRunningAverages(mean, var, n);
        }
        for (int j = 0; j < invStd.length; j++) {
            invStd[j] = 1.0 / Math.sqrt(var[j] + eps);
        }
        xhat = normalize(x, mean);
        return scaleAndShift(xhat);
    }

    /**
     * dγ = Σ dOut·x̂ and dβ = Σ dOut over the batch. In TRAIN, μ and σ² depend on every row,
     * which gives the compact form dx = γ/(n·√(σ² + eps)) · (n·dOut − dβ − x̂·dγ); in EVAL
     * they are constants and dx = γ·dOut/√(σ² + eps).
     */
    @Override
    public RealMatrix backward(RealMatrix dOutput) {
        FlatMatrix dOut = FlatMatrix.of(dOutput);
        Check.sameShape("dOut", dOut, "x̂", xhat);
        int n = xhat.getRowDimension();
        int w = invStd.length;
        double[] g = dOut.data();
        double[] xh = xhat.data();
        double[] dGamma = gamma.grad().data();
        double[] dBeta = beta.grad().data();
        java.util.Arrays.fill(dGamma, 0.0);
        java.util.Arrays.fill(dBeta, 0.0);
        for (int base = 0; base < g.length; base += w) {
            for (int j = 0; j < w; j++) {
                dGamma[j] += g[base + j] * xh[base + j];
                dBeta[j] += g[base + j];
            }
        }
        // in EVAL μ and σ² are constants: no batch terms
        double batchShare = phase == Phase.TRAIN ? 1.0 / n : 0.0;
        double[] gm = gamma.value().data();
        double[] dx = new double[g.length];
        for (int base = 0; base < g.length; base += w) {
            for (int j = 0; j < w; j++) {
                int i = base + j;
                dx[i] = gm[j] * invStd[j] * (g[i] - batchShare * (dBeta[j] + xh[i] * dGamma[j]));
            }
        }
        return new FlatMatrix(n, w, dx); // (batch × width)
    }

    @Override
    public List<Param> params() {
        return List.of(gamma, beta);
    }

    @Override
    public int outWidth() {
        return invStd.length;
    }

    @Override
    public String describe() {
        return "batchnorm";
    }

    /** A copy of the running mean used in EVAL (for diagnostics and tests). */
    public double[] runningMean() {
        return runningMean.clone();
    }

    /** A copy of the running variance used in EVAL. */
    public double[] runningVariance() {
        return runningVar.clone();
    }

    private void updateRunningAverages(double[] mean, double[] var, int n) {
        for (int j = 0; j < mean.length; j++) {
            runningMean[j] = momentum * runningMean[j] + (1 - momentum) * mean[j];
            if (n > 1) {
                double unbiased = var[j] * n / (n - 1);
                runningVar[j] = momentum * runningVar[j] + (1 - momentum) * unbiased;
            }
        }
    }

    private FlatMatrix normalize(FlatMatrix x, double[] mean) {
        int w = mean.length;
        double[] xd = x.data();
        double[] out = new double[xd.length];
        for (int base = 0; base < xd.length; base += w) {
            for (int j = 0; j < w; j++) {
                out[base + j] = (xd[base + j] - mean[j]) * invStd[j];
            }
        }
        return new FlatMatrix(x.getRowDimension(), w, out);
    }

    private FlatMatrix scaleAndShift(FlatMatrix normalized) {
        int w = invStd.length;
        double[] gm = gamma.value().data();
        double[] bt = beta.value().data();
        double[] xh = normalized.data();
        double[] y = new double[xh.length];
        for (int base = 0; base < xh.length; base += w) {
            for (int j = 0; j < w; j++) {
                y[base + j] = gm[j] * xh[base + j] + bt[j];
            }
        }
        return new FlatMatrix(normalized.getRowDimension(), w, y); // (batch × width)
    }

    private static double[] columnMeans(FlatMatrix x) {
        int w = x.getColumnDimension();
        double[] mean = new double[w];
        double[] xd = x.data();
        for (int base = 0; base < xd.length; base += w) {
            for (int j = 0; j < w; j++) {
                mean[j] += xd[base + j];
            }
        }
        for (int j = 0; j < w; j++) {
            mean[j] /= x.getRowDimension();
        }
        return mean;
    }

    private static double[] biasedVariances(FlatMatrix x, double[] mean) {
        int w = mean.length;
        double[] var = new double[w];
        double[] xd = x.data();
        for (int base = 0; base < xd.length; base += w) {
            for (int j = 0; j < w; j++) {
                double d = xd[base + j] - mean[j];
                var[j] += d * d;
            }
        }
        for (int j = 0; j < w; j++) {
            var[j] /= x.getRowDimension();
        }
        return var;
    }
}
