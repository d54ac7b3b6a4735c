package deepgrid.config;

import deepgrid.math.Range;
import deepgrid.nn.activations.Elu;
import deepgrid.nn.activations.LeakyRelu;
import deepgrid.nn.initializers.Normal;
import deepgrid.nn.initializers.Uniform;
import deepgrid.nn.optimizers.OptimizerSpec;
import deepgrid.nn.optimizers.Schedule;
import java.util.List;

/**
 * The options of the catalogue's named things (activations, initializers, optimizers,
 * schedules), each with its default and range read from the record it configures. A leaf:
 * it refers to no family, so the catalogue's classes initialize in any order.
 */
final class Options {
    private Options() {
    }

    static final Option LEAKY_ALPHA = Option.number("alpha", LeakyRelu.DEFAULT_ALPHA, LeakyRelu.ALPHA,
            "slope for z < 0");
    static final Option ELU_ALPHA = Option.number("alpha", Elu.DEFAULT_ALPHA, Elu.ALPHA, "−α is the value for z → −∞");

    static final Option CONSTANT_VALUE = Option.number("value", null, Range.ANY, "the value of every entry");
    static final Option NORMAL_MEAN = Option.number("mean", Normal.DEFAULT_MEAN, Range.ANY, "the mean");
    static final Option NORMAL_STD = Option.number("std", Normal.DEFAULT_STD, Normal.STD, "the standard deviation");
    static final Option UNIFORM_LIMIT = Option.number("limit", Uniform.DEFAULT_LIMIT, Uniform.LIMIT,
            "draw from U(−limit, limit) (unless low and high are given)");
    static final Option UNIFORM_LOW = Option.number("low", null, Range.ANY, "the lower bound, with high")
            .offUnlessGiven();
    static final Option UNIFORM_HIGH = Option.number("high", null, Range.ANY, "the upper bound, with low; > low")
            .offUnlessGiven();

    static final Option LR = Option.number("lr", OptimizerSpec.DEFAULT_LR, OptimizerSpec.POSITIVE, "the learning rate");
    static final Option ADAM_LR = Option.number("lr", OptimizerSpec.Adam.DEFAULT_LR, OptimizerSpec.POSITIVE,
            "the learning rate");
    static final Option MOMENTUM = Option.number("momentum", OptimizerSpec.DEFAULT_MOMENTUM, OptimizerSpec.DECAY,
            "the momentum coefficient μ");
    static final Option ADAGRAD_EPS = Option.number("eps", OptimizerSpec.Adagrad.DEFAULT_EPS, OptimizerSpec.POSITIVE,
            "added to √s against division by 0");
    static final Option EPS = Option.number("eps", OptimizerSpec.Adam.DEFAULT_EPS, OptimizerSpec.POSITIVE,
            "added to √s against division by 0");
    static final Option RHO = Option.number("rho", OptimizerSpec.Rmsprop.DEFAULT_RHO, OptimizerSpec.DECAY,
            "decay of the squared-gradient average (PyTorch's alpha)");
    static final Option BETA1 = Option.number("beta1", OptimizerSpec.Adam.DEFAULT_BETA1, OptimizerSpec.DECAY,
            "decay of the gradient average");
    static final Option BETA2 = Option.number("beta2", OptimizerSpec.Adam.DEFAULT_BETA2, OptimizerSpec.DECAY,
            "decay of the squared-gradient average");
    static final Option WEIGHT_DECAY = Option.number("weight_decay", OptimizerSpec.AdamW.DEFAULT_WEIGHT_DECAY,
            OptimizerSpec.NON_NEGATIVE, "decoupled weight decay");
    static final List<Option> ADAM = List.of(ADAM_LR, BETA1, BETA2, EPS);
    static final List<Option> ADAMW = List.of(ADAM_LR, BETA1, BETA2, EPS, WEIGHT_DECAY);

    static final Option STEP_EVERY = Option.integer("every", null, Schedule.Step.EVERY, "epochs between two decays");
    static final Option STEP_FACTOR = Option.number("factor", Schedule.Step.DEFAULT_FACTOR, OptimizerSpec.POSITIVE,
            "the factor of each decay");
    static final Option GAMMA = Option.number("gamma", null, OptimizerSpec.POSITIVE, "the factor per epoch");

    /** {@code uniform} takes either {@code limit} (±limit) or {@code low} and {@code high}. */
    static Uniform uniform(MapReader o) {
        if (o.has(UNIFORM_LIMIT) || !(o.has(UNIFORM_LOW) || o.has(UNIFORM_HIGH))) {
            o.allow(UNIFORM_LOW.key(), UNIFORM_HIGH.key());
            return Uniform.symmetric(o.number(UNIFORM_LIMIT));
        }
        o.allow(UNIFORM_LIMIT.key());
        double low = o.number(UNIFORM_LOW.key(), null, Range.ANY);
        double high = o.number(UNIFORM_HIGH.key(), null, Range.ANY);
        return new Uniform(low, high); // low < high is the record's rule, reported at high
    }
}
