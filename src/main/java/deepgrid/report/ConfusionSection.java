package deepgrid.report;

import deepgrid.DeepgridException;
import deepgrid.config.Node;
import deepgrid.config.YamlReader;
import deepgrid.report.html.Fmt;
import deepgrid.report.html.Html;
import deepgrid.report.html.Png;
import deepgrid.run.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each grid point's classifier goes wrong, from confusion.csv: the matrix of actual
 * (rows) against predicted (columns) classes, summed over the point's completed runs, each
 * cell shaded by its share of its row; and, for image data (a square number of inputs), a
 * strip of the first run's most confidently wrong images (mistakes.csv) as inline PNGs: for
 * image sources (mnist, fashion-mnist, idx) whose inputs make a square picture.
 */
final class ConfusionSection {
    /** The smallest image side drawn as a picture (8×8 = 64 inputs). */
    private static final int MIN_SIDE = 8;
    private static final int THUMB = 56;
    private static final java.util.Set<String> IMAGE_SOURCES = java.util.Set.of("mnist", "fashion-mnist", "idx");

    private ConfusionSection() {
    }

    static void render(Html out, PageData data, RunFiles files) {
        List<Integer> shown = ChosenRun.pointsWith(data, "confusion.csv");
        if (shown.isEmpty()) {
            return;
        }
        out.open("section", "id", "confusion").newline();
        out.element("h2", "Confusion matrices").newline();
        out.element("p", "The final network's predictions on the test split (validation, then train, when there is"
                + " none), summed over each grid point's completed runs (confusion.csv): rows are the actual class,"
                + " columns the predicted one; the shade is the cell's share of its row, so a dark diagonal is a good"
                + " classifier.", "class", "note").newline();
        out.open("div", "class", "charts").newline();
        for (int i : shown) {
            point(out, data, i, files);
        }
        out.close("div").newline().close("section").newline();
    }

    private static void point(Html out, PageData data, int i, RunFiles files) {
        GridPoint p = data.points().get(i);
        RunRow first = ChosenRun.with(p, "confusion.csv").orElseThrow();
        List<String> names = ClassNames.of(files.read(first, "classes.csv"));
        long[][] sum = new long[0][0];
        int runs = 0;
        String split = "";
        for (RunRow r : p.runs()) {
            if (r.status() != Status.COMPLETED && r != first) {
                continue;
            }
            List<Map<String, String>> rows = files.read(r, "confusion.csv");
            if (!rows.isEmpty()) {
                sum = add(sum, rows);
                split = rows.get(0).getOrDefault("split", "");
                runs++;
            }
        }
        out.open("figure").newline();
        out.open("figcaption").raw(SummarySection.swatch(data.color(i))).text(" " + p.label() + " — " + split + " split, "
                + runs + " run" + (runs == 1 ? "" : "s")).close("figcaption").newline();
        matrix(out, sum, names);
        if (images(files, first)) {
            mistakes(out, files.read(first, "mistakes.csv"), names);
        }
        out.close("figure").newline();
    }

    private static long[][] add(long[][] sum, List<Map<String, String>> rows) {
        int k = sum.length;
        for (Map<String, String> r : rows) {
            k = Math.max(k, 1 + (int) Math.max(RunFiles.number(r, "actual"), RunFiles.number(r, "predicted")));
        }
        long[][] out = new long[k][k];
        for (int a = 0; a < sum.length; a++) {
            System.arraycopy(sum[a], 0, out[a], 0, sum[a].length);
        }
        for (Map<String, String> r : rows) {
            double a = RunFiles.number(r, "actual");
            double b = RunFiles.number(r, "predicted");
            double c = RunFiles.number(r, "count");
            if (a >= 0 && b >= 0 && Double.isFinite(c)) {
                out[(int) a][(int) b] += (long) c;
            }
        }
        return out;
    }

