package deepgrid.run.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-file writes that are never seen half-done, and that never follow a symbolic link:
 * the text goes to a new temporary file beside the target (created exclusively, so a link
 * planted under its name is refused), is forced to disk, and is renamed over the target
 * (which replaces a link at the target's name rather than writing through it).
 */
public final class AtomicFiles {
    /** Temp files carry this marker, then "PID@HOST@THREAD", so a later start can delete what a dead process left. */
    public static final String TEMP_MARK = ".tmp-";
    private static final Pattern OWNER = Pattern.compile("\\.tmp-([0-9]+)@(.+)@[0-9]+$");
    /** A temp file of another host is left alone until it is this old. */
    private static final Duration FOREIGN_TEMP_AGE = Duration.ofHours(1);

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code text} (UTF-8) atomically and durably. */
    public static void write(Path target, String text) throws IOException {
        Path tmp = temp(target);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        move(tmp, target);
    }

    /** A fresh temporary name beside {@code target}, unique to this process and thread. */
    static Path temp(Path target) {
        Owner me = Owner.self();
        return target.resolveSibling("." + target.getFileName() + TEMP_MARK + me.pid() + "@" + me.host() + "@"
                + Thread.currentThread().getId());
    }

    /** True for a temp file whose writer is gone: a dead process of this host, or another host's file over an hour old. */
    static boolean isOrphanTemp(Path file) throws IOException {
        Matcher m = OWNER.matcher(file.getFileName().toString());
        if (!m.find()) {
            return false;
        }
        if (m.group(2).equals(Owner.self().host())) {
            return ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true);
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.lastModifiedTime().toInstant().plus(FOREIGN_TEMP_AGE).isBefore(Instant.now());
    }

    /** Moves atomically where the file system can, replacing the target (a link at the target is replaced, not followed). */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code dir} and everything in it, if it exists; links inside are deleted, never followed. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
