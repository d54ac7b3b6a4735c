package deepgrid.config;

import deepgrid.math.Range;
import deepgrid.train.DiagnosticsSpec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The blocks of the experiment file beside the experiment itself — {@code diagnostics}
 * (what a run records), {@code search} (a hyperparameter search) and {@code launcher} (Slurm)
 * — as the catalogue lists them for the README's top-level table and the JSON Schema. Their
 * binders (DiagnosticsBinder, the search's SearchBinder, the cluster's SlurmSettings) read the
 * file; {@code BlocksTest} binds each block with nothing written and checks that the defaults
 * here are the ones the binder resolves.
 */
final class Blocks {
    private Blocks() {
    }

    /** {@code epochs: [0, 10, last]}. */
    private static final Option.Value EPOCHS = new Option.Value.ListOf(new Option.Value.AnyOf(List.of(
            new Option.Value.Int(Range.atLeast(0)), new Option.Value.Words(List.of("last")))), 1);

    private static Option part(String key, List<Option> options, String description) {
        return Option.of(key, new Option.Value.Switch(options), true, description);
    }

    static final Option DIAGNOSTICS = Option.of("diagnostics", new Option.Value.Switch(List.of(
            Option.integer("probe", DiagnosticsSpec.PROBE, DiagnosticsBinder.PROBE,
                    "training samples (the first ones) that layers.csv and histograms.csv describe"),
            Option.bool("layers", true, "layers.csv: per-layer statistics every epoch"),
            part("histograms", List.of(
                    Option.of("epochs", EPOCHS, null, "epoch numbers, and last (default [0, last])").offUnlessGiven(),
                    Option.integer("bins", 30, DiagnosticsBinder.BINS, "regular bins per activation")),
                    "histograms.csv: true, false or {epochs, bins}"),
            part("boundary", List.of(
                    Option.of("epochs", EPOCHS, null, "epoch numbers, and last (default 0, ¼, ½, ¾ of training.epochs"
                            + " and last)").offUnlessGiven(),
                    Option.integer("resolution", 100, DiagnosticsBinder.RESOLUTION, "cells per side of the map")),
                    "boundary.csv, for data with two inputs and classes: true, false or {epochs, resolution}"),
            part("confusion", List.of(Option.integer("mistakes", 10, DiagnosticsBinder.MISTAKES,
                    "most confidently wrong samples kept (0: none)")),
                    "confusion.csv and mistakes.csv: true, false or {mistakes}"),
            part("events", List.of(
                    Option.number("vanishing", 1e-3, DiagnosticsBinder.FRACTION,
                            "first layer's gradient norm below this × the last layer's"),
                    Option.number("exploding", 1e3, Range.above(1), "first layer's gradient norm above this × the last"
                            + " layer's"),
                    Option.number("dead", 0.5, DiagnosticsBinder.FRACTION, "more than this fraction of a layer's units"
                            + " dead"),
                    Option.number("saturated", 0.5, DiagnosticsBinder.FRACTION, "more than this fraction of a"
                            + " sigmoid/tanh layer's outputs saturated"),
                    Option.number("update_ratio_high", 1.0, Range.above(0), "a step changes a layer's weights by more"
                            + " than this × their size"),
                    Option.number("update_ratio_low", 1e-6, Range.above(0), "even the fastest layer changes by less"
                            + " than this × its weights per step"),
                    Option.integer("stuck_epochs", null, Range.atLeast(1), "epochs without progress (default: a fifth"
                            + " of training.epochs, at least 3)").offUnlessGiven(),
                    Option.number("diverging", 10.0, Range.above(1), "train loss above this × epoch 0's")),
                    "events.csv and a stderr line per event: true, false or the thresholds"))),
            java.util.Map.of(), "what each run records besides metrics.csv: true, false or a map of outputs"
                    + "; see Diagnostics in the README");

    private static Option.Value typed(String type, List<Option> options) {
        List<Option> all = new java.util.ArrayList<>();
        all.add(Option.of("type", new Option.Value.Words(List.of(type)), null, "the pruner"));
        all.addAll(options);
        return new Option.Value.Section(all);
    }

