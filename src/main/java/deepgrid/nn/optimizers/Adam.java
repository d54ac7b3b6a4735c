package deepgrid.nn.optimizers;

import deepgrid.nn.Optimizer;
import deepgrid.nn.Param;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma & Ba 2014, arXiv:1412.6980, Algorithm 1): momentum on the gradient (first
 * moment m) combined with RMSprop's scaling (second moment v), both bias-corrected
 * because they start at 0. PyTorch's {@code Adam} (no weight decay, no amsgrad), with the
 * step count t kept per parameter:
 * m ← β₁·m + (1−β₁)·g; v ← β₂·v + (1−β₂)·g²;
 * θ ← θ − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε).
 */
public final class Adam implements Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final Map<Param, Moments> moments = new IdentityHashMap<>();

    /** The running estimates of one parameter and how many steps it has taken. */
    private static final class Moments {
        final double[] m;
        final double[] v;
        int t;

        Moments(int size) {
            m = new double[size];
            v = new double[size];
        }
    }

    public Adam(OptimizerSpec.Adam spec) {
        this.beta1 = spec.beta1();
        this.beta2 = spec.beta2();
        this.eps = spec.eps();
    }

    @Override
    public void step(List<Param> params, double lr) {
        for (Param p : params) {
            double[] theta = p.value().data();
            double[] g = p.grad().data();
            Moments s = moments.computeIfAbsent(p, q -> new Moments(q.size()));
            s.t++;
            // without the corrections, the first steps would be far too small (m, v start at 0)
            double stepSize = lr / (1 - Math.pow(beta1, s.t));
            double sqrtCorrection2 = Math.sqrt(1 - Math.pow(beta2, s.t));
            for (int i = 0; i < theta.length; i++) {
                s.m[i] = beta1 * s.m[i] + (1 - beta1) * g[i];
                s.v[i] = beta2 * s.v[i] + (1 - beta2) * g[i] * g[i];
                theta[i] -= stepSize * s.m[i] / (Math.sqrt(s.v[i]) / sqrtCorrection2 + eps);
            }
        }
    }
}
