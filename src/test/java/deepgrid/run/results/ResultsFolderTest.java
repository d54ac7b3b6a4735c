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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one owner of the results layout: what opening a folder clears (only what the dead left), runs.csv, states, links. */
class ResultsFolderTest {
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
    private static final Duration LEASE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;
    Path exp;
    List<String> ids;
    final Holders holders = new Holders();

    @BeforeEach
    void threeFinishedRuns() throws IOException {
        Path file = Files.writeString(tmp.resolve("s.yaml"), FILE);
        ResultsCheck.Cli cli = ResultsCheck.Cli.run("run", file.toString(), "--out", tmp.resolve("results").toString());
        assertEquals(Main.OK, cli.code(), cli.err());
        exp = tmp.resolve("results").resolve("s");
        ids = runIds(exp);
        assertEquals(3, ids.size());
        assertClean(exp);
    }

    @AfterEach
    void stopHolders() {
        holders.close();
    }

    private ResultsFolder open(List<String> order) throws IOException {
        return ResultsFolder.open(exp, List.of("optimizer.lr"), order);
    }

    private Path claims() {
        return exp.resolve("runs").resolve(".claims");
    }

    private Path inflight(String id, Owner owner) throws IOException {
        Path dir = Files.createDirectories(exp.resolve("runs").resolve(".inflight").resolve(id + "." + owner.token()));
        Files.writeString(dir.resolve("metrics.csv"), "epoch,train_loss\n0,0.69\n");
        return dir;
    }

    @Test
    void openingClearsWhatDeadProcessesLeftAndNothingElse() throws Exception {
        Owner dead = holders.dead();
        Owner live = holders.live();
        Holders.claim(claims(), "dead_s0-12345678", dead, LEASE, Duration.ZERO);
        Path deadRun = inflight("dead_s0-12345678", dead);
        Holders.claim(claims(), "live_s0-12345678", live, LEASE, Duration.ofHours(1));
        Path liveRun = inflight("live_s0-12345678", live);
        Path orphan = inflight("orphan_s0-12345678", Holders.elsewhere()); // no claim names it
        Path deadTemp = Files.writeString(exp.resolve(".runs.csv.tmp-" + dead.pid() + "@" + dead.host() + "@7"), "half");
        Path liveTemp = Files.writeString(exp.resolve(".summary.csv.tmp-" + live.pid() + "@" + live.host() + "@7"), "half");
        Holders.claim(exp.resolve(".runners"), dead.token(), dead, LEASE, Duration.ZERO);

        try (ResultsFolder folder = open(ids)) {
            assertFalse(Files.exists(claims().resolve("dead_s0-12345678")));
            assertFalse(Files.exists(deadRun));
            assertFalse(Files.exists(orphan));
            assertFalse(Files.exists(deadTemp));
            assertFalse(Files.exists(exp.resolve(".runners").resolve(dead.token())));
            assertTrue(Files.exists(claims().resolve("live_s0-12345678")), "a live process's claim stays");
            assertTrue(Files.exists(liveRun.resolve("metrics.csv")), "and so does its run");
            assertTrue(Files.exists(liveTemp), "and its temp file");
            assertEquals(ResultsFolder.State.RUNNING, folder.state("live_s0-12345678"));
            assertEquals(ids, runIds(exp));
        }
    }

    @Test
    void runsCsvFollowsThePlanOrderThenListsOtherRunsByName() throws IOException {
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        try (ResultsFolder folder = open(List.of(reversed.get(0), reversed.get(1)))) {
            assertEquals(List.of(reversed.get(0), reversed.get(1), reversed.get(2)), runIds(exp),
                    "a run not in the plan (an earlier version of the file) is kept, after the planned ones");
        }
    }

    @Test
    void aRowLostToAPowerCutOrATornLastLineIsRepairedFromTheRunFolders() throws IOException {
        Path csv = exp.resolve("runs.csv");
        String whole = Files.readString(csv);
        Files.writeString(csv, whole.substring(0, whole.length() - 20)); // the last row torn
        try (ResultsFolder folder = open(ids)) {
            assertEquals(whole, Files.readString(csv));
        }
        List<String> lines = new ArrayList<>(whole.lines().toList());
        lines.remove(2); // a row missing
        Files.writeString(csv, String.join("\n", lines) + "\n");
        try (ResultsFolder folder = open(ids)) {
            assertEquals(whole, Files.readString(csv));
        }
    }

