package deepgrid.run.results;

import deepgrid.math.Kernel;
import deepgrid.math.KernelInfo;
import deepgrid.run.RunResult;
import deepgrid.train.BoundaryMap;
import deepgrid.train.BoundaryPoints;
import deepgrid.train.ConfusionMatrix;
import deepgrid.train.EpochMetrics;
import deepgrid.train.HealthEvent;
import deepgrid.train.Histogram;
import deepgrid.train.LayerMetrics;
import deepgrid.train.SplitMetrics;
import java.math.BigDecimal;
import java.math.MathContext;
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
    /**
     * The bookkeeping of a search's run, after the grid columns (then its parameters, one
     * column each): the search folder, the trial, and its phase.
     */
    public static final List<String> SEARCH = List.of("search", "trial", "phase");

    /** metrics.csv. */
    public static final List<String> METRICS = List.of("epoch", "train_loss", "train_accuracy", "val_loss",
            "val_accuracy", "test_loss", "test_accuracy", "penalty", "lr", "seconds", "eval_seconds");

    /** layers.csv. */
    public static final List<String> LAYERS = List.of("epoch", "layer", "kind", "activation_mean", "activation_std",
            "saturated_fraction", "dead_fraction", "gradient_norm", "update_ratio");

    // The diagnostics files (issue 11). Classes are indices into classes.csv.
    /** histograms.csv; an empty bin edge is unbounded (the overflow and underflow bins). */
    public static final List<String> HISTOGRAMS = List.of("epoch", "layer", "kind", "bin_low", "bin_high", "count");
    /** boundary.csv. */
    public static final List<String> BOUNDARY = List.of("epoch", "x1", "x2", "class", "probability");
    /** boundary-points.csv. */
    public static final List<String> BOUNDARY_POINTS = List.of("x1", "x2", "class");
    /** confusion.csv. */
    public static final List<String> CONFUSION = List.of("split", "actual", "predicted", "count");
    /** mistakes.csv before the sample's inputs x1 … xN. */
    public static final List<String> MISTAKES = List.of("rank", "split", "sample", "actual", "predicted", "probability");
    /** events.csv. */
    public static final List<String> EVENTS = List.of("epoch", "layer", "kind", "event", "value", "threshold");
    /** classes.csv. */
    public static final List<String> CLASSES = List.of("class", "name");

    private static final MathContext SIX_DIGITS = new MathContext(6);

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
        if (r.run().trial() != null) {
            var t = r.run().trial();
            row.put("search", t.search());
            row.put("trial", Integer.toString(t.trial()));
            row.put("phase", t.phase());
            row.putAll(t.params());
        }
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

    /** The histograms.csv rows of one histogram, one per bin. */
    public static List<List<String>> histogramRows(Histogram h) {
        List<List<String>> rows = new ArrayList<>();
        long[] counts = h.counts();
        for (int i = 0; i < counts.length; i++) {
            var bin = h.bins().get(i);
            rows.add(List.of(Integer.toString(h.epoch()), Integer.toString(h.layer()), h.kind(), edge(bin.low()),
                    edge(bin.high()), Long.toString(counts[i])));
        }
        return rows;
    }

    /** The boundary.csv rows of one map, row by row of the grid. */
    public static List<List<String>> boundaryRows(BoundaryMap m) {
        double[] x1 = m.x1();
        double[] x2 = m.x2();
        int[] predicted = m.predicted();
        double[] p = m.probability();
        String epoch = Integer.toString(m.epoch());
        String[] x1s = new String[x1.length]; // each coordinate formatted once, not once per cell
        for (int i = 0; i < x1.length; i++) {
            x1s[i] = six(x1[i]);
        }
        List<List<String>> rows = new ArrayList<>(predicted.length);
        for (int j = 0; j < x2.length; j++) {
            String x2s = six(x2[j]);
            for (int i = 0; i < x1.length; i++) {
                int k = j * x1.length + i;
                rows.add(List.of(epoch, x1s[i], x2s, Integer.toString(predicted[k]), six(p[k])));
            }
        }
        return rows;
    }

    /** The boundary-points.csv rows. */
    public static List<List<String>> boundaryPointRows(BoundaryPoints points) {
        double[] x1 = points.x1();
        double[] x2 = points.x2();
        int[] label = points.label();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < label.length; i++) {
            rows.add(List.of(six(x1[i]), six(x2[i]), Integer.toString(label[i])));
        }
        return rows;
    }

    /** The confusion.csv rows: every (actual, predicted) pair, zeros included. */
    public static List<List<String>> confusionRows(ConfusionMatrix m) {
        long[][] c = m.counts();
        List<List<String>> rows = new ArrayList<>();
        for (int t = 0; t < c.length; t++) {
            for (int p = 0; p < c[t].length; p++) {
                rows.add(List.of(m.split(), Integer.toString(t), Integer.toString(p), Long.toString(c[t][p])));
            }
        }
        return rows;
    }

    /** The mistakes.csv header for samples of {@code features} inputs. */
    public static List<String> mistakesHeader(int features) {
        List<String> h = new ArrayList<>(MISTAKES);
        for (int j = 1; j <= features; j++) {
            h.add("x" + j);
        }
        return h;
    }

    /** The mistakes.csv rows, most confident first. */
    public static List<List<String>> mistakeRows(ConfusionMatrix m) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < m.mistakes().size(); r++) {
            var w = m.mistakes().get(r);
            List<String> row = new ArrayList<>(List.of(Integer.toString(r + 1), m.split(), Integer.toString(w.sample()),
                    Integer.toString(w.actual()), Integer.toString(w.predicted()), six(w.probability())));
            for (double v : w.x()) {
                row.add(six(v));
            }
            rows.add(row);
        }
        return rows;
    }

    /** One events.csv row. */
    public static List<String> eventRow(HealthEvent e) {
        return List.of(Integer.toString(e.epoch()), e.layer() == 0 ? "" : Integer.toString(e.layer()), e.kind(),
                e.type().csvName(), Csv.num(e.value()), Csv.num(e.threshold()));
    }

    /** The classes.csv rows: index and name of each class. */
    public static List<List<String>> classRows(List<String> names) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(List.of(Integer.toString(i), names.get(i)));
        }
        return rows;
    }

    /** A bin edge: empty when unbounded. */
    private static String edge(double v) {
        return Double.isInfinite(v) ? "" : Csv.num(v);
    }

    /** A value rounded to 6 significant digits (grid coordinates and probabilities need no more); NaN as empty. */
    static String six(double v) {
        return Csv.num(sixDigits(v));
    }

    /** {@code v} rounded to six significant digits, half away from zero, as BigDecimal rounds its exact value. */
    static double sixDigits(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        double a = Math.abs(v);
        int k = 5 - (int) Math.floor(Math.log10(a)); // a · 10^k has six digits before the point
        if (k >= -22 && k <= 22) {
            double scaled = k >= 0 ? a * POW10[k] : a / POW10[-k]; // one rounding: exact powers of ten up to 1e22
            double floor = Math.floor(scaled);
            double frac = scaled - floor;
            // fast path unless the digit count is off (log10 near a power of ten) or a tie is too close to call
            if (floor >= 1e5 && floor < 1e6 && Math.abs(frac - 0.5) > 1e-6) {
                double rounded = frac > 0.5 ? floor + 1 : floor;
                double r = k >= 0 ? rounded / POW10[k] : rounded * POW10[-k]; // correctly rounded, as doubleValue()
                return v < 0 ? -r : r;
            }
        }
        return new BigDecimal(v).round(SIX_DIGITS).doubleValue();
    }

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10; // exact up to 1e22
        }
    }
}
