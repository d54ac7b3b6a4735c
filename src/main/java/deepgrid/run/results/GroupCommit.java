package deepgrid.run.results;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Records finished runs in groups: one durability barrier for every run that finished in
 * the last ~100 ms instead of an fsync per file. For a group, in this order: (1) every
 * file of every run in it reaches the disk — one {@code syncfs} of the file system
 * ({@code sync -f}, coreutils), or where that is missing an fsync of each file; (2) each
 * run folder moves from {@code runs/.inflight/} into place with one rename and its claim is
 * released; (3) the group's rows are appended to each runs.csv in one write. So a run
 * folder in place is always whole, even after a power loss; a power loss loses at most the
 * renames of the last group (those runs train again), and runs.csv, which the next start
 * checks against the run folders, is repaired if it lost rows. One committer thread serves
 * the whole process; training threads hand a run over and go on with the next.
 */
public final class GroupCommit {
    /** The shortest time between two barriers. */
    static final long INTERVAL_MILLIS = 100;
    private static final GroupCommit INSTANCE = new GroupCommit();

    /** A trained run waiting to be recorded; {@code done} gets null once it is in place, else the failure. */
    record Pending(ResultsFolder folder, Claims.Held claim, Path inflight, RunRecord record, Consumer<Throwable> done) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private final Object commitLock = new Object();
    private long lastBarrier;
    private Thread thread;
    private boolean stopped;

    static GroupCommit get() {
        return INSTANCE;
    }

    /** Queues a run for the next group; returns at once. */
    synchronized void submit(Pending p) {
        if (stopped) {
            p.folder().discard(p); // the process is ending: a rerun trains it again
            return;
        }
        pending.add(p);
        if (thread == null) {
            thread = new Thread(this::loop, "deepgrid-commit");
            thread.setDaemon(true);
            thread.start();
        }
        notifyAll();
    }

    /** Records every run queued so far, now (the end of a queue). */
    public static void flushAll() {
        INSTANCE.flush();
    }

    /** Records what is queued, then refuses new runs: a signal is ending the process. */
    public static void stopAll() {
        INSTANCE.stop();
    }

    /** Records everything queued so far, now, on the calling thread. */
    public void flush() {
        commitGroup();
    }

    /** Records what is queued, then refuses new runs (a signal is ending the process). */
    public void stop() {
        commitGroup();
        synchronized (this) {
            stopped = true;
        }
    }

    private void loop() {
        while (true) {
            try {
                synchronized (this) {
                    while (pending.isEmpty()) {
                        wait();
                    }
                    // a barrier at most every INTERVAL: runs finishing meanwhile join this group
                    long wait = lastBarrier + TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS) - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.timedWait(this, wait);
                    }
                }
                commitGroup();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void commitGroup() {
        synchronized (commitLock) {
            List<Pending> group;
            synchronized (this) {
                group = new ArrayList<>(pending);
                pending.clear();
                lastBarrier = System.nanoTime();
            }
            if (group.isEmpty()) {
                return;
            }
            try {
                Durability.sync(group.stream().map(Pending::inflight).toList());
            } catch (IOException | RuntimeException e) {
                group.forEach(p -> p.done().accept(e));
                return;
            }
            Map<ResultsFolder, List<Pending>> byFolder = new LinkedHashMap<>();
            group.forEach(p -> byFolder.computeIfAbsent(p.folder(), f -> new ArrayList<>()).add(p));
            byFolder.forEach(ResultsFolder::commit);
        }
    }

    /** Getting files to the disk: one syncfs where the system has it, else an fsync per file. */
    static final class Durability {
        private static volatile boolean syncFs = true;

        private Durability() {
        }

        static void sync(List<Path> folders) throws IOException {
            Map<java.nio.file.FileStore, Path> oneEach = new LinkedHashMap<>();
            for (Path f : folders) {
                oneEach.putIfAbsent(Files.getFileStore(f), f);
            }
            for (Path f : oneEach.values()) {
                if (!syncFs || !syncFileSystem(f)) {
                    for (Path folder : folders) {
                        if (Files.getFileStore(folder).equals(Files.getFileStore(f))) {
                            forceFolder(folder);
                        }
                    }
                }
            }
        }

        /** {@code sync -f DIR}: flushes the whole file system of DIR in one call. False when unavailable. */
        private static boolean syncFileSystem(Path dir) {
            try {
                Process p = new ProcessBuilder("sync", "-f", dir.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor() == 0) {
                    return true;
                }
            } catch (IOException e) {
                // no sync(1): fall back below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            syncFs = false;
            return false;
        }

        private static void forceFolder(Path folder) throws IOException {
            try (var list = Files.list(folder)) {
                for (Path f : list.filter(Files::isRegularFile).toList()) {
                    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                        ch.force(true);
                    }
                }
            }
            try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
                ch.force(true); // the folder's entries
            } catch (IOException e) {
                // not every system can open a folder for force(); the files themselves are down
            }
        }
    }
}
