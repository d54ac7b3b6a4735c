package deepgrid.run.results;

import deepgrid.math.Kernel;
import deepgrid.math.KernelInfo;
import deepgrid.run.RunResult;
import deepgrid.train.EpochMetrics;
import deepgrid.train.LayerMetrics;
import deepgrid.train.SplitMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The columns of runs.csv and metrics.csv, in their fixed order, and how a result becomes a row. */
public final class Columns {
    /** runs.csv before the grid columns. */
    public static final List<String> RUN_HEAD = List.of("run", "status", "variant", "seed");
    /** runs.csv after the grid columns. */
    public static final List<String> RUN_TAIL = List.of("epochs", "train_loss", "train_accuracy", "val_loss",
            "val_accuracy", "test_loss", "test_accuracy", "penalty", "best_epoch", "best_val_loss",
            "best_val_accuracy", "best_test_accuracy", "seconds", "kernel", "blas", "threads", "reason");
    /** The runs.csv columns that hold a number or nothing (integers included). */
    public static final List<String> NUMERIC = List.of("epochs", "train_loss", "train_accuracy", "val_loss",
            "val_accuracy", "test_loss", "test_accuracy", "penalty", "best_epoch", "best_val_loss",
            "best_val_accuracy", "best_test_accuracy", "seconds", "threads");
    /** metrics.csv. */
    public static final List<String> METRICS = List.of("epoch", "train_loss", "train_accuracy", "val_loss",
            "val_accuracy", "test_loss", "test_accuracy", "penalty", "lr", "seconds", "eval_seconds");

    /** layers.csv. */
    public static final List<String> LAYERS = List.of("epoch", "layer", "kind", "activation_mean", "activation_std",
            "saturated_fraction", "dead_fraction", "gradient_norm", "update_ratio");

    private Columns() {
    }

    /** The runs.csv header for these grid paths. */
    public static List<String> runHeader(List<String> gridPaths) {
        List<String> h = new ArrayList<>(RUN_HEAD);
        h.addAll(gridPaths);
        h.addAll(RUN_TAIL);
        return h;
    }

    /** One runs.csv row as column → cell. */
    public static Map<String, String> runRow(RunResult r) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("run", r.run().id());
        row.put("status", r.status().csvName());
        row.put("variant", r.run().variant());
        row.put("seed", Long.toString(r.run().seed()));
        row.putAll(r.run().coordinates());
        EpochMetrics last = r.last();
        EpochMetrics best = r.best();
        row.put("epochs", Integer.toString(r.epochs()));
        putSplit(row, "train", last == null ? SplitMetrics.NONE : last.train());
        putSplit(row, "val", last == null ? SplitMetrics.NONE : last.validation());
        putSplit(row, "test", last == null ? SplitMetrics.NONE : last.test());
        row.put("penalty", last == null ? "" : Csv.num(last.penalty()));
        row.put("best_epoch", best == null ? "" : Integer.toString(best.epoch()));
        row.put("best_val_loss", best == null ? "" : Csv.num(best.validation().loss()));
        row.put("best_val_accuracy", best == null ? "" : Csv.num(best.validation().accuracy()));
        row.put("best_test_accuracy", best == null ? "" : Csv.num(best.test().accuracy()));
        row.put("seconds", Csv.fixed(r.seconds(), 3));
        // this process trained the run: say what computed it (empty if no kernel could be chosen)
        Optional<KernelInfo> kernel = Kernel.infoIfAvailable();
        row.put("kernel", kernel.map(KernelInfo::kernel).orElse(""));
        row.put("blas", kernel.map(KernelInfo::blas).orElse(""));
        row.put("threads", kernel.map(k -> Integer.toString(k.threads())).orElse(""));
        row.put("reason", r.reason() == null ? "" : r.reason());
        return row;
    }

    /** One metrics.csv row. */
    public static List<String> metricsRow(EpochMetrics m) {
        List<String> c = new ArrayList<>();
        c.add(Integer.toString(m.epoch()));
        for (SplitMetrics s : List.of(m.train(), m.validation(), m.test())) {
            c.add(Csv.num(s.loss()));
            c.add(Csv.num(s.accuracy()));
        }
        c.add(Csv.num(m.penalty()));
        c.add(Csv.num(m.lr()));
        c.add(Csv.fixed(m.timing().seconds(), 4));
        c.add(Csv.fixed(m.timing().evalSeconds(), 4));
        return c;
    }

    /** One layers.csv row. */
    public static List<String> layerRow(LayerMetrics r) {
        var a = r.activations();
        return List.of(Integer.toString(r.epoch()), Integer.toString(r.layer()), r.kind(), Csv.num(a.mean()),
                Csv.num(a.std()), Csv.num(a.saturated()), Csv.num(a.dead()), Csv.num(r.gradientNorm()),
                Csv.num(r.updateRatio()));
    }

    private static void putSplit(Map<String, String> row, String prefix, SplitMetrics s) {
        row.put(prefix + "_loss", Csv.num(s.loss()));
        row.put(prefix + "_accuracy", Csv.num(s.accuracy()));
    }
}
