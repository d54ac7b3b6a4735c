package deepgrid.data.sources;

import deepgrid.DeepgridException;
import deepgrid.IoReason;
import deepgrid.data.DataSize;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reader of unsigned-byte IDX files (LeCun's MNIST format): a big-endian magic number
 * 0x0000 08 D (type 0x08 = unsigned byte, D dimensions), D big-endian int sizes, then
 * the values, row-major. Gzip-compressed or raw, recognized by content, not by name.
 * Every problem is a {@link DeepgridException} naming the file and what was wrong.
 */
final class IdxFile {
    private static final int UBYTE = 0x08;

    private IdxFile() {
    }

    /** What a file must hold: labels have 1 dimension, images (or feature rows) 2 or more. */
    enum Kind {
        LABELS("labels", "0x00000801"),
        IMAGES("images", "0x00000803 (n×rows×cols images) or 0x00000802 (n×features rows)");

        final String noun;
        final String expectedMagic;

        Kind(String noun, String expectedMagic) {
            this.noun = noun;
            this.expectedMagic = expectedMagic;
        }

        boolean accepts(int dims) {
            return this == LABELS ? dims == 1 : dims >= 2;
        }
    }

    /** The largest array a JVM allocates. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** The dimension sizes: items, then the shape of one item; their product checked to fit one array. */
    record Header(List<Integer> dims) {
        int count() {
            return dims.get(0);
        }

        long itemSize() {
            long size = 1;
            for (int d : dims.subList(1, dims.size())) {
                size *= d; // cannot overflow: the whole product was checked in readHeader
            }
            return size;
        }

        /** Bytes of data after the header: count × item size. */
        long bytes() {
            return count() * itemSize();
        }

        String itemShape() {
            List<String> sizes = dims.subList(1, dims.size()).stream().map(String::valueOf).toList();
            return sizes.isEmpty() ? "one byte" : String.join("×", sizes);
        }
    }

    /** A file's header and its values as unsigned bytes. */
    record Items(Header header, byte[] values) {
        int value(int i) {
            return values[i] & 0xFF;
        }
    }

    /** Only the header of {@code path}: cheap even for a large file. */
    static Header header(Path path, Kind kind) {
        try (DataInputStream in = open(path)) {
            return readHeader(path, kind, in);
        } catch (IOException e) {
            throw failure(path, e);
        }
    }

    /** Rows and features of an images file and its optional test file, from their headers; null if unreadable. */
    static DataSize size(Path images, Path testImages) {
        try {
            Header train = header(images, Kind.IMAGES);
            long rows = train.count() + (testImages == null ? 0 : header(testImages, Kind.IMAGES).count());
            return new DataSize(rows, train.itemSize());
        } catch (DeepgridException e) {
            return null;
        }
    }

    /** The whole file, checked to be complete. */
    static Items read(Path path, Kind kind) {
        try (DataInputStream in = open(path)) {
            Header header = readHeader(path, kind, in);
            long size = header.bytes();
            byte[] values = in.readNBytes((int) size);
            if (values.length < size) {
                throw new DeepgridException(path + ": truncated: the header announces " + header.count() + " "
                        + kind.noun + " of " + header.itemShape() + " (" + size + " bytes of data) but the file ends after "
                        + values.length);
            }
            return new Items(header, values);
        } catch (IOException e) {
            throw failure(path, e);
        }
    }

    private static Header readHeader(Path path, Kind kind, DataInputStream in) throws IOException {
        int magic = in.readInt();
        int dims = magic & 0xFF;
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != UBYTE || !kind.accepts(dims)) {
            throw new DeepgridException(String.format("%s: magic number 0x%08X is not an IDX unsigned-byte %s file;"
                    + " expected %s", path, magic, kind.noun, kind.expectedMagic));
        }
        List<Integer> sizes = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            int size = in.readInt();
            if (size < 0) {
                throw new DeepgridException(path + ": dimension " + d + " has size " + size + "; expected ≥ 0");
            }
            sizes.add(size);
        }
        Header header = new Header(List.copyOf(sizes));
        long total = 1;
        for (int size : sizes) { // corrupt dims such as [1, 2147483647, 2147483647, 4] overflow a long product
            total = size == 0 || total <= MAX_ARRAY / size ? total * size : MAX_ARRAY + 1;
        }
        if (total > MAX_ARRAY) {
            throw new DeepgridException(path + ": the header announces " + header.count() + " " + kind.noun + " of "
                    + header.itemShape() + " values, more than one array can hold (" + MAX_ARRAY
                    + "); is the file corrupt?");
        }
        return header;
    }

    // Gzip streams start with 0x1f 0x8b, IDX files with 0x00 0x00: the first two bytes decide.
    private static DataInputStream open(Path path) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        }
        return new DataInputStream(raw);
    }

    private static DeepgridException failure(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DeepgridException(path + ": no such file");
        }
        if (e instanceof EOFException) {
            return new DeepgridException(path + ": truncated: the file ends inside its header or compressed data", e);
        }
        return new DeepgridException(path + ": cannot be read: " + IoReason.reason(e), e);
    }
}
