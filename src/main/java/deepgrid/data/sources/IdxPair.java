package deepgrid.data.sources;

import deepgrid.DeepgridException;
import java.nio.file.Path;

/**
 * An IDX images file and its labels file read together: pixels scaled to [0, 1] by
 * /255 (as torchvision's ToTensor), labels as the raw byte values.
 */
record IdxPair(double[] x, int features, int[] labels) {

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
        double[] x = new double[pixels.values().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = pixels.value(i) / 255.0;
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = marks.value(i);
        }
        return new IdxPair(x, (int) pixels.header().itemSize(), y);
    }

    int size() {
        return labels.length;
    }
}
