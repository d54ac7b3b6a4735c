package deepgrid.config;

import deepgrid.data.DataSpec;
import deepgrid.data.Splits;
import deepgrid.math.Range;
import deepgrid.nn.optimizers.GradientClipping;
import deepgrid.nn.Penalty;
import deepgrid.train.BatchSize;
import deepgrid.train.EarlyStopping;
import deepgrid.train.TrainingSpec;
import java.util.List;

/**
 * The keys of the experiment file around the catalogue's names: the top level, {@code data},
 * {@code model}, {@code training}, {@code regularization} (SPEC §1). The binders read every key
 * through these options, and the JSON Schema is written from them, so both agree.
 */
public final class Sections {
    private Sections() {
    }

    static final Option SOURCE = Option.choice("source", Catalog.SOURCES, null, "where the data comes from; its"
            + " options sit beside it");
    static final Option VALIDATION = Option.number("validation", DataSpec.DEFAULT_VALIDATION, Splits.FRACTION,
            "fraction of the training split held out for validation");
    static final Option NORMALIZE = Option.choice("normalize", Catalog.NORMALIZATIONS, "none",
            "input scaling, fitted on the training split only");
    static final Option LIMIT = Option.integer("limit", null, Range.atLeast(1),
            "use a random subset of at most this many training samples").offUnlessGiven();
    static final Option DATA_SEED = Option.integer("seed", null, Seeds.SEED,
            "fixes the data split (default: the experiment's seed)").offUnlessGiven();
    /** The keys every data source takes beside its own. */
    public static final List<Option> DATA = List.of(SOURCE, VALIDATION, NORMALIZE, LIMIT, DATA_SEED);

    static final Option INIT = Option.choice("init", Catalog.INITIALIZERS, "xavier_uniform",
            "default weight initializer of every dense/maxout layer (Keras')");
    static final Option BIAS_INIT = Option.choice("bias_init", Catalog.INITIALIZERS, "zeros",
            "default bias initializer");
    static final Option LAYERS = Option.of("layers", new Option.Value.Items(Catalog.LAYERS), null,
            "the layers in order; the last one's width must match the data and the loss");
    static final List<Option> MODEL = List.of(INIT, BIAS_INIT, LAYERS);

    static final Option METRIC = Option.choice("metric", Catalog.METRICS, EarlyStopping.DEFAULT_METRIC.yamlName(),
            "the metric watched");
    static final Option PATIENCE = Option.integer("patience", EarlyStopping.DEFAULT_PATIENCE, EarlyStopping.PATIENCE,
            "epochs without improvement before stopping");
    static final Option MIN_DELTA = Option.number("min_delta", EarlyStopping.DEFAULT_MIN_DELTA, EarlyStopping.MIN_DELTA,
            "the smallest change that counts as an improvement");

    static final Option EPOCHS = Option.integer("epochs", TrainingSpec.DEFAULT_EPOCHS, TrainingSpec.EPOCHS,
            "passes over the training split");
    static final Option BATCH_SIZE = Option.of("batch_size", new Option.Value.IntOrWord(BatchSize.Fixed.SIZE, "full"),
            TrainingSpec.DEFAULT_BATCH_SIZE, "samples per step: an integer (1: stochastic GD) or full (full-batch GD)");
    static final Option SHUFFLE = Option.bool("shuffle", true, "a fresh random order every epoch");
    static final Option CLIP_GRAD_NORM = Option.number("clip_grad_norm", null, GradientClipping.MAX_NORM,
            "rescale all gradients together when their L2 norm exceeds this (PyTorch clip_grad_norm_)")
            .offUnlessGiven();
    static final Option EARLY_STOPPING = Option.section("early_stopping", List.of(METRIC, PATIENCE, MIN_DELTA),
            "{metric, patience, min_delta}: stop when the metric has not improved by more than min_delta for"
                    + " patience epochs (weights are not restored)").offUnlessGiven();
    static final List<Option> TRAINING = List.of(EPOCHS, BATCH_SIZE, SHUFFLE, CLIP_GRAD_NORM, EARLY_STOPPING);

    static final Option L1 = Option.number("l1", 0.0, Penalty.STRENGTH, "adds l1·Σ|W| to the objective");
    static final Option L2 = Option.number("l2", 0.0, Penalty.STRENGTH, "adds ½·l2·ΣW² to the objective");
    static final List<Option> REGULARIZATION = List.of(L1, L2);

    /** The optimizer's learning-rate schedule, written inside the optimizer map. */
    static final Option SCHEDULE = Option.choice("schedule", Catalog.SCHEDULES, "constant",
            "how the learning rate changes from epoch to epoch");
    /** The optimizer of a file that names none (with its own default lr, 0.01). */
    static final String DEFAULT_OPTIMIZER = "sgd";

    /** The keys of an experiment file, with what each holds. */
    public static final List<Option> TOP = List.of(
            Option.text("name", "", "results go to results/<name>/ (default: the file name without .yaml)")
                    .matching(ExperimentSpec.NAME.pattern()).offUnlessGiven(),
            Option.text("description", "", "free text"),
            Option.integer("seed", 0, Seeds.SEED, "every random draw derives from it: weights, shuffling, dropout"),
            Option.integer("repeats", 1, Seeds.REPEATS, "runs per grid point, with seeds seed, seed+1, ..."),
            Option.of("data", new Option.Value.Section(DATA), null, "the data set and how it is prepared"),
            Option.of("model", new Option.Value.Section(MODEL), null, "layers and initializers"),
            Option.choice("loss", Catalog.LOSSES, null, "the loss, fused with its output activation"),
            Option.of("optimizer", new Option.Value.Choice(Catalog.OPTIMIZERS), DEFAULT_OPTIMIZER,
                    "a name or {type: NAME, options...}; without type, sgd; schedule: inside it"),
            Option.section("regularization", REGULARIZATION, "weight penalties (weights only, not biases)"),
            Option.section("training", TRAINING, "epochs, batches, stopping"),
            Option.of("grid", new Option.Value.GridPaths(), null, "path → list of values; runs are the cartesian"
                    + " product").offUnlessGiven(),
            Option.of("variants", new Option.Value.Variants(), null, "named partial files, deep-merged into the file"
                    + " and crossed with the grid").offUnlessGiven(),
            Blocks.DIAGNOSTICS, Blocks.SEARCH, Blocks.LAUNCHER);

    /** The top-level option named {@code key}. */
    static Option top(String key) {
        return TOP.stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
    }
}