    @Test
    void failedRunsAreNotFinished() throws IOException {
        Path result = exp.resolve("runs").resolve(ids.get(0)).resolve("result.csv");
        Files.writeString(result, Files.readString(result).replace(",completed,", ",failed,"));
        try (ResultsFolder folder = open(ids)) {
            assertEquals(ResultsFolder.State.FAILED, folder.state(ids.get(0)));
            assertEquals(ResultsFolder.State.DONE, folder.state(ids.get(1)));
            assertEquals(ResultsFolder.State.NEW, folder.state("other_s0-00000000"));
            assertEquals("failed", runs(exp).get(0).get("status"));
        }
    }

    @Test
    void gridColumnsOfAnEarlierVersionOfTheFileAreKept() throws IOException {
        try (ResultsFolder folder = ResultsFolder.open(exp, List.of("training.epochs"), ids)) {
            List<String> header = new ArrayList<>(runs(exp).get(0).keySet());
            assertEquals(List.of("run", "status", "variant", "seed", "training.epochs", "optimizer.lr", "epochs"),
                    header.subList(0, 7));
            assertTrue(runs(exp).stream().allMatch(r -> r.get("training.epochs").isEmpty()));
        }
    }

    @Test
    void aDamagedResultIsNamedAndTheFolderIsLeftAsItWas() throws IOException {
        Path result = exp.resolve("runs").resolve(ids.get(0)).resolve("result.csv");
        String good = Files.readString(result);
        Files.writeString(result, good.replace(",completed,", ",finished,")); // edited by hand
        DeepgridException e = assertThrows(DeepgridException.class, () -> open(ids));
        assertEquals(result + ": status is 'finished', expected one of completed, diverged, failed or pruned",
                e.getMessage());
        assertFalse(Files.exists(exp.resolve(".runners").resolve(Owner.self().token())), "not left registered");
        Files.writeString(result, good);
        try (ResultsFolder folder = open(ids)) {
            assertEquals(ResultsFolder.State.DONE, folder.state(ids.get(0)));
        }
    }

    @Test
    void freshNeedsTheFolderAlone() throws Exception {
        Owner live = holders.live();
        Path registration = Holders.claim(exp.resolve(".runners"), live.token(), live, LEASE, Duration.ZERO);
        try (ResultsFolder folder = open(ids)) {
            DeepgridException e = assertThrows(DeepgridException.class, folder::fresh);
            assertTrue(e.getMessage().startsWith(exp + " is in use by another deepgrid process; --fresh needs the folder alone"),
                    e.getMessage());
            assertTrue(Files.exists(exp.resolve("runs").resolve(ids.get(0))), "nothing moved");
        }
        Files.delete(registration);
        try (ResultsFolder folder = open(ids)) {
            folder.fresh();
            assertFalse(Files.exists(exp.resolve("runs").resolve(ids.get(0))));
        }
    }

    @Test
    void reportNeverWritesThroughALink() throws IOException {
        Path outside = Files.writeString(tmp.resolve("bashrc"), "export PATH=/bin\n");
        for (String name : List.of("runs.csv", "summary.csv", "comparisons.csv", "report.html", ".lock")) {
            Files.delete(exp.resolve(name).toFile().exists() ? exp.resolve(name) : Files.createFile(exp.resolve(name)));
            Files.createSymbolicLink(exp.resolve(name), outside);
        }
        ResultsCheck.Cli cli = ResultsCheck.Cli.run("report", exp.toString());
        assertEquals(Main.OK, cli.code(), cli.err());
        assertEquals("export PATH=/bin\n", Files.readString(outside));
        for (String name : List.of("runs.csv", "summary.csv", "comparisons.csv", "report.html")) {
            assertFalse(Files.isSymbolicLink(exp.resolve(name)), name + " replaced by a regular file");
        }
        assertEquals(ids.stream().sorted().toList(), runIds(exp), "every run, by name: the order went with runs.csv");
    }
}
