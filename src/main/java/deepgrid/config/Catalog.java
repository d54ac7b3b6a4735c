package deepgrid.config;

import deepgrid.nn.Activation;
import deepgrid.nn.Initializer;
import deepgrid.nn.Loss;
import deepgrid.nn.activations.Elu;
import deepgrid.nn.activations.Gelu;
import deepgrid.nn.activations.Identity;
import deepgrid.nn.activations.LeakyRelu;
import deepgrid.nn.activations.Relu;
import deepgrid.nn.activations.Sigmoid;
import deepgrid.nn.activations.Silu;
import deepgrid.nn.activations.Softplus;
import deepgrid.nn.activations.Step;
import deepgrid.nn.activations.Tanh;
import deepgrid.nn.initializers.Constant;
import deepgrid.nn.initializers.HeNormal;
import deepgrid.nn.initializers.HeUniform;
import deepgrid.nn.initializers.LecunNormal;
import deepgrid.nn.initializers.LecunUniform;
import deepgrid.nn.initializers.Normal;
import deepgrid.nn.initializers.Uniform;
import deepgrid.nn.initializers.XavierNormal;
import deepgrid.nn.initializers.XavierUniform;
import deepgrid.nn.initializers.Zeros;
import deepgrid.nn.losses.BinaryCrossEntropy;
import deepgrid.nn.losses.CrossEntropy;
import deepgrid.nn.losses.Hinge;
import deepgrid.nn.losses.Mse;
import deepgrid.nn.losses.SquaredHinge;
import deepgrid.nn.optimizers.OptimizerSpec;
import deepgrid.nn.optimizers.Schedule;

/**
 * Every YAML name of deepgrid mapped to the class it builds, with its options and
 * defaults — the one place names live, which also feeds "did you mean". Defaults
 * follow PyTorch where it has one, else Keras.
 */
public final class Catalog {
    private Catalog() {
    }

    private static final Range POSITIVE = Range.above(0);
    private static final Range UNIT = Range.from(0, 1);

    public static final Family<Activation> ACTIVATIONS = new Family<Activation>("activation")
            .add("identity", o -> new Identity())
            .add("step", o -> new Step())
            .add("sigmoid", o -> new Sigmoid())
            .add("tanh", o -> new Tanh())
            .add("relu", o -> new Relu())
            .add("leaky_relu", o -> new LeakyRelu(o.number("alpha", 0.01, Range.atLeast(0))))
            .add("elu", o -> new Elu(o.number("alpha", 1.0, Range.atLeast(0))))
            .add("softplus", o -> new Softplus())
            .add("gelu", o -> new Gelu())
            .add("silu", o -> new Silu());

    public static final Family<Initializer> INITIALIZERS = new Family<Initializer>("initializer")
            .add("zeros", o -> new Zeros())
            .add("constant", o -> new Constant(o.number("value", null, Range.ANY)))
            .add("normal", o -> new Normal(o.number("mean", 0.0, Range.ANY), o.number("std", 0.01, POSITIVE)))
            .add("uniform", Catalog::uniform)
            .add("lecun_normal", o -> new LecunNormal())
            .add("lecun_uniform", o -> new LecunUniform())
            .add("xavier_normal", o -> new XavierNormal())
            .add("xavier_uniform", o -> new XavierUniform())
            .add("he_normal", o -> new HeNormal())
            .add("he_uniform", o -> new HeUniform());

    public static final Family<Loss> LOSSES = new Family<Loss>("loss")
            .add("mse", o -> new Mse())
            .add("cross_entropy", o -> new CrossEntropy())
            .add("binary_cross_entropy", o -> new BinaryCrossEntropy())
            .add("hinge", o -> new Hinge(o.number("margin", 1.0, POSITIVE)))
            .add("squared_hinge", o -> new SquaredHinge(o.number("margin", 1.0, POSITIVE)));

    public static final Family<OptimizerSpec> OPTIMIZERS = new Family<OptimizerSpec>("optimizer")
            .add("sgd", o -> new OptimizerSpec.Sgd(lr(o, 0.01)))
            .add("momentum", o -> new OptimizerSpec.Momentum(lr(o, 0.01), o.number("momentum", 0.9, UNIT)))
            .add("nesterov", o -> new OptimizerSpec.Nesterov(lr(o, 0.01), o.number("momentum", 0.9, UNIT)))
            .add("adagrad", o -> new OptimizerSpec.Adagrad(lr(o, 0.01), o.number("eps", 1e-10, POSITIVE)))
            .add("rmsprop", o -> new OptimizerSpec.Rmsprop(lr(o, 0.01), o.number("rho", 0.99, UNIT),
                    o.number("eps", 1e-8, POSITIVE)))
            .add("adam", o -> new OptimizerSpec.Adam(lr(o, 0.001), o.number("beta1", 0.9, UNIT),
                    o.number("beta2", 0.999, UNIT), o.number("eps", 1e-8, POSITIVE)))
            .add("adamw", o -> new OptimizerSpec.AdamW(lr(o, 0.001), o.number("beta1", 0.9, UNIT),
                    o.number("beta2", 0.999, UNIT), o.number("eps", 1e-8, POSITIVE),
                    o.number("weight_decay", 0.01, Range.atLeast(0))));

    public static final Family<Schedule> SCHEDULES = new Family<Schedule>("schedule")
            .add("constant", o -> new Schedule.Constant())
            .add("step", o -> new Schedule.Step(o.integer("every", null, Range.atLeast(1)),
                    o.number("factor", 0.1, POSITIVE)))
            .add("exponential", o -> new Schedule.Exponential(o.number("gamma", null, POSITIVE)))
            .add("cosine", o -> new Schedule.Cosine());

    private static double lr(MapReader o, double dflt) {
        return o.number("lr", dflt, POSITIVE);
    }

    /** {@code uniform} takes either {@code limit} (±limit) or {@code low} and {@code high}. */
    private static Initializer uniform(MapReader o) {
        if (o.has("limit") || !(o.has("low") || o.has("high"))) {
            double limit = o.number("limit", 0.05, POSITIVE);
            return new Uniform(-limit, limit);
        }
        double low = o.number("low", null, Range.ANY);
        double high = o.number("high", null, Range.ANY);
        if (!(low < high)) {
            o.problems().add(o.posOf("high"), o.path("high") + ": found " + Range.fmt(high)
                    + ", expected a number > low (" + Range.fmt(low) + ")");
            return new Uniform(-1, 1);
        }
        return new Uniform(low, high);
    }
}
