package deepgrid.nn.layers;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Ops;
import deepgrid.math.Range;
import deepgrid.nn.Layer;
import deepgrid.nn.Param;
import deepgrid.nn.Phase;
import java.util.Arrays;
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
    private final Param gamma; // γ (1 × width)
    private final Param beta; // β (1 × width)
    private final double momentum;
    private final double eps;
    private final double[] runningMean;
    private final double[] runningVar;
    private final double[] invStd; // 1/√(σ² + eps) of the last forward pass, per column
    private FlatMatrix xhat; // x̂ (batch × width), kept for backward
    private FlatMatrix y; // (batch × width)
    private FlatMatrix dx; // (batch × width)
    private Phase phase;

    public BatchNorm(String name, int width, double momentum, double eps) {
        Check.in("momentum", momentum, Range.between(0, 1));
        Check.in("eps", eps, Range.above(0));
        Check.size("width", width);
        this.gamma = new Param(name + ".gamma", Param.Role.SCALE, new FlatMatrix(1, width));
        this.beta = new Param(name + ".beta", Param.Role.SHIFT, new FlatMatrix(1, width));
        Arrays.fill(gamma.value().data(), 1.0);
        this.momentum = momentum;
        this.eps = eps;
        this.runningMean = new double[width];
        this.runningVar = new double[width];
        Arrays.fill(runningVar, 1.0);
        this.invStd = new double[width];
    }

    /** μ = mean(x), σ² = mean((x − μ)²), x̂ = (x − μ)/√(σ² + eps), y = γ·x̂ + β, column by column. */
    @Override
    public RealMatrix forward(RealMatrix input, Phase phase) {
        FlatMatrix x = FlatMatrix.of(input);
        Check.shape("x", x, -1, outWidth());
        this.phase = phase;
        int n = x.getRowDimension();
        double[] mean = runningMean;
        double[] var = runningVar;
        if (phase == Phase.TRAIN && n > 0) {
            mean = Ops.columnMeans(x); // μ
            var = Ops.columnVariances(x, mean); // σ², biased (1/n) as the paper normalizes with
            updateRunningAverages(mean, var, n);
        }
        for (int j = 0; j < invStd.length; j++) {
            invStd[j] = 1.0 / Math.sqrt(var[j] + eps);
        }
        xhat = Ops.shiftThenScaleColumnsInto(x, mean, invStd, FlatMatrix.reuse(xhat, n, outWidth())); // x̂
        y = Ops.scaleThenShiftColumnsInto(xhat, gamma.value().data(), beta.value().data(), // y = γ·x̂ + β
                FlatMatrix.reuse(y, n, outWidth()));
        return y;
    }

    /**
     * dβ = Σ dOut and dγ = Σ dOut·x̂ over the batch. In TRAIN, μ and σ² depend on every row,
     * and the chain rule through them gives the compact form
     * dx = γ/√(σ² + eps) · (dOut − (dβ + x̂·dγ)/n): each row's gradient loses the batch mean of
     * dOut and its projection on x̂, the two directions normalization takes out. In EVAL they
     * are constants and dx = γ/√(σ² + eps) · dOut.
     */
    @Override
    public RealMatrix backward(RealMatrix dOutput, boolean inputGradient) {
        FlatMatrix dOut = FlatMatrix.of(dOutput);
        Check.sameShape("dOut", dOut, "x̂", xhat);
        int n = xhat.getRowDimension();
        double[] dBeta = Ops.columnSumsInto(dOut, beta.grad().data()); // dβ = Σ dOut
        double[] dGamma = Ops.columnSumsOfProductsInto(dOut, xhat, gamma.grad().data()); // dγ = Σ dOut·x̂
        if (!inputGradient) {
            return null; // the first layer: no one to pass dx to
        }
        double batchShare = phase == Phase.TRAIN ? 1.0 / n : 0.0; // in EVAL μ and σ² are constants: no batch terms
        // dOut − (dβ + x̂·dγ)/n, then each column times γ/√(σ² + eps)
        dx = Ops.subtractColumnLinesInto(dOut, batchShare, dBeta, xhat, dGamma, FlatMatrix.reuse(dx, n, outWidth()));
        double[] gm = gamma.value().data();
        double[] scale = new double[invStd.length]; // γ/√(σ² + eps), per column
        for (int j = 0; j < scale.length; j++) {
            scale[j] = gm[j] * invStd[j];
        }
        return Ops.scaleColumns(scale, dx); // (batch × width)
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
}
