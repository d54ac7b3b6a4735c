package deepgrid.config;

import deepgrid.IoReason;
import deepgrid.data.DataSource;
import deepgrid.data.DataSpec;
import deepgrid.data.Normalize;
import deepgrid.data.sources.Blobs;
import deepgrid.data.sources.Circles;
import deepgrid.data.sources.Csv;
import deepgrid.data.sources.Idx;
import deepgrid.data.sources.LogicTable;
import deepgrid.data.sources.Mnist;
import deepgrid.data.sources.Moons;
import deepgrid.data.sources.Sine;
import deepgrid.data.sources.Spiral;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds {@code data:} (SPEC §1.1): the source and its options side by side with
 * validation, normalize, limit and seed. Relative paths are resolved against the
 * working directory and recorded absolute in the resolved config.
 */
final class DataBinder {
    private static final Range FRACTION = Range.fraction();

    static final Family<DataSource> SOURCES = new Family<DataSource>("data source")
            .add("and", o -> new LogicTable(LogicTable.Gate.AND))
            .add("or", o -> new LogicTable(LogicTable.Gate.OR))
            .add("nand", o -> new LogicTable(LogicTable.Gate.NAND))
            .add("xor", o -> new LogicTable(LogicTable.Gate.XOR))
            .add("spiral", DataBinder::spiral)
            .add("moons", o -> {
                Moons d = Moons.defaults();
                return new Moons(samples(o, d.samples()), noise(o, d.noise()), test(o, d.test()));
            })
            .add("circles", o -> {
                Circles d = Circles.defaults();
                return new Circles(samples(o, d.samples()), noise(o, d.noise()),
                        o.number("factor", d.factor(), Range.from(0, 1)), test(o, d.test()));
            })
            .add("blobs", DataBinder::blobs)
            .add("sine", o -> {
                Sine d = Sine.defaults();
                return new Sine(samples(o, d.samples()), noise(o, d.noise()), test(o, d.test()));
            })
            .add("mnist", o -> mnist(o, Mnist.Flavor.MNIST))
            .add("fashion-mnist", o -> mnist(o, Mnist.Flavor.FASHION))
            .add("idx", DataBinder::idx)
            .add("csv", DataBinder::csv);

    private DataBinder() {
    }

    static DataSpec bind(MapReader d, long seed) {
        d.allow("limit");
        Node sourceNode = d.take("source");
        DataSource source = null;
        if (sourceNode instanceof Node.Scalar s && !s.isNull()) {
            d.put("source", s.text());
            source = SOURCES.bindNamed(s, d, d.problems());
        } else if (sourceNode == null) {
            d.problems().add(d.pos(), "missing 'data.source' (one of " + SOURCES.names() + ")" + d.doubledHint());
        } else {
            d.problems().add(sourceNode.pos(), "data.source: found " + sourceNode.describe() + ", expected one of "
                    + SOURCES.names());
        }
        if (source == null) {
            d.allowAll(); // without a source its options can't be judged: don't report them as unknown
        }
        double validation = d.number("validation", 0.0, FRACTION);
        Normalize normalize = normalize(d);
        int limit = d.hasValue("limit") ? d.integer("limit", null, Range.atLeast(1)) : 0;
        long dataSeed = d.integer("seed", (int) seed, Range.atLeast(0));
        d.finish();
        return source == null ? null : new DataSpec(source, validation, normalize, limit, dataSeed);
    }

    private static Normalize normalize(MapReader d) {
        String name = d.string("normalize", "none");
        List<String> names = new ArrayList<>();
        for (Normalize n : Normalize.values()) {
            names.add(n.yamlName());
            if (n.yamlName().equals(name)) {
                return n;
            }
        }
        d.problems().add(d.posOf("normalize"), "data.normalize: unknown '" + name + "'" + Suggest.didYouMean(name, names)
                + "; allowed: " + String.join(", ", names));
        return Normalize.NONE;
    }

    private static int samples(MapReader o, int dflt) {
        return o.integer("samples", dflt, Range.atLeast(1));
    }

    private static double noise(MapReader o, double dflt) {
        return o.number("noise", dflt, Range.atLeast(0));
    }

    private static double test(MapReader o, double dflt) {
        return o.number("test", dflt, FRACTION);
    }

    // defaults come from the source records themselves, so 'deepgrid datasets' and the binder agree
    private static DataSource spiral(MapReader o) {
        Spiral d = Spiral.defaults();
        return new Spiral(o.integer("classes", d.classes(), Range.atLeast(2)), samples(o, d.samples()),
                noise(o, d.noise()), test(o, d.test()));
    }

