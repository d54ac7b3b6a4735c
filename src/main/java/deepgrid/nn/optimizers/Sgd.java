package deepgrid.nn.optimizers;

import deepgrid.nn.Optimizer;
import deepgrid.nn.Param;
import java.util.List;

/**
 * Plain (stochastic) gradient descent: θ ← θ − lr·g, stepping straight down the
 * gradient of the current batch (Robbins & Monro 1951). Stateless; PyTorch's
 * {@code SGD} without momentum or weight decay.
 */
public final class Sgd implements Optimizer {
    @Override
    public void step(List<Param> params, double lr) {
        for (Param p : params) {
            double[] theta = p.value().data();
            double[] g = p.grad().data();
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= lr * g[i];
            }
        }
    }
}
