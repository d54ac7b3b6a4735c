package deepgrid.run.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Whole-file writes that are never seen half-done: write a temp file beside the target, force it, move it over. */
public final class AtomicFiles {
    /** Temp files carry this marker so that a later start can delete the ones a killed process left. */
    public static final String TEMP_MARK = ".tmp-";

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code text} (UTF-8) atomically. */
    public static void write(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + TEMP_MARK + ProcessHandle.current().pid()
                + "-" + Thread.currentThread().getId());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        move(tmp, target);
    }

    /** Moves atomically where the file system can, replacing the target. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code dir} and everything in it, if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
