package deepgrid.data.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import deepgrid.data.Splits;
import deepgrid.math.Rng;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The files of Debian's dataset-fashion-mnist, when installed (skipped otherwise). */
class RealFashionMnistTest {
    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    private static Path file(String name) {
        Path gz = DEBIAN.resolve(name + ".gz");
        assumeTrue(Files.isRegularFile(gz), "dataset-fashion-mnist is not installed");
        return gz;
    }

    @Test
    void headersHoldTheStandardCounts() {
        assertEquals(List.of(60000, 28, 28), IdxFile.header(file("train-images-idx3-ubyte"), IdxFile.Kind.IMAGES).dims());
        assertEquals(List.of(60000), IdxFile.header(file("train-labels-idx1-ubyte"), IdxFile.Kind.LABELS).dims());
        assertEquals(List.of(10000, 28, 28), IdxFile.header(file("t10k-images-idx3-ubyte"), IdxFile.Kind.IMAGES).dims());
        assertEquals(List.of(10000), IdxFile.header(file("t10k-labels-idx1-ubyte"), IdxFile.Kind.LABELS).dims());
        assertEquals(DEBIAN, DataLocations.scan(Path.of("/nonexistent")).get(1).found());
    }

    @Test
    @Tag("slow")
    void loadsCompletely() {
        file("train-images-idx3-ubyte");
        Splits s = new Mnist(DEBIAN, Mnist.Flavor.FASHION).load(new Rng(0));
        assertEquals(60000, s.train().size());
        assertEquals(10000, s.test().size());
        assertEquals(784, s.train().features());
        int[] counts = s.test().classCounts();
        for (int c : counts) {
            assertEquals(1000, c); // Fashion-MNIST's test set is balanced
        }
    }
}
