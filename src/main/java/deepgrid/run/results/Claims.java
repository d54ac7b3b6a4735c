package deepgrid.run.results;

import deepgrid.DeepgridException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Claims in one folder: one file per subject (a run id, or a runner), created atomically
 * with its whole content, so that of many processes — threads, processes, hosts sharing the
 * folder over NFS — exactly one holds a subject at a time. No OS lock is used.
 *
 * <p>Claiming writes the claim to a private temporary file, then hard-links it to the
 * subject's name: {@code link(2)} fails if the name exists, atomically, also on NFS (the
 * classic lock-file technique). A claim found stale ({@link Claim#isStale}) is taken over:
 * renamed aside under a name only this process uses (one of several takers wins the
 * rename), checked to be the very claim judged stale (else put back), deleted, and the
 * subject claimed again; {@code onTakeOver} then clears what the dead holder left. Only
 * stale claims are ever touched. Nothing here follows a symbolic link: a claim path that is
 * not a regular file is refused with an error.
 */
public final class Claims {
    private final Path dir;
    private final Consumer<Claim> onTakeOver;

    /** The claims in {@code dir}; {@code onTakeOver} receives each stale claim this process removed. */
    public Claims(Path dir, Consumer<Claim> onTakeOver) {
        this.dir = dir;
        this.onTakeOver = onTakeOver;
    }

    public Path dir() {
        return dir;
    }

    /** The claim on {@code subject} for this process, or empty while another live process holds it. */
    public Optional<Held> tryClaim(String subject) throws IOException {
        Files.createDirectories(dir);
        Claim mine = Claim.mine(subject);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (link(subject, mine)) {
                Held held = new Held(this, mine, path(subject));
                Heartbeat.get().add(held);
                return Optional.of(held);
            }
            Optional<Found> found = read(subject);
            if (found.isEmpty()) {
                continue; // released between our link and our read: try again
            }
            if (!found.get().isStale(Instant.now())) {
                return Optional.empty();
            }
            takeOver(subject, found.get());
        }
        return Optional.empty(); // others keep taking it over: leave it to them
    }

    /** The current holder of {@code subject}, if any, and whether it is stale. */
    public Optional<Found> read(String subject) throws IOException {
        Path p = path(subject);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!a.isRegularFile()) {
            throw new DeepgridException(p + " is not a regular file (" + (a.isSymbolicLink() ? "a symbolic link" : "a folder")
                    + "); deepgrid never follows links in a results folder: remove it and run again");
        }
        String text;
        try (var in = Files.newByteChannel(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            text = new String(java.nio.channels.Channels.newInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(new Found(subject, Claim.parse(text), a.lastModifiedTime().toInstant()));
    }

    /** What a claim file holds and when its holder last touched it; {@code claim} is null for an unreadable file. */
    public record Found(String subject, Claim claim, Instant touched) {
        /** Stale: see {@link Claim#isStale}; an unreadable claim is stale once older than the default lease. */
        public boolean isStale(Instant now) {
            return claim == null ? touched.plus(Claim.defaultLease()).isBefore(now) : claim.isStale(touched, now);
        }
    }

    Path path(String subject) {
        return dir.resolve(subject);
    }

    /** Creates the subject's claim with its content in one atomic step; false when it exists. */
    private boolean link(String subject, Claim mine) throws IOException {
        Path tmp = AtomicFiles.temp(path(subject));
        Files.deleteIfExists(tmp);
        Files.write(tmp, mine.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            Files.createLink(path(subject), tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            return moveNoReplace(tmp, path(subject)); // a file system without hard links
        } catch (FileSystemException e) {
            String why = String.valueOf(e.getReason());
            if (why.contains("not permitted") || why.contains("not supported")) {
                return moveNoReplace(tmp, path(subject)); // e.g. some FUSE and SMB mounts refuse link(2)
            }
            throw e;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Without hard links: rename unless the target exists (checked just before: a narrow race, documented). */
    private static boolean moveNoReplace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private void takeOver(String subject, Found stale) throws IOException {
        Path grave = AtomicFiles.temp(path(subject + ".stale"));
        try {
            Files.move(path(subject), grave, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return; // another process took it over first
        }
        Found moved = readGrave(subject, grave);
        boolean same = moved.claim() == null ? stale.claim() == null
                : stale.claim() != null && moved.claim().owner().token().equals(stale.claim().owner().token());
        if (!same) {
            // between our read and our rename, another taker replaced the stale claim with a live one: put it back
            try {
                Files.createLink(path(subject), grave);
            } catch (FileAlreadyExistsException e) {
                // a third claim exists already; the displaced holder sees it at its next heartbeat and stops
            }
            Files.deleteIfExists(grave);
            return;
        }
        Files.deleteIfExists(grave);
        if (stale.claim() != null) {
            onTakeOver.accept(stale.claim());
        }
    }

    private Found readGrave(String subject, Path grave) throws IOException {
        String text = Files.readString(grave);
        return new Found(subject, Claim.parse(text), Files.getLastModifiedTime(grave, LinkOption.NOFOLLOW_LINKS).toInstant());
    }

    /** A claim this process holds. Kept alive by the {@link Heartbeat}; {@link #release} when the work is recorded. */
    public static final class Held {
        private final Claims claims;
        private final Claim claim;
        private final Path file;
        private volatile boolean lost;

        Held(Claims claims, Claim claim, Path file) {
            this.claims = claims;
            this.claim = claim;
            this.file = file;
        }

        public String subject() {
            return claim.subject();
        }

        /** This process's token: names the in-flight folder of the claimed run. */
        public String token() {
            return claim.owner().token();
        }

        /** True once another process has taken the claim over (this process was judged dead). */
        public boolean lost() {
            return lost;
        }

        /** Touches the claim (the heartbeat); notices when it is no longer ours. */
        void renew() {
            try {
                Optional<Found> now = claims.read(claim.subject());
                if (now.isEmpty() || now.get().claim() == null || !now.get().claim().isMine()) {
                    lost = true;
                    return;
                }
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now()));
            } catch (IOException | DeepgridException e) {
                // the shared folder is unreachable for now: the next beat tries again
            }
        }

        /** Deletes the claim if it is still ours. */
        public void release() throws IOException {
            Heartbeat.get().remove(this);
            Optional<Found> now = claims.read(claim.subject());
            if (now.isPresent() && now.get().claim() != null && now.get().claim().isMine()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
