package deepgrid.config;

import deepgrid.data.DataSource;
import deepgrid.data.Normalize;
import deepgrid.math.Kernel;
import deepgrid.nn.Activation;
import deepgrid.nn.Initializer;
import deepgrid.nn.LayerSpec;
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
import deepgrid.nn.optimizers.OptimizerSpec;
import deepgrid.nn.optimizers.Schedule;
import deepgrid.train.EarlyStopping;
import java.util.Arrays;
import java.util.List;

/**
 * Every name of deepgrid — in the experiment file and in its environment — with the class it
 * builds, its options, defaults, ranges and a one-line description: the one place names live.
 * Binding, "did you mean", {@code deepgrid datasets}, the README's tables and the JSON Schema
 * ({@code deepgrid schema}) all read it. Defaults and ranges are the records' own constants
 * (PyTorch's where it has one, else Keras'), so they are written once. Adding a loss or a data
 * source is its class and one entry in {@link Losses} or {@link Sources}; the keys of the file
 * around these names are in {@link Sections}.
 */
public final class Catalog {
    private Catalog() {
    }

    public static final Family<Activation> ACTIVATIONS = new Family<Activation>("activation")
            .add("identity", Identity.class, "f(z) = z: a linear unit", Identity::new)
            .add("step", Step.class, "1 if z ≥ 0 else 0, the perceptron's threshold; zero gradient", Step::new)
            .add("sigmoid", Sigmoid.class, "1/(1 + e^−z), into (0, 1); saturates", Sigmoid::new)
            .add("tanh", Tanh.class, "tanh(z), into (−1, 1), zero-centred; saturates", Tanh::new)
            .add("relu", Relu.class, "max(0, z) (Nair & Hinton 2010)", Relu::new)
            .add("leaky_relu", LeakyRelu.class, "z for z > 0, else α·z (Maas et al. 2013)", List.of(Options.LEAKY_ALPHA),
                    o -> new LeakyRelu(o.number(Options.LEAKY_ALPHA)))
            .add("elu", Elu.class, "z for z > 0, else α(e^z − 1) (arXiv:1511.07289)", List.of(Options.ELU_ALPHA),
                    o -> new Elu(o.number(Options.ELU_ALPHA)))
            .add("softplus", Softplus.class, "log(1 + e^z), a smooth relu", Softplus::new)
            .add("gelu", Gelu.class, "z·Φ(z), exact (erf) form (arXiv:1606.08415)", Gelu::new)
            .add("silu", Silu.class, "z·σ(z), also called swish (arXiv:1702.03118)", Silu::new);

    public static final Family<Initializer> INITIALIZERS = new Family<Initializer>("initializer")
            .add("zeros", Zeros.class, "0: every unit of a layer stays identical (symmetry)", Zeros::new)
            .add("constant", Constant.class, "every entry `value`", List.of(Options.CONSTANT_VALUE),
                    o -> new Constant(o.number(Options.CONSTANT_VALUE)))
            .add("normal", Normal.class, "N(`mean`, `std`²), whatever the layer's size", List.of(Options.NORMAL_MEAN,
                    Options.NORMAL_STD), o -> new Normal(o.number(Options.NORMAL_MEAN), o.number(Options.NORMAL_STD)))
            .add("uniform", Uniform.class, "U(−`limit`, `limit`), or U(`low`, `high`)", List.of(Options.UNIFORM_LIMIT,
                    Options.UNIFORM_LOW, Options.UNIFORM_HIGH), Options::uniform)
            .add("lecun_normal", LecunNormal.class, "std √(1/fan_in) (LeCun et al. 1998)", LecunNormal::new)
            .add("lecun_uniform", LecunUniform.class, "limit √(3/fan_in) (LeCun et al. 1998)", LecunUniform::new)
            .add("xavier_normal", XavierNormal.class, "std √(2/(fan_in+fan_out)) (Glorot & Bengio 2010)",
                    XavierNormal::new)
            .add("xavier_uniform", XavierUniform.class, "limit √(6/(fan_in+fan_out)) (Glorot & Bengio 2010)",
                    XavierUniform::new)
            .add("he_normal", HeNormal.class, "std √(2/fan_in) (He et al. 2015, arXiv:1502.01852)", HeNormal::new)
            .add("he_uniform", HeUniform.class, "limit √(6/fan_in) (He et al. 2015, arXiv:1502.01852)", HeUniform::new);

    public static final Family<Loss> LOSSES = Losses.family();

