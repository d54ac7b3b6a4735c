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

/**
 * One runner per results folder: an OS file lock on {@code .lock}, which the OS releases
 * when the holder dies (even by kill -9). The file names its holder for the error message.
 */
public final class ResultsLock implements AutoCloseable {
    /** Another process (or this one) holds the folder. */
    public static final class InUseException extends DeepgridException {
        InUseException(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private ResultsLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code folder} or throws, naming the holder. */
    public static ResultsLock acquire(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(".lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this same process
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
            ch.close();
            throw new InUseException(folder + " is in use by another deepgrid run ("
                    + (holder.isEmpty() ? "unknown process" : holder) + "); wait for it to finish or stop it");
        }
        ch.truncate(0);
        String me = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now();
        ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
        return new ResultsLock(ch, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