    private static DataSource blobs(MapReader o) {
        Blobs d = Blobs.defaults();
        return new Blobs(o.integer("classes", d.classes(), Range.atLeast(2)), samples(o, d.samples()),
                o.integer("features", d.features(), Range.atLeast(1)), o.number("spread", d.spread(), Range.above(0)),
                test(o, d.test()));
    }

    private static DataSource csv(MapReader o) {
        Path path = path(o, "path");
        String label = o.string("label", null);
        List<String> features = null;
        Node f = o.take("features");
        if (f instanceof Node.ListNode list && list.items().isEmpty()) {
            o.problems().add(f.pos(), "data.features: found an empty list, expected column names"
                    + " (or no features key for every column but the label)");
        } else if (f instanceof Node.ListNode list) {
            features = new ArrayList<>();
            for (Node item : list.items()) {
                if (item instanceof Node.Scalar s && !s.isNull()) {
                    features.add(s.text());
                } else {
                    o.problems().add(item.pos(), "data.features: found " + item.describe() + ", expected a column name");
                }
            }
            o.put("features", features);
        } else if (f != null && !(f instanceof Node.Scalar s && s.isNull())) {
            o.problems().add(f.pos(), "data.features: found " + f.describe() + ", expected a list of column names");
        }
        o.allow("test_path");
        Path testPath = optionalPath(o, "test_path");
        double test = testPath == null ? test(o, Csv.DEFAULT_TEST) : 0.0;
        return new Csv(path, label, features, testPath, test);
    }

    /** The mnist source: {@code path} if given, else the first default place that has the files (else the first). */
    private static DataSource mnist(MapReader o, Mnist.Flavor flavor) {
        o.allow("path");
        Path given = optionalPath(o, "path", Kind.FOLDER);
        return given != null ? new Mnist(given, flavor) : Mnist.of(flavor);
    }

    /** The idx source; {@code test_images} and {@code test_labels} come together or not at all. */
    private static DataSource idx(MapReader o) {
        o.allow("test_images", "test_labels");
        Path images = path(o, "images");
        Path labels = path(o, "labels");
        Path testImages = optionalPath(o, "test_images");
        Path testLabels = optionalPath(o, "test_labels");
        if ((testImages == null) != (testLabels == null)) {
            String given = testImages == null ? "test_labels" : "test_images";
            String other = testImages == null ? "test_images" : "test_labels";
            o.problems().add(o.posOf(given), o.path(given) + ": found without " + other
                    + ", expected both (a test pair) or neither");
            return null;
        }
        return new Idx(images, labels, testImages, testLabels);
    }

    /** What a path option must name: a data file, or (mnist's path) a folder of them. */
    private enum Kind { FILE, FOLDER }

    private static Path optionalPath(MapReader o, String key) {
        return optionalPath(o, key, Kind.FILE);
    }

    private static Path optionalPath(MapReader o, String key, Kind kind) {
        return o.hasValue(key) ? path(o, key, kind) : null;
    }

    private static Path path(MapReader o, String key) {
        return path(o, key, Kind.FILE);
    }

    /**
     * The absolute path of option {@code key}, checked to exist and to be what the source reads
     * (a FIFO or a device would block reading or never end; a folder is not a CSV file).
     */
    private static Path path(MapReader o, String key, Kind kind) {
        String text = o.string(key, null);
        if (text.isEmpty()) {
            return null;
        }
        Path p;
        try {
            p = Path.of(text).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            o.problems().add(o.posOf(key), o.path(key) + ": '" + text + "' is not a valid path (" + e.getReason() + ")");
            return null;
        }
        o.put(key, p.toString());
        String problem = !Files.exists(p) ? "found no file or folder at " + p
                + (Path.of(text).isAbsolute() ? "" : " (relative paths start at the working directory)")
                : kind == Kind.FOLDER && !Files.isDirectory(p) ? p + " is " + (Files.isRegularFile(p) ? "a file" : IoReason.NOT_A_FILE)
                        + ", expected the folder that holds " + String.join(", ", Mnist.IDX_FILES) + " (each .gz or not)"
                : kind == Kind.FILE && Files.isDirectory(p) ? p + " is a folder, expected a file"
                : kind == Kind.FILE && !Files.isRegularFile(p) ? p + " is " + IoReason.NOT_A_FILE + ", expected a file"
                : null;
        if (problem != null) {
            o.problems().add(o.posOf(key), o.path(key) + ": " + problem);
        }
        return p;
    }
}
