package deepgrid.run.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import deepgrid.DeepgridException;
import deepgrid.run.JavaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One runner per results folder, held by an OS lock that dies with its process (even by SIGKILL). */
class ResultsLockTest {
    private static final long MY_PID = ProcessHandle.current().pid();

    @TempDir
    Path tmp;

    private static ResultsStore open(Path dir) throws IOException {
        return ResultsStore.open(dir, List.of(), List.of());
    }

    /** A second JVM holding {@code dir}, once it says so. */
    private Process holder(Path dir) throws IOException, InterruptedException {
        Path log = tmp.resolve("holder.log");
        Process p = JavaProcess.start(log, List.of(), LockHolder.class.getName(), "hold", dir.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log).contains("locked")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                fail("the holder did not take the lock: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
        return p;
    }

    /** What a second JVM gets when it tries to open {@code dir}: "acquired" or "refused: ...". */
    private String tryFromAnotherProcess(Path dir) throws IOException, InterruptedException {
        Path log = Files.createTempFile(tmp, "try", ".log");
        Process p = JavaProcess.start(log, List.of(), LockHolder.class.getName(), "try", dir.toString());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the second process did not finish");
        }
        return Files.readString(log).trim();
    }

    @Test
    void aSecondProcessIsRefusedNamingTheHolderUntilTheHolderIsKilled() throws Exception {
        Path dir = tmp.resolve("results").resolve("exp");
        Process p = holder(dir);
        try {
            DeepgridException e = assertThrows(DeepgridException.class, () -> open(dir));
            assertTrue(e.getMessage().startsWith(dir + " is in use by another deepgrid run (pid " + p.pid() + ", started "),
                    e.getMessage());
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally; the OS drops the lock
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            try (ResultsStore store = open(dir)) {
                assertTrue(Files.readString(dir.resolve(".lock")).startsWith("pid " + MY_PID + ", started "));
            }
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void anotherProcessIsRefusedWhileThisOneHoldsTheFolder() throws Exception {
        Path dir = tmp.resolve("exp");
        try (ResultsStore store = open(dir)) {
            String answer = tryFromAnotherProcess(dir);
            assertTrue(answer.startsWith("refused: " + dir + " is in use by another deepgrid run (pid " + MY_PID), answer);
        }
        assertEquals("acquired", tryFromAnotherProcess(dir), "closing the store releases the folder");
    }

    @Test
    void aSecondOpenInTheSameProcessIsRefusedAndTheFirstKeepsTheLock() throws Exception {
        Path dir = tmp.resolve("exp");
        try (ResultsStore first = open(dir)) {
            DeepgridException e = assertThrows(DeepgridException.class, () -> open(dir));
            assertEquals(dir + " is already in use by this process (pid " + MY_PID + "); one runner per results folder",
                    e.getMessage());
            assertThrows(DeepgridException.class, () -> open(dir.resolve("..").resolve("exp")), "the same folder spelt otherwise");
            // the refused attempts must not have dropped the OS lock (closing a second channel would on Linux)
            String answer = tryFromAnotherProcess(dir);
            assertTrue(answer.startsWith("refused: "), answer);
        }
        try (ResultsStore again = open(dir)) {
            assertEquals(dir, again.dir());
        }
    }
}
