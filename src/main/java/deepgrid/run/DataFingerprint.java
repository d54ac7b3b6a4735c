package deepgrid.run;

import deepgrid.DeepgridException;
import deepgrid.IoReason;
import deepgrid.data.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the data files of a run hold, as text that changes when they change: part of a
 * run's identity, so that overwriting a CSV file with other rows makes its runs new ones
 * (trained again on the next run) instead of "already done" with the old results. A file
 * of up to {@link #CONTENT_LIMIT} bytes is identified by its size and the SHA-256 of its
 * content, so touching it or writing the same rows again changes nothing; a larger file by its size and modification
 * time, since hashing gigabytes on every plan would cost more than it saves. Synthetic
 * sources read no file: their fingerprint is "" and their run ids are what they were.
 */
public final class DataFingerprint {
    /** Files up to this size (256 MB) are hashed whole. */
    public static final long CONTENT_LIMIT = 256L << 20;

    /** One hash per file version (path, size, modification time): a grid's runs hash each file once. */
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private DataFingerprint() {
    }

    /** "" for a source without files, else one line per file: "size sha256:HEX" or "size mtime:TIME". */
    public static String of(DataSource source) {
        List<Path> files = source.files();
        StringBuilder text = new StringBuilder();
        for (Path f : files) {
            text.append(of(f)).append('\n');
        }
        return text.toString();
    }

    private static String of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            String version = file.toAbsolutePath() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
            return CACHE.computeIfAbsent(version, v -> a.size() > CONTENT_LIMIT
                    ? a.size() + " mtime:" + a.lastModifiedTime() : a.size() + " sha256:" + sha256(file));
        } catch (IOException e) {
            throw new DeepgridException("cannot read " + IoReason.of(e));
        } catch (java.io.UncheckedIOException e) {
            throw new DeepgridException("cannot read " + IoReason.of(e.getCause()));
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