    private static void matrix(Html out, long[][] m, List<String> names) {
        out.open("table", "class", "confusion").newline().open("tr").element("th", "actual \\ predicted");
        for (int b = 0; b < m.length; b++) {
            out.element("th", ClassNames.name(names, b));
        }
        out.element("th", "recall").close("tr").newline();
        for (int a = 0; a < m.length; a++) {
            long total = java.util.Arrays.stream(m[a]).sum();
            out.open("tr").element("th", ClassNames.name(names, a));
            for (int b = 0; b < m.length; b++) {
                double share = total == 0 ? 0 : (double) m[a][b] / total;
                String color = shade(share);
                out.element("td", Long.toString(m[a][b]), "class", "num", "style", "background:" + color
                        + (share > 0.55 ? ";color:#fff" : ""), "title", Fmt.sig(100 * share, 3) + "% of "
                        + ClassNames.name(names, a));
            }
            out.element("td", total == 0 ? "–" : Fmt.sig((double) m[a][a] / total, 3), "class", "num").close("tr")
                    .newline();
        }
        out.close("table").newline();
    }

    /** White to deep blue with the share of the row. */
    private static String shade(double share) {
        int r = (int) Math.round(255 - share * (255 - 0x1f));
        int g = (int) Math.round(255 - share * (255 - 0x4e));
        int b = (int) Math.round(255 - share * (255 - 0x9a));
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /** Whether the run's data are images (its config.yaml's data.source is mnist, fashion-mnist or idx). */
    private static boolean images(RunFiles files, RunRow run) {
        return files.text(run, "config.yaml").map(text -> {
            try {
                Node root = YamlReader.parse("config.yaml", text.getBytes(StandardCharsets.UTF_8));
                return root instanceof Node.MapNode m && m.get("data") instanceof Node.MapNode d
                        && d.get("source") instanceof Node.Scalar s && IMAGE_SOURCES.contains(s.text());
            } catch (DeepgridException e) {
                return false;
            }
        }).orElse(false);
    }

    /** The most confidently wrong samples as pictures, when the inputs are a square image. */
    private static void mistakes(Html out, List<Map<String, String>> rows, List<String> names) {
        if (rows.isEmpty()) {
            return;
        }
        int features = (int) rows.get(0).keySet().stream().filter(c -> c.matches("x[0-9]+")).count();
        int side = (int) Math.round(Math.sqrt(features));
        if (side * side != features || side < MIN_SIDE) {
            return;
        }
        out.element("p", "Most confidently wrong (mistakes.csv, first run): actual → predicted, probability",
                "class", "note").newline();
        out.open("div", "class", "strip").newline();
        for (Map<String, String> r : rows) {
            image(r, side).ifPresent(uri -> {
                String caption = ClassNames.name(names, (int) RunFiles.number(r, "actual")) + " → "
                        + ClassNames.name(names, (int) RunFiles.number(r, "predicted")) + " "
                        + Fmt.sig(RunFiles.number(r, "probability"), 2);
                out.open("figure", "class", "thumb").empty("img", "src", uri, "width", Integer.toString(THUMB),
                        "height", Integer.toString(THUMB), "alt", caption).element("figcaption", caption)
                        .close("figure").newline();
            });
        }
        out.close("div").newline();
    }

    /** One sample's inputs as a grey image, scaled from its own minimum (white) to maximum (black). */
    private static Optional<String> image(Map<String, String> row, int side) {
        double[] v = new double[side * side];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < v.length; j++) {
            v[j] = RunFiles.number(row, "x" + (j + 1));
            if (!Double.isFinite(v[j])) {
                return Optional.empty();
            }
            lo = Math.min(lo, v[j]);
            hi = Math.max(hi, v[j]);
        }
        Png png = new Png(side, side);
        for (int j = 0; j < v.length; j++) {
            int g = hi > lo ? (int) Math.round(255 * (1 - (v[j] - lo) / (hi - lo))) : 255;
            png.set(j % side, j / side, g << 16 | g << 8 | g);
        }
        return Optional.of(png.dataUri());
    }
}