    static final Option SEARCH = Option.of("search", new Option.Value.Section(List.of(
            Option.of("objective", new Option.Value.AnyOf(List.of(new Option.Value.Text(null),
                    new Option.Value.Section(List.of(
                            Option.text("metric", "val_loss", "a metrics.csv column: val_loss, val_accuracy, train_loss,"
                                    + " train_accuracy (test_* only with allow_test_objective)"),
                            Option.of("goal", new Option.Value.Words(List.of("minimize", "maximize")), null,
                                    "default: losses minimize, accuracies maximize").offUnlessGiven(),
                            Option.of("epoch", new Option.Value.Words(List.of("best", "last")), "best",
                                    "best: the best value over epochs 1…; last: the last epoch's"))))),
                    "val_loss", "the metric to optimise: a name or {metric, goal, epoch}"),
            Option.integer("trials", 20, Range.atLeast(1), "the budget: trials in all, enqueued ones included"),
            Option.of("sampler", new Option.Value.Words(List.of("tpe", "random", "qmc", "grid")), "tpe",
                    "tpe (Optuna's TPE), random, qmc (Sobol) or grid"),
            Option.integer("seed", null, Seeds.SEED, "the proposals' seed (default: the file's seed)").offUnlessGiven(),
            Option.integer("startup", 10, Range.atLeast(0), "TPE draws at random until this many trials have ended"),
            Option.integer("window", 4, Range.atLeast(1), "proposals in flight at most"),
            Option.of("space", new Option.Value.Paths(new Option.Value.Free("{float: [low, high]}, {int: [low, high]}"
                    + " (log, step), {choice: [...]} or a list")), null, "path → range, choice or list"),
            Option.of("enqueue", new Option.Value.ListOf(new Option.Value.Paths(new Option.Value.Free("a value")), 0),
                    null, "trials run first, in order; each fixes some parameters").offUnlessGiven(),
            Option.of("pruner", new Option.Value.AnyOf(List.of(new Option.Value.Words(List.of("none")),
                    typed("median", List.of(Option.integer("startup", 5, Range.atLeast(0), "completed reference trials"
                            + " before pruning"), Option.integer("warmup_epochs", 0, Range.atLeast(0),
                                    "epochs before pruning"))),
                    typed("asha", List.of(Option.integer("min_epochs", 1, Range.atLeast(1), "the first rung"),
                            Option.integer("reduction", 3, Range.atLeast(2), "keep the best 1/reduction at a rung"))))),
                    "none", "none, {type: median, startup, warmup_epochs} or {type: asha, min_epochs, reduction}"),
            Option.integer("repeats", 1, Range.atLeast(1), "seeds per trial; its objective is their mean"),
            Option.of("confirm", new Option.Value.AnyOf(List.of(new Option.Value.Words(List.of("none")),
                    new Option.Value.Section(List.of(
                            Option.integer("top", 3, Range.atLeast(1), "best trials re-run"),
                            Option.integer("repeats", 5, Range.atLeast(2), "fresh seeds each"))))),
                    java.util.Map.of(), "re-run the best trials on fresh seeds after the budget: {top, repeats} or none"),
            Option.bool("allow_test_objective", false, "allow a test_* objective (an optimistic score)"))),
            null, "a hyperparameter search (Optuna-style: space, sampler, pruner, confirmation)").offUnlessGiven();

    static final Option LAUNCHER = Option.of("launcher", new Option.Value.Section(List.of(
            Option.of("partition", new Option.Value.Token(Pattern.compile("[A-Za-z0-9_.,-]+")), null,
                    "--partition (default: the cluster's)").offUnlessGiven(),
            Option.of("time", new Option.Value.Token(Pattern.compile(
                    "\\d+(:\\d{1,2}){0,2}|\\d+-\\d{1,2}(:\\d{1,2}){0,2}|(?i:unlimited|infinite)")), null,
                    "--time per array task: 90 (minutes), 1:30:00 or 2-00:00:00 (default: the partition's)")
                    .offUnlessGiven(),
            Option.of("memory", new Option.Value.Token(Pattern.compile("\\d+[KMGT]?", Pattern.CASE_INSENSITIVE)), null,
                    "--mem per array task: 4000 (MB), 4G or 512M").offUnlessGiven(),
            Option.integer("cpus_per_task", 1, Range.atLeast(1), "--cpus-per-task; a task trains that many runs at"
                    + " once"),
            Option.integer("parallel", 256, Range.atLeast(1), "at most this many array tasks at once"),
            Option.integer("runs_per_task", 1, Range.atLeast(1), "runs per array task, one after another"),
            Option.of("sbatch", new Option.Value.AnyOf(List.of(new Option.Value.Text(null),
                    new Option.Value.ListOf(new Option.Value.Text(null), 0))), null,
                    "any other sbatch option, e.g. [--account=proj42]").offUnlessGiven())),
            null, "how run --launcher slurm submits the runs as Slurm job arrays").offUnlessGiven();
}
