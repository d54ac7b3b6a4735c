package deepgrid.nn.optimizers;

import deepgrid.nn.Optimizer;
import deepgrid.nn.Param;
import java.util.List;

/** Plain (stochastic) gradient descent: θ ← θ − lr·g. */
public final class Sgd implements Optimizer {
    @Override
    public void step(List<Param> params, double lr) {
        for (Param p : params) {
            double[] v = p.value().data();
            double[] g = p.grad().data();
            for (int i = 0; i < v.length; i++) {
                v[i] -= lr * g[i];
            }
        }
    }
}
