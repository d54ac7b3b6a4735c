package deepgrid.run.results;

import deepgrid.DeepgridException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One runner per results folder: an OS file lock on {@code .lock}, which the OS releases
 * when the holder dies (even by kill -9). The file names its holder for the error message.
 * Within one JVM the folders held are also kept in a set, checked before the lock file is
 * touched: on Linux, closing any channel to a locked file drops the process's lock on it
 * (see {@link FileLock}), so a refused second attempt must not open the file at all.
 */
public final class ResultsLock implements AutoCloseable {
    /** Another process (or this one) holds the folder. */
    public static final class InUseException extends DeepgridException {
        InUseException(String message) {
            super(message);
        }
    }

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private ResultsLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code folder} or throws, naming the holder. */
    public static ResultsLock acquire(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path key = folder.toRealPath();
        if (!HELD.add(key)) {
            throw new DeepgridException(folder + " is already in use by this process (pid "
                    + ProcessHandle.current().pid() + "); one runner per results folder");
        }
        try {
            return lock(folder, key);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static ResultsLock lock(Path folder, Path key) throws IOException {
        Path file = folder.resolve(".lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held in this process by a channel that is not a ResultsLock
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
            ch.close();
            throw new InUseException(folder + " is in use by another deepgrid run ("
                    + (holder.isEmpty() ? "unknown process" : holder) + "); wait for it to finish or stop it");
        }
        try {
            ch.truncate(0);
            String me = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now();
            ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            ch.close(); // releases the lock too
            throw e;
        }
        return new ResultsLock(key, ch, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD.remove(key);
        }
    }
}
