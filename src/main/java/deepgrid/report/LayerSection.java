package deepgrid.report;

import deepgrid.report.html.Chart;
import deepgrid.report.html.Html;
import deepgrid.report.html.Palette;
import deepgrid.report.html.Scale;
import deepgrid.report.html.Series;
import java.util.List;
import java.util.Optional;

/**
 * Inside the network, from layers.csv: for each grid point, its first completed run by
 * seed (any run with layers.csv when none completed), as small multiples over the epochs,
 * one line per layer coloured from the first layer (dark) to the last (light): gradient
 * norm and update/weight ratio on log scales (they span orders of magnitude: a first layer
 * far below the last is a vanishing gradient), the spread of each activation layer's
 * outputs, and the fraction of saturated (sigmoid, tanh) or dead (ReLU-like) units. Each
 * point is a collapsible block, open when the grid is small.
 */
final class LayerSection {
    /** Up to this many grid points, every block starts open; beyond, only the first. */
    private static final int OPEN_ALL = 4;

    /** One small-multiple chart: the layers.csv column, its title and its scale. */
    private record Panel(String column, String title, Scale scale) {
    }

    private static final List<Panel> PANELS = List.of(
            new Panel("gradient_norm", "gradient norm (log)", Scale.LOG),
            new Panel("update_ratio", "update / weight ratio (log)", Scale.LOG),
            new Panel("activation_std", "activation std", Scale.LINEAR),
            new Panel("saturated_fraction", "saturated fraction", Scale.LINEAR),
            new Panel("dead_fraction", "dead fraction", Scale.LINEAR));

    private LayerSection() {
    }

    static void render(Html out, PageData data, RunFiles files) {
        out.open("section", "id", "layers").newline();
        out.element("h2", "Inside the network").newline();
        out.element("p", "Per layer and epoch, from one run per grid point (layers.csv). Gradient norm: mean L2 norm"
                + " of a layer's parameter gradients over up to 20 evenly spaced batches of the epoch. Update ratio: how far one"
                + " step moves the weights relative to their size, averaged over the same batches (about 1e-3 is healthy). Activation std: the spread of a layer's"
                + " outputs on a fixed probe batch. Saturated: sigmoid/tanh outputs in a flat tail; dead: units"
                + " that output 0 for every probe sample.", "class", "note").newline();
        for (int i = 0; i < data.points().size(); i++) {
            point(out, data, i, files);
        }
        out.close("section").newline();
    }

    private static void point(Html out, PageData data, int i, RunFiles files) {
        GridPoint p = data.points().get(i);
        Optional<RunRow> run = ChosenRun.with(p, "layers.csv");
        LayerRows layers = run.map(r -> LayerRows.of(files.read(r, "layers.csv"))).orElse(new LayerRows(List.of()));
        boolean open = i == 0 || data.points().size() <= OPEN_ALL;
        out.open("details", open ? new String[] {"open", "open"} : new String[0]);
        out.open("summary").raw(SummarySection.swatch(data.color(i))).text(" " + p.label());
        run.ifPresent(r -> out.element("span", ChosenRun.describe(r), "class", "run"));
        out.close("summary").newline();
        if (layers.isEmpty()) {
            out.element("p", "No layers.csv in this point's runs.", "class", "note").newline();
        } else {
            out.element("p", LayerFindings.describe(layers), "class", "findings").newline();
            charts(out, layers);
        }
        out.close("details").newline();
    }

    private static void charts(Html out, LayerRows layers) {
        out.open("div", "class", "charts small").newline();
        for (Panel panel : PANELS) {
            List<LayerRows.Layer> shown = shown(layers, panel.column());
            if (shown.isEmpty()) {
                continue;
            }
            Chart chart = new Chart(panel.title(), "epoch", panel.scale());
            if (panel.column().endsWith("fraction")) {
                chart.yDomain(0, 1);
            }
            for (LayerRows.Layer layer : shown) {
                int position = layers.layers().indexOf(layer);
                chart.add(Series.line(layer.label(), Palette.ramp(position, layers.layers().size()),
                        layer.epochs(), layer.column(panel.column())));
            }
            if (!chart.isEmpty()) {
                out.open("figure").raw(chart.svg()).close("figure").newline();
            }
        }
        out.close("div").newline();
    }

    /**
     * The layers a panel shows: those with a value in its column, except that the
     * activation std is shown for activation layers only (when there are any) and dead
     * units for layers that do not saturate (a sigmoid's output is never exactly 0).
     */
    private static List<LayerRows.Layer> shown(LayerRows layers, String column) {
        List<LayerRows.Layer> activations = layers.with("dead_fraction");
        return switch (column) {
            case "activation_std" -> activations.isEmpty() ? layers.with(column) : activations;
            case "dead_fraction" -> activations.stream().filter(l -> !l.has("saturated_fraction")).toList();
            default -> layers.with(column);
        };
    }
}
