package deepgrid.data.sources;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests: the exact bytes of LeCun's format, optionally gzipped. */
final class IdxFixtures {
    enum Compression { RAW, GZIP }

    private IdxFixtures() {
    }

    /** The bytes of an unsigned-byte IDX file with the given dimension sizes and values. */
    static byte[] idx(int[] dims, int... values) {
        return idxWithMagic(0x0800 | dims.length, dims, values);
    }

    /** As {@link #idx}, with any magic number (for broken files). */
    static byte[] idxWithMagic(int magic, int[] dims, int... values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            for (int v : values) {
                out.writeByte(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] content, Compression compression) throws IOException {
        try (OutputStream out = compression == Compression.GZIP
                ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    /** Three 2×2 images with pixel values 0..255 and labels 7, 3, 7. */
    static byte[] images() {
        return idx(new int[] {3, 2, 2}, 0, 51, 102, 255, 255, 0, 0, 0, 1, 2, 3, 4);
    }

    static byte[] labels() {
        return idx(new int[] {3}, 7, 3, 7);
    }
}
