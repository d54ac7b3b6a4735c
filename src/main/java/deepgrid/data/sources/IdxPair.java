package deepgrid.data.sources;

import deepgrid.DeepgridException;
import java.nio.file.Path;

/**
 * An IDX images file and its labels file read together: pixels as the file's unsigned bytes
 * (a data set reads each as /255, as torchvision's ToTensor: {@link #dataset}), labels as the
 * raw byte values.
 */
record IdxPair(byte[] pixels, int features, int[] labels) {

    /** Reads both files and checks that there is one label per image. */
    static IdxPair read(Path images, Path labels) {
        IdxFile.Items pixels = IdxFile.read(images, IdxFile.Kind.IMAGES);
        IdxFile.Items marks = IdxFile.read(labels, IdxFile.Kind.LABELS);
        int n = pixels.header().count();
        if (n == 0) {
            throw new DeepgridException(images + ": the header announces 0 images; expected at least one");
        }
        if (marks.header().count() != n) {
            throw new DeepgridException(images + " has " + n + " images but " + labels + " has "
                    + marks.header().count() + " labels; expected one label per image");
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = marks.value(i);
        }
        return new IdxPair(pixels.values(), (int) pixels.header().itemSize(), y);
    }

    /**
     * The images with targets {@code y} and these classes: one byte a pixel, read as
     * {@code pixel / 255.0} (the double a decoded copy would hold), not eight.
     */
    deepgrid.data.Dataset dataset(double[] y, java.util.List<String> classes) {
        return deepgrid.data.Dataset.ofPixels(pixels, features, 255.0, new deepgrid.math.FlatMatrix(y.length, 1, y),
                classes);
    }

    int size() {
        return labels.length;
    }
}
