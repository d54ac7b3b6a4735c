package deepgrid.nn.optimizers;

import deepgrid.nn.Optimizer;
import deepgrid.nn.Param;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdaGrad (Duchi, Hazan & Singer 2011, JMLR 12): each parameter's step is divided by
 * the root of the sum of all its past squared gradients, so often-updated parameters
 * slow down and rarely-updated ones keep large steps. Because the sum only grows, the
 * effective learning rate decays towards 0. PyTorch's {@code Adagrad} (lr_decay 0,
 * initial accumulator 0): s ← s + g²; θ ← θ − lr·g / (√s + ε).
 */
public final class Adagrad implements Optimizer {
    private final double eps;
    private final Map<Param, double[]> sumOfSquares = new IdentityHashMap<>();

    public Adagrad(OptimizerSpec.Adagrad spec) {
        this.eps = spec.eps();
    }

    @Override
    public void step(List<Param> params, double lr) {
        for (Param p : params) {
            double[] theta = p.value().data();
            double[] g = p.grad().data();
            double[] s = sumOfSquares.computeIfAbsent(p, q -> new double[q.size()]);
            for (int i = 0; i < theta.length; i++) {
                s[i] += g[i] * g[i];
                theta[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps); // ε keeps 0/0 out of never-seen directions
            }
        }
    }
}
