package deepgrid.nn.optimizers;

import deepgrid.nn.Optimizer;
import deepgrid.nn.Param;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient descent with heavy-ball momentum (Polyak 1964): a velocity accumulates past
 * gradients, so steps grow along directions that stay consistent and cancel where the
 * gradient oscillates. PyTorch's {@code SGD(momentum=μ)} form, dampening 0:
 * v ← μ·v + g; θ ← θ − lr·v. (The CS231n/"Deep Learning from Scratch" form
 * v ← μ·v − lr·g; θ ← θ + v gives the same steps while lr is constant, but not when a
 * schedule changes lr.)
 */
public final class Momentum implements Optimizer {
    private final double mu;
    private final Map<Param, double[]> velocity = new IdentityHashMap<>();

    public Momentum(OptimizerSpec.Momentum spec) {
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
                theta[i] -= lr * v[i];
            }
        }
    }
}
