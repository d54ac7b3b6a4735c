package deepgrid.nn.optimizers;

import deepgrid.nn.Optimizer;
import deepgrid.nn.Param;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nesterov momentum (Nesterov 1983; for deep nets Sutskever et al. 2013, "On the
 * importance of initialization and momentum in deep learning"): like {@link Momentum},
 * but the step looks ahead along the updated velocity. PyTorch's
 * {@code SGD(momentum=μ, nesterov=True)}, the reformulation of Bengio et al. 2012
 * (arXiv:1212.0901) that needs no gradient at a shifted point:
 * v ← μ·v + g; θ ← θ − lr·(g + μ·v).
 */
public final class Nesterov implements Optimizer {
    private final double mu;
    private final Map<Param, double[]> velocity = new IdentityHashMap<>();

    public Nesterov(OptimizerSpec.Nesterov spec) {
        this.mu = spec.momentum();
    }

    @Override
    public void step(List<Param> params, double lr) {
        for (Param p : params) {
            double[] theta = p.value().data();
            double[] g = p.grad().data();
            double[] v = velocity.computeIfAbsent(p, q -> new double[q.size()]);
            for (int i = 0; i < theta.length; i++) {
                v[i] = mu * v[i] + g[i];
                theta[i] -= lr * (g[i] + mu * v[i]);
            }
        }
    }
}
