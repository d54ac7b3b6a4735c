package deepgrid.report;

import deepgrid.report.html.Chart;
import deepgrid.report.html.Html;
import deepgrid.report.html.Mark;
import deepgrid.report.html.Scale;
import deepgrid.report.html.Series;
import deepgrid.report.html.Stroke;
import deepgrid.run.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Learning curves from every run's metrics.csv: one chart per split and metric (train,
 * validation, test × loss, accuracy), one line per grid point in its colour: the mean over
 * its completed runs, with a light band from the lowest to the highest run. A diverged run
 * is drawn alone, dashed, ending in a cross. A loss whose lines span more than three
 * orders of magnitude is drawn on a log axis. A split without values (no validation
 * split, no accuracy for a regression) has no chart.
 */
final class CurveSection {
    private static final List<String> SPLITS = List.of("train", "val", "test");
    private static final List<String> KINDS = List.of("loss", "accuracy");
    /** Loss lines spanning more orders of magnitude than this get a log axis. */
    private static final double LOG_BEYOND = 3;

    /** One grid point's per-epoch values: each completed run's, and each diverged run's. */
    private record PointRuns(List<EpochCurve.Run> completed, List<EpochCurve.Run> diverged) {
    }

    private CurveSection() {
    }

    static void render(Html out, PageData data, RunFiles files) {
        render(out, data, files, data.points().stream().map(p -> new PointEvents(List.of())).toList());
    }

    /** The curves, with each point's training-health events marked ▼ on its line at their first epoch. */
    static void render(Html out, PageData data, RunFiles files, List<PointEvents> events) {
        List<PointRuns> runs = data.points().stream().map(p -> read(p, files)).toList();
        out.open("section", "id", "curves").newline();
        out.element("h2", "Curves").newline();
        out.element("p", "Per epoch, from epoch 0 (before any update). Line: the mean over a grid point's completed"
                + " runs; band: from its lowest to its highest run. Where runs stopped early, later epochs average"
                + " the runs still going. Dashed line ending in ×: a run that diverged (not in the mean)."
                + " ▼: a training-health event (see below; hover for which).",
                "class", "note").newline();
        out.open("div", "class", "charts").newline();
        List<String> missing = new ArrayList<>();
        for (String split : SPLITS) {
            for (String kind : KINDS) {
                Chart chart = chart(data, runs, split + "_" + kind, events);
                if (chart.isEmpty()) {
                    missing.add(Headline.words(split + "_" + kind));
                } else {
                    out.open("figure").raw(chart.svg()).close("figure").newline();
                }
            }
        }
        out.close("div").newline();
        if (missing.size() == SPLITS.size() * KINDS.size()) {
            out.element("p", "No run folder has a metrics.csv with values.", "class", "note").newline();
        } else if (!missing.isEmpty()) {
            out.element("p", "No values, so no chart, for: " + String.join(", ", missing)
                    + " (no such split, or no accuracy for this loss).", "class", "note").newline();
        }
        out.close("section").newline();
    }

    /** Each run's metrics.csv, its numbers parsed once (a large folder has millions of cells). */
    private static PointRuns read(GridPoint point, RunFiles files) {
        List<String> columns = new ArrayList<>();
        SPLITS.forEach(split -> KINDS.forEach(kind -> columns.add(split + "_" + kind)));
        List<EpochCurve.Run> completed = new ArrayList<>();
        List<EpochCurve.Run> diverged = new ArrayList<>();
        for (RunRow run : point.runs()) {
            if (run.status() == Status.COMPLETED) {
                completed.add(EpochCurve.Run.of(files.read(run, "metrics.csv"), columns));
            } else if (run.status() == Status.DIVERGED) {
                diverged.add(EpochCurve.Run.of(files.read(run, "metrics.csv"), columns));
            }
        }
        return new PointRuns(completed, diverged);
    }

    private static Chart chart(PageData data, List<PointRuns> runs, String column, List<PointEvents> events) {
        List<Series> series = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String color = data.color(i);
            for (EpochCurve.Run run : runs.get(i).diverged()) {
                EpochCurve c = EpochCurve.single(run, column);
                series.add(Series.diverged(color, c.epochs(), c.mean()));
            }
            EpochCurve mean = EpochCurve.of(runs.get(i).completed(), column);
            if (!mean.isEmpty()) {
                Series line = Series.line(data.points().get(i).label(), color, mean.epochs(), mean.mean());
                series.add(mean.hasSpread() ? line.withBand(mean.low(), mean.high()) : line);
                marks.addAll(marks(mean, events.get(i), color, data.points().get(i)));
            }
        }
        Scale scale = column.endsWith("loss") && decades(series) > LOG_BEYOND ? Scale.LOG : Scale.LINEAR;
        Chart chart = new Chart(Headline.words(column) + (scale == Scale.LOG ? " (log)" : ""), "epoch", scale);
        series.forEach(chart::add);
        marks.forEach(chart::mark);
        return chart;
    }

    /** A mark on a point's mean line at the first epoch of each of its events. */
    private static List<Mark> marks(EpochCurve mean, PointEvents events, String color, GridPoint point) {
        List<Mark> marks = new ArrayList<>();
        double[] epochs = mean.epochs();
        double[] y = mean.mean();
        for (PointEvents.Event e : events.events()) {
            for (int k = 0; k < epochs.length; k++) {
                if (epochs[k] == e.firstEpoch()) {
                    marks.add(new Mark(epochs[k], y[k], color, point.label() + ", epoch " + e.firstEpoch() + ": "
                            + e.label() + " (" + e.runs() + " of " + point.runs().size() + " runs)"));
                }
            }
        }
        return marks;
    }

    /**
     * How many orders of magnitude the mean lines span (0 when they have no positive value).
     * A run can end "completed" with a loss of 1e40 (early stopping caught it before it
     * overflowed); on a linear axis every other line would be flat at 0.
     */
    private static double decades(List<Series> series) {
        double[] positive = series.stream().filter(s -> s.stroke() == Stroke.LINE)
                .flatMapToDouble(s -> Arrays.stream(s.y())).filter(v -> v > 0 && Double.isFinite(v)).toArray();
        if (positive.length == 0) {
            return 0;
        }
        return Math.log10(Arrays.stream(positive).max().getAsDouble() / Arrays.stream(positive).min().getAsDouble());
    }
}
