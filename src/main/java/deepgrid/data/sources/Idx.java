package deepgrid.data.sources;

import deepgrid.DeepgridException;
import deepgrid.data.DataSize;
import deepgrid.data.DataSource;
import deepgrid.data.Dataset;
import deepgrid.data.Splits;
import deepgrid.math.Check;
import deepgrid.math.Rng;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Any IDX images/labels pair, gzipped or raw: unsigned-byte images of any shape
 * (idx3, n×rows×cols, flattened row by row) or feature rows (idx2, n×features), every
 * value scaled by /255; labels idx1 unsigned bytes. The classes are the distinct label
 * values of both pairs, sorted numerically, as strings ("0", "3", "7"). Without a
 * test pair the test set is empty. YAML: {@code images}, {@code labels},
 * {@code test_images}, {@code test_labels} (the last two together or not at all).
 */
public record Idx(Path images, Path labels, Path testImages, Path testLabels) implements DataSource {

    public Idx {
        Check.given("images", images, "an IDX images file");
        Check.given("labels", labels, "an IDX labels file");
        Check.that((testImages == null) == (testLabels == null), testImages == null ? "test_labels" : "test_images",
                "without " + (testImages == null ? "test_images" : "test_labels"), "both (a test pair) or neither");
    }

    /** A training pair only: no test set. */
    public static Idx of(Path images, Path labels) {
        return new Idx(images, labels, null, null);
    }

    @Override
    public Splits load(Rng rng) {
        IdxPair train = IdxPair.read(images, labels);
        IdxPair test = testImages == null ? null : IdxPair.read(testImages, testLabels);
        if (test != null && test.features() != train.features()) {
            throw new DeepgridException(testImages + " has items of " + test.features() + " values but " + images
                    + " has " + train.features() + "; expected the same shape");
        }
        int[] classValues = classValues(train, test);
        Dataset trainSet = dataset(train, classValues);
        Dataset testSet = test == null ? Splits.none(trainSet) : dataset(test, classValues);
        return new Splits(trainSet, Splits.none(trainSet), testSet);
    }

    /** From the image headers alone; null when a file cannot be read (load says why). */
    @Override
    public DataSize size() {
        return IdxFile.size(images, testImages);
    }

    @Override
    public List<Path> files() {
        return testImages == null ? List.of(images, labels) : List.of(images, labels, testImages, testLabels);
    }

    @Override
    public String name() {
        return "idx";
    }

    private static int[] classValues(IdxPair train, IdxPair test) {
        TreeSet<Integer> values = new TreeSet<>();
        IntStream.of(train.labels()).forEach(values::add);
        if (test != null) {
            IntStream.of(test.labels()).forEach(values::add);
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Dataset dataset(IdxPair pair, int[] classValues) {
        int[] indexOf = new int[256];
        for (int c = 0; c < classValues.length; c++) {
            indexOf[classValues[c]] = c;
        }
        double[] y = new double[pair.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = indexOf[pair.labels()[i]];
        }
        List<String> classes = IntStream.of(classValues).mapToObj(Integer::toString).toList();
        return pair.dataset(y, classes);
    }
}
