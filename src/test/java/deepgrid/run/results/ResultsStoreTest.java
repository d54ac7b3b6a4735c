package deepgrid.run.results;

import static deepgrid.run.ResultsCheck.assertClean;
import static deepgrid.run.ResultsCheck.runIds;
import static deepgrid.run.ResultsCheck.runs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.DeepgridException;
import deepgrid.cli.Main;
import deepgrid.run.ResultsCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What opening a results folder does with what an interrupted process left, and how runs.csv is rebuilt. */
class ResultsStoreTest {
    static final String FILE = """
            name: s
            data: {source: xor}
            model:
              layers:
                - dense: 3
                  activation: tanh
                - dense: 1
            loss: binary_cross_entropy
            optimizer: {type: sgd, lr: 0.5}
            training: {epochs: 2, batch_size: full}
            grid:
              optimizer.lr: [0.5, 0.1, 0.05]
            """;

    @TempDir
    Path tmp;
    Path exp;
    List<String> ids;

    @BeforeEach
    void threeFinishedRuns() throws IOException {
        Path file = Files.writeString(tmp.resolve("s.yaml"), FILE);
        ResultsCheck.Cli cli = ResultsCheck.Cli.run("run", file.toString(), "--out", tmp.resolve("results").toString());
        assertEquals(Main.OK, cli.code(), cli.err());
        exp = tmp.resolve("results").resolve("s");
        ids = runIds(exp);
        assertEquals(3, ids.size());
    }

    private ResultsStore open(List<String> order) throws IOException {
        return ResultsStore.open(exp, List.of("optimizer.lr"), order);
    }

    @Test
    void openingRemovesWhatAKilledProcessLeftAndRebuildsRunsCsv() throws IOException {
        Path inflight = Files.createDirectories(exp.resolve("runs").resolve(".inflight").resolve("other_s0-12345678"));
        Files.writeString(inflight.resolve("metrics.csv"), "epoch,train_loss\n0,0.69\n1,0.6");
        Files.writeString(exp.resolve(".runs.csv.tmp-999-1"), "run,status\nhalf");
        Files.writeString(exp.resolve("runs").resolve(ids.get(1)).resolve(".result.csv.tmp-999-7"), "run");
        Files.writeString(exp.resolve("runs.csv"), "run,status\nstale,comp"); // never happens (atomic), but is rebuilt
        try (ResultsStore store = open(ids)) {
            assertFalse(Files.exists(exp.resolve("runs").resolve(".inflight")));
            assertEquals(ids, runIds(exp));
            assertEquals(Set.copyOf(ids), store.finished());
        }
        assertClean(exp);
    }

    @Test
    void runsCsvFollowsThePlanOrderThenListsOtherRunsByName() throws IOException {
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        try (ResultsStore store = open(List.of(reversed.get(0), reversed.get(1)))) {
            assertEquals(List.of(reversed.get(0), reversed.get(1), reversed.get(2)), runIds(exp),
                    "a run not in the plan (an earlier version of the file) is kept, after the planned ones");
        }
    }

    @Test
    void failedRunsAreNotFinished() throws IOException {
        Path result = exp.resolve("runs").resolve(ids.get(0)).resolve("result.csv");
        Files.writeString(result, Files.readString(result).replace(",completed,", ",failed,"));
        try (ResultsStore store = open(ids)) {
            assertEquals(Set.of(ids.get(1), ids.get(2)), store.finished());
            assertEquals("failed", runs(exp).get(0).get("status"));
        }
    }

    @Test
    void gridColumnsOfAnEarlierVersionOfTheFileAreKept() throws IOException {
        try (ResultsStore store = ResultsStore.open(exp, List.of("training.epochs"), ids)) {
            List<String> header = new ArrayList<>(runs(exp).get(0).keySet());
            assertEquals(List.of("run", "status", "variant", "seed", "training.epochs", "optimizer.lr", "epochs"),
                    header.subList(0, 7));
            assertTrue(runs(exp).stream().allMatch(r -> r.get("training.epochs").isEmpty()));
        }
    }

    @Test
    void aFolderThatFailsToOpenIsNotLeftLocked() throws IOException {
        Path result = exp.resolve("runs").resolve(ids.get(0)).resolve("result.csv");
        String good = Files.readString(result);
        Files.writeString(result, good + "one,cell\n"); // edited by hand: a short row
        DeepgridException e = assertThrows(DeepgridException.class, () -> open(ids));
        assertTrue(e.getMessage().startsWith(result + ":3: Not enough column values"), e.getMessage());
        Files.writeString(result, good);
        try (ResultsStore store = open(ids)) {
            assertEquals(Set.copyOf(ids), store.finished());
        }
    }
}