    public static final Family<OptimizerSpec> OPTIMIZERS = new Family<OptimizerSpec>("optimizer")
            .add("sgd", OptimizerSpec.Sgd.class, "θ −= lr·g", List.of(Options.LR),
                    o -> new OptimizerSpec.Sgd(o.number(Options.LR)))
            .add("momentum", OptimizerSpec.Momentum.class, "v = μv + g; θ −= lr·v",
                    List.of(Options.LR, Options.MOMENTUM),
                    o -> new OptimizerSpec.Momentum(o.number(Options.LR), o.number(Options.MOMENTUM)))
            .add("nesterov", OptimizerSpec.Nesterov.class, "v = μv + g; θ −= lr·(g + μv)",
                    List.of(Options.LR, Options.MOMENTUM),
                    o -> new OptimizerSpec.Nesterov(o.number(Options.LR), o.number(Options.MOMENTUM)))
            .add("adagrad", OptimizerSpec.Adagrad.class, "s += g²; θ −= lr·g/(√s + eps)",
                    List.of(Options.LR, Options.ADAGRAD_EPS),
                    o -> new OptimizerSpec.Adagrad(o.number(Options.LR), o.number(Options.ADAGRAD_EPS)))
            .add("rmsprop", OptimizerSpec.Rmsprop.class, "s = ρs + (1−ρ)g²; θ −= lr·g/(√s + eps)",
                    List.of(Options.LR, Options.RHO, Options.EPS),
                    o -> new OptimizerSpec.Rmsprop(o.number(Options.LR), o.number(Options.RHO), o.number(Options.EPS)))
            .add("adam", OptimizerSpec.Adam.class, "arXiv:1412.6980, with bias correction", Options.ADAM,
                    o -> new OptimizerSpec.Adam(o.number(Options.ADAM_LR), o.number(Options.BETA1),
                            o.number(Options.BETA2), o.number(Options.EPS)))
            .add("adamw", OptimizerSpec.AdamW.class, "arXiv:1711.05101: θ ·= (1 − lr·wd), then adam; decays every"
                    + " parameter, as PyTorch", Options.ADAMW,
                    o -> new OptimizerSpec.AdamW(o.number(Options.ADAM_LR), o.number(Options.BETA1),
                            o.number(Options.BETA2), o.number(Options.EPS), o.number(Options.WEIGHT_DECAY)));

    public static final Family<Schedule> SCHEDULES = new Family<Schedule>("schedule")
            .add("constant", Schedule.Constant.class, "the same lr every epoch", Schedule.Constant::new)
            .add("step", Schedule.Step.class, "lr·factor^⌊epoch/every⌋ (PyTorch StepLR)",
                    List.of(Options.STEP_EVERY, Options.STEP_FACTOR),
                    o -> new Schedule.Step(o.integer(Options.STEP_EVERY), o.number(Options.STEP_FACTOR)))
            .add("exponential", Schedule.Exponential.class, "lr·gamma^epoch (PyTorch ExponentialLR)",
                    List.of(Options.GAMMA), o -> new Schedule.Exponential(o.number(Options.GAMMA)))
            .add("cosine", Schedule.Cosine.class, "lr·½(1 + cos(π·epoch/epochs)) (arXiv:1608.03983)",
                    Schedule.Cosine::new);

    public static final Family<Normalize> NORMALIZATIONS = new Family<Normalize>("normalization", Family.Form.NAME)
            .add("none", Normalize.class, "inputs as they are", () -> Normalize.NONE)
            .add("minmax", Normalize.class, "(x − min)/(max − min): training inputs in [0, 1]", () -> Normalize.MINMAX)
            .add("standardize", Normalize.class, "(x − mean)/std, population std (numpy's ddof=0): mean 0, std 1",
                    () -> Normalize.STANDARDIZE);

    public static final Family<EarlyStopping.Metric> METRICS = metrics();

    public static final Family<DataSource> SOURCES = Sources.family();

    public static final Family<LayerSpec> LAYERS = Layers.family(ACTIVATIONS, INITIALIZERS);

    /** The values of {@code DEEPGRID_KERNEL} (not a file's name: the environment's), for datasets and the README. */
    public static final Family<Kernel.Choice> KERNELS = kernels();

    /** Every family of the experiment file, for "did you mean" tests and the schema. */
    public static final List<Family<?>> FILE_FAMILIES = List.of(ACTIVATIONS, INITIALIZERS, LOSSES, OPTIMIZERS,
            SCHEDULES, NORMALIZATIONS, METRICS, SOURCES, LAYERS);

    private static Family<EarlyStopping.Metric> metrics() {
        Family<EarlyStopping.Metric> f = new Family<>("metric", Family.Form.NAME);
        for (EarlyStopping.Metric m : EarlyStopping.Metric.values()) {
            f.add(m.yamlName(), EarlyStopping.Metric.class, m.description(), () -> m);
        }
        return f;
    }

    private static Family<Kernel.Choice> kernels() {
        Family<Kernel.Choice> f = new Family<>("kernel", Family.Form.NAME);
        Arrays.stream(Kernel.Choice.values()).forEach(k -> f.add(k.settingName(), Kernel.class, k.description(), () -> k));
        return f;
    }
}
