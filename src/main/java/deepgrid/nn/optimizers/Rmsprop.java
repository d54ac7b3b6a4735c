package deepgrid.nn.optimizers;

import deepgrid.nn.Optimizer;
import deepgrid.nn.Param;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSprop (Tieleman & Hinton 2012, Coursera "Neural Networks for Machine Learning",
 * lecture 6.5): AdaGrad with a forgetting sum — a moving average of squared gradients —
 * so the effective learning rate no longer decays to 0. PyTorch's {@code RMSprop}
 * (no momentum, not centered; PyTorch calls ρ "alpha"):
 * s ← ρ·s + (1−ρ)·g²; θ ← θ − lr·g / (√s + ε).
 */
public final class Rmsprop implements Optimizer {
    private final double rho;
    private final double eps;
    private final Map<Param, double[]> meanSquare = new IdentityHashMap<>();

    public Rmsprop(OptimizerSpec.Rmsprop spec) {
        this.rho = spec.rho();
        this.eps = spec.eps();
    }

    @Override
    public void step(List<Param> params, double lr) {
        for (Param p : params) {
            double[] theta = p.value().data();
            double[] g = p.grad().data();
            double[] s = meanSquare.computeIfAbsent(p, q -> new double[q.size()]);
            for (int i = 0; i < theta.length; i++) {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
                theta[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps);
            }
        }
    }
}
