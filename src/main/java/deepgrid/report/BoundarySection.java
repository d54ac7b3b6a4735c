package deepgrid.report;

import deepgrid.DeepgridException;
import deepgrid.report.html.Fmt;
import deepgrid.report.html.Html;
import deepgrid.report.html.Png;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decision boundaries, as TensorFlow Playground draws them, from boundary.csv: for each grid
 * point (its first completed run), the map of predicted classes at each recorded epoch, the
 * colour the stronger the more probable the class, with the training points on top
 * (boundary-points.csv). Each map is an inline PNG inside an SVG: no scripts, nothing fetched.
 */
final class BoundarySection {
    private static final int SIZE = 180;
    /** Class colours: strong for points, blended with white for areas (Tableau's "deep" colours). */
    static final int[] CLASS_COLORS = {0x4c72b0, 0xdd8452, 0x55a868, 0xc44e52, 0x8172b3, 0x937860, 0xda8bc3,
        0x8c8c8c, 0xccb974, 0x64b5cd};

    /** One recorded map: its axes (cell centres) and the class and probability of each cell, row j·x1.length + i. */
    record Map2d(double[] x1, double[] x2, int[] classes, double[] probability) {
    }

    /** Parsed boundary files by path, size, time and file key; the last 64 (about 0.6 MB each at 100 × 100 × 5). */
    private static final Map<String, Map<Integer, Map2d>> PARSED = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Integer, Map2d>> eldest) {
            return size() > 64;
        }
    };

    private BoundarySection() {
    }

    static void render(Html out, PageData data, RunFiles files) {
        List<Integer> shown = ChosenRun.pointsWith(data, "boundary.csv");
        if (shown.isEmpty()) {
            return;
        }
        out.open("section", "id", "boundaries").newline();
        out.element("h2", "Decision boundaries").newline();
        out.element("p", "What the network predicts over the plane of its two inputs (boundary.csv), at the recorded"
                + " epochs, for each grid point's first completed run: the colour of the predicted class, stronger where"
                + " the network is surer; dots are training samples in their true class's colour. Coordinates are the"
                + " network's inputs (after data.normalize).", "class", "note").newline();
        for (int i : shown) {
            point(out, data, i, files);
        }
        out.close("section").newline();
    }

    private static void point(Html out, PageData data, int i, RunFiles files) {
        GridPoint p = data.points().get(i);
        RunRow run = ChosenRun.with(p, "boundary.csv").orElseThrow();
        Map<Integer, Map2d> maps = read(run, files);
        List<Map<String, String>> points = files.read(run, "boundary-points.csv");
        List<String> names = ClassNames.of(files.read(run, "classes.csv"));
        Map<Integer, Double> accuracy = new TreeMap<>();
        files.read(run, "metrics.csv").forEach(r -> accuracy.put((int) RunFiles.number(r, "epoch"),
                RunFiles.number(r, "train_accuracy")));
        out.open("h3").raw(SummarySection.swatch(data.color(i))).text(" " + p.label())
                .element("span", ChosenRun.describe(run), "class", "run").close("h3").newline();
        out.open("div", "class", "maps").newline();
        maps.forEach((epoch, map) -> {
            out.open("figure", "class", "map").raw(svg(map, points, "epoch " + epoch));
            double acc = accuracy.getOrDefault(epoch, Double.NaN);
            out.element("figcaption", "epoch " + epoch + (Double.isNaN(acc) ? "" : " · train accuracy " + Fmt.sig(acc, 3)));
            out.close("figure").newline();
        });
        out.close("div").newline();
        legend(out, names, maps.values().stream().flatMapToInt(m -> java.util.Arrays.stream(m.classes())).max()
                .orElse(0) + 1);
    }

    private static void legend(Html out, List<String> names, int seen) {
        int k = Math.max(names.size(), seen);
        out.open("p", "class", "legend");
        for (int c = 0; c < k; c++) {
            out.raw(SummarySection.swatch(hex(CLASS_COLORS[c % CLASS_COLORS.length])))
                    .text(" " + (c < names.size() ? names.get(c) : "class " + c) + "  ");
        }
        out.close("p").newline();
    }

    private static String svg(Map2d m, List<Map<String, String>> points, String label) {
        int nx = m.x1().length;
        int ny = m.x2().length;
        Png png = new Png(nx, ny);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = j * nx + i;
                png.set(i, ny - 1 - j, area(m.classes()[k], m.probability()[k], CLASS_COLORS.length));
            }
        }
        double[] xr = range(m.x1());
        double[] yr = range(m.x2());
        Html svg = new Html().open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "map", "viewBox",
                "0 0 " + SIZE + " " + SIZE, "width", Integer.toString(SIZE), "height", Integer.toString(SIZE),
                "role", "img", "aria-label", "decision boundary, " + label);
        svg.empty("image", "href", png.dataUri(), "x", "0", "y", "0", "width", Integer.toString(SIZE), "height",
                Integer.toString(SIZE), "preserveAspectRatio", "none");
        for (Map<String, String> p : points) {
            double x = RunFiles.number(p, "x1");
            double y = RunFiles.number(p, "x2");
            double c = RunFiles.number(p, "class");
            if (Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(c)) {
                svg.empty("circle", "cx", Fmt.px((x - xr[0]) / (xr[1] - xr[0]) * SIZE), "cy",
                        Fmt.px(SIZE - (y - yr[0]) / (yr[1] - yr[0]) * SIZE), "r", "2.4", "fill",
                        hex(CLASS_COLORS[(int) c % CLASS_COLORS.length]), "stroke", "#fff", "stroke-width", "0.7");
            }
        }
        svg.empty("rect", "x", "0.5", "y", "0.5", "width", Integer.toString(SIZE - 1), "height",
                Integer.toString(SIZE - 1), "fill", "none", "stroke", "#999");
        return svg.close("svg").toString();
    }

    /** The colour of a cell: its class's colour blended with white, stronger with the probability (K classes). */
    static int area(int cls, double probability, int k) {
        int color = CLASS_COLORS[cls % CLASS_COLORS.length];
        double sure = Double.isNaN(probability) ? 0.5 : Math.max(0, Math.min(1, 2 * probability - 1));
        double strength = 0.15 + 0.5 * sure;
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int c = (color >> shift) & 0xff;
            rgb |= (int) Math.round(255 - strength * (255 - c)) << shift;
        }
        return rgb;
    }

    /** The edges of a row of cell centres: half a cell beyond the first and last centre. */
    private static double[] range(double[] centres) {
        double half = centres.length > 1 ? (centres[1] - centres[0]) / 2 : 0.5;
        return new double[] {centres[0] - half, centres[centres.length - 1] + half};
    }

    static String hex(int rgb) {
        return String.format(java.util.Locale.ROOT, "#%06x", rgb);
    }

    /** A run's boundary.csv → epoch → map; none (and a note) when it cannot be read; a map that is not a full grid is left out. */
    static Map<Integer, Map2d> read(RunRow run, RunFiles files) {
        Path file = RunFiles.folder(run).resolve("boundary.csv");
        try {
            // a finished run's files do not change: `run` rebuilds the report many times, each map is parsed once
            var attributes = java.nio.file.Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            String key = file.toAbsolutePath() + "\u0000" + attributes.size() + "\u0000" + attributes.lastModifiedTime()
                    + "\u0000" + attributes.fileKey();
            synchronized (PARSED) {
                Map<Integer, Map2d> known = PARSED.get(key);
                if (known != null) {
                    return known;
                }
            }
            Map<Integer, Map2d> maps = read(NumericCsv.read(file, List.of("epoch", "x1", "x2", "class", "probability")));
            synchronized (PARSED) {
                PARSED.put(key, maps);
            }
            return maps;
        } catch (IOException | DeepgridException e) {
            files.note(file + " could not be read (" + RunFiles.firstLine(e) + "); left out of this page");
            return Map.of();
        }
    }

    /** Columns epoch, x1, x2, class, probability → epoch → map. */
    static Map<Integer, Map2d> read(double[][] columns) {
        Map<Integer, List<Integer>> byEpoch = new TreeMap<>();
        double[] epochs = columns[0];
        for (int r = 0; r < epochs.length; r++) {
            if (Double.isFinite(epochs[r])) {
                byEpoch.computeIfAbsent((int) epochs[r], k -> new ArrayList<>()).add(r);
            }
        }
        Map<Integer, Map2d> out = new TreeMap<>();
        byEpoch.forEach((epoch, rows) -> grid(columns, rows).ifPresent(m -> out.put(epoch, m)));
        return out;
    }

    private static Optional<Map2d> grid(double[][] c, List<Integer> rows) {
        double[] x1 = rows.stream().mapToDouble(r -> c[1][r]).distinct().sorted().toArray();
        double[] x2 = rows.stream().mapToDouble(r -> c[2][r]).distinct().sorted().toArray();
        boolean finite = java.util.Arrays.stream(x1).allMatch(Double::isFinite)
                && java.util.Arrays.stream(x2).allMatch(Double::isFinite);
        if (!finite || x1.length < 2 || x2.length < 2 || x1.length * x2.length != rows.size()) {
            return Optional.empty();
        }
        int[] classes = new int[rows.size()];
        double[] probability = new double[rows.size()];
        for (int r : rows) {
            int k = java.util.Arrays.binarySearch(x2, c[2][r]) * x1.length + java.util.Arrays.binarySearch(x1, c[1][r]);
            classes[k] = Double.isFinite(c[3][r]) ? Math.max(0, (int) c[3][r]) : 0;
            probability[k] = c[4][r];
        }
        return Optional.of(new Map2d(x1, x2, classes, probability));
    }
}
