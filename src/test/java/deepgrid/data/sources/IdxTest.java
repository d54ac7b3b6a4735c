package deepgrid.data.sources;

import static deepgrid.data.sources.IdxFixtures.Compression.GZIP;
import static deepgrid.data.sources.IdxFixtures.Compression.RAW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.DeepgridException;
import deepgrid.data.Splits;
import deepgrid.math.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    private String message(Idx source) {
        return assertThrows(DeepgridException.class, () -> source.load(new Rng(0))).getMessage();
    }

    @Test
    void readsRawAndGzippedPairsAlike() throws IOException {
        Path images = IdxFixtures.write(dir.resolve("i.gz"), IdxFixtures.images(), GZIP);
        Path labels = IdxFixtures.write(dir.resolve("l"), IdxFixtures.labels(), RAW);
        Path rawImages = IdxFixtures.write(dir.resolve("i2"), IdxFixtures.images(), RAW);
        Path gzLabels = IdxFixtures.write(dir.resolve("l2.anything"), IdxFixtures.labels(), GZIP);
        Splits s = new Idx(images, labels, rawImages, gzLabels).load(new Rng(0));
        assertEquals(s.train(), s.test());
        assertEquals(List.of("3", "7"), s.train().classes());
        assertArrayEquals(new int[] {1, 0, 1}, s.train().labels());
        assertEquals(4, s.train().features());
        assertArrayEquals(new double[] {0, 0.2, 0.4, 1}, Arrays.copyOf(s.train().x().data(), 4), 1e-15);
    }

    @Test
    void withoutATestPairTheTestSetIsEmpty() throws IOException {
        Path images = IdxFixtures.write(dir.resolve("i"), IdxFixtures.images(), RAW);
        Path labels = IdxFixtures.write(dir.resolve("l"), IdxFixtures.labels(), RAW);
        Splits s = Idx.of(images, labels).load(new Rng(0));
        assertEquals(3, s.train().size());
        assertEquals(0, s.test().size());
        assertEquals(4, s.test().features());
    }

    @Test
    void dimensionsWhoseProductOverflowsAreRefusedNotReadAsAFewBytes() throws IOException {
        // 1 × 2147483647 × 2147483647 × 4 wraps a long product to a small number: 4 bytes of garbage were read
        Path images = IdxFixtures.write(dir.resolve("i"), IdxFixtures.idx(new int[] {1, Integer.MAX_VALUE,
                Integer.MAX_VALUE, 4}, 1, 2, 3, 4), RAW);
        Path labels = IdxFixtures.write(dir.resolve("l"), IdxFixtures.idx(new int[] {1}, 0), RAW);
        assertEquals(images + ": the header announces 1 images of 2147483647×2147483647×4 values, more than one array"
                + " can hold (2147483639); is the file corrupt?", message(Idx.of(images, labels)));
    }

    @Test
    void acceptsIdx2FeatureRows() throws IOException {
        Path rows = IdxFixtures.write(dir.resolve("rows"), IdxFixtures.idx(new int[] {2, 3}, 0, 255, 0, 255, 0, 255), RAW);
        Path labels = IdxFixtures.write(dir.resolve("l"), IdxFixtures.idx(new int[] {2}, 1, 0), RAW);
        Splits s = Idx.of(rows, labels).load(new Rng(0));
        assertEquals(3, s.train().features());
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 1}, s.train().x().data());
    }

    @Test
    void wrongMagicNumberNamesTheFile() throws IOException {
        Path images = IdxFixtures.write(dir.resolve("i"), IdxFixtures.images(), RAW);
        Path labels = IdxFixtures.write(dir.resolve("l"), IdxFixtures.images(), RAW);
        assertEquals(labels + ": magic number 0x00000803 is not an IDX unsigned-byte labels file; expected 0x00000801",
                message(Idx.of(images, labels)));
        Path floats = IdxFixtures.write(dir.resolve("f"), IdxFixtures.idxWithMagic(0x0D03, new int[] {1, 1, 1}, 0), RAW);
        assertEquals(floats + ": magic number 0x00000D03 is not an IDX unsigned-byte images file; expected"
                + " 0x00000803 (n×rows×cols images) or 0x00000802 (n×features rows)", message(Idx.of(floats, labels)));
    }

    @Test
    void truncatedFilesAreReported() throws IOException {
        byte[] full = IdxFixtures.images();
        Path cut = IdxFixtures.write(dir.resolve("cut"), Arrays.copyOf(full, full.length - 2), RAW);
        Path labels = IdxFixtures.write(dir.resolve("l"), IdxFixtures.labels(), RAW);
        assertEquals(cut + ": truncated: the header announces 3 images of 2×2 (12 bytes of data) but the file ends"
                + " after 10", message(Idx.of(cut, labels)));
        Path header = IdxFixtures.write(dir.resolve("h"), Arrays.copyOf(full, 6), RAW);
        assertEquals(header + ": truncated: the file ends inside its header or compressed data",
                message(Idx.of(header, labels)));
    }

    @Test
    void truncatedGzipIsReported() throws IOException {
        byte[] big = IdxFixtures.idx(new int[] {1000, 4, 4}, new int[16000]);
        Path gz = IdxFixtures.write(dir.resolve("full.gz"), big, GZIP);
        byte[] compressed = java.nio.file.Files.readAllBytes(gz);
        Path cut = IdxFixtures.write(dir.resolve("cut.gz"), Arrays.copyOf(compressed, compressed.length / 2), RAW);
        Path labels = IdxFixtures.write(dir.resolve("l"), IdxFixtures.idx(new int[] {1000}, new int[1000]), RAW);
        assertTrue(message(Idx.of(cut, labels)).startsWith(cut + ": truncated"));
    }

    @Test
    void countMismatchNamesBothFiles() throws IOException {
        Path images = IdxFixtures.write(dir.resolve("i"), IdxFixtures.images(), RAW);
        Path labels = IdxFixtures.write(dir.resolve("l"), IdxFixtures.idx(new int[] {2}, 7, 3), RAW);
        assertEquals(images + " has 3 images but " + labels + " has 2 labels; expected one label per image",
                message(Idx.of(images, labels)));
    }

    @Test
    void missingFileAndHalfATestPair() {
        Path nowhere = dir.resolve("nowhere");
        assertEquals(nowhere + ": no such file", message(Idx.of(nowhere, nowhere)));
        assertEquals("test_images: found without test_labels, expected both (a test pair) or neither",
                assertThrows(IllegalArgumentException.class, () -> new Idx(nowhere, nowhere, nowhere, null))
                        .getMessage());
    }
}
