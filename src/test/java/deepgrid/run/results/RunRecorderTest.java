package deepgrid.run.results;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.data.DataLoader;
import deepgrid.run.RunSpec;
import deepgrid.run.queue.Queue;
import deepgrid.train.HealthEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signal abandons a run from the shutdown hook while its training thread, which nothing
 * stops, may still be writing: the in-flight folder must go, and the claim with it, whatever
 * the training thread does meanwhile (it once created a diagnostics file in the folder being
 * removed, which then stayed behind, claim held).
 */
class RunRecorderTest {
    private static final String FILE = """
            name: r
            data: {source: xor}
            model:
              layers:
                - dense: 3
                  activation: tanh
                - dense: 1
            loss: binary_cross_entropy
            optimizer: {type: sgd, lr: 0.5}
            training: {epochs: 2, batch_size: full}
            """;

    @TempDir
    Path tmp;

    private RunSpec run() throws IOException {
        Path file = Files.writeString(tmp.resolve("r.yaml"), FILE);
        return new Queue(new DataLoader(), tmp.resolve("results")).plan(Queue.files(List.of(file)), List.of()).get(0)
                .runs().get(0);
    }

    private static Path inflight(ResultsFolder folder, RunSpec run, Claims.Held claim) {
        return folder.dir().resolve("runs").resolve(".inflight").resolve(run.id() + "." + claim.token());
    }

    @Test
    void anAbandonedRecorderDropsWhatItIsGivenAndRefusesToFinish() throws IOException {
        RunSpec run = run();
        try (ResultsFolder folder = ResultsFolder.open(tmp.resolve("exp"), List.of(), List.of())) {
            Claims.Held claim = folder.claims().tryClaim(run.id()).orElseThrow();
            RunRecorder recorder = folder.start(run, claim);
            recorder.classes(List.of("no", "yes"));
            recorder.close();
            assertFalse(Files.exists(inflight(folder, run, claim)), "the in-flight folder is removed");
            assertTrue(claim.lost() || folder.claims().tryClaim(run.id()).isPresent(), "the claim is released");

            // the training thread goes on: nothing it writes may throw or bring a file back
            assertDoesNotThrow(() -> {
                recorder.event(new HealthEvent(1, 1, "dense", HealthEvent.Type.DEAD_UNITS, 0.9, 0.5));
                recorder.classes(List.of("no", "yes"));
            });
            assertFalse(Files.exists(inflight(folder, run, claim)), "no file reappears");
            assertThrows(IOException.class, () -> recorder.finish(null, failure -> { }));
        }
    }

    @Test
    void abandoningWhileTheTrainingThreadWritesLeavesNothingBehind() throws Exception {
        RunSpec run = run();
        try (ResultsFolder folder = ResultsFolder.open(tmp.resolve("exp"), List.of(), List.of())) {
            for (int round = 0; round < 200; round++) {
                Claims.Held claim = folder.claims().tryClaim(run.id()).orElseThrow();
                RunRecorder recorder = folder.start(run, claim);
                CountDownLatch started = new CountDownLatch(1);
                Thread training = new Thread(() -> {
                    started.countDown();
                    for (int i = 0; i < 50; i++) { // each first write of a kind opens a new file in the folder
                        recorder.event(new HealthEvent(i, 1, "dense", HealthEvent.Type.DEAD_UNITS, 0.9, 0.5));
                        recorder.classes(List.of("no", "yes"));
                    }
                });
                training.start();
                started.await();
                recorder.close(); // as the shutdown hook does
                training.join();
                assertFalse(Files.exists(inflight(folder, run, claim)), "round " + round + ": the in-flight folder");
                Optional<Claims.Held> again = folder.claims().tryClaim(run.id());
                assertTrue(again.isPresent(), "round " + round + ": the claim is released");
                again.get().release();
            }
        }
    }
}
