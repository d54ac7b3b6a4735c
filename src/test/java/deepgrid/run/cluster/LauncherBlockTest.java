package deepgrid.run.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.config.ConfigException;
import deepgrid.config.Problems;
import deepgrid.data.DataLoader;
import deepgrid.run.Planner;
import deepgrid.run.RunSpec;
import deepgrid.run.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher: block: bound with positioned errors, overridden by the command line, and no part of a run's identity. */
class LauncherBlockTest {
    static final String FILE = """
            name: t
            seed: 3
            data: {source: xor}
            model:
              layers:
                - dense: 4
                  activation: tanh
                - dense: 1
            loss: binary_cross_entropy
            optimizer: {type: sgd, lr: 0.1}
            training: {epochs: 2, batch_size: full}
            grid:
              optimizer.lr: [0.1, 0.01]
            """;

    @TempDir
    Path tmp;

    private static SlurmSettings read(String block) {
        Problems p = new Problems();
        SlurmSettings s = SlurmSettings.read(Trees.parse(FILE + block), p);
        p.throwIfAny();
        return s;
    }

    private static String problems(String block) {
        return assertThrows(ConfigException.class, () -> read(block)).getMessage();
    }

    @Test
    void absentBlockGivesTheDefaults() {
        assertEquals(SlurmSettings.DEFAULTS, read(""));
    }

    @Test
    void everyKeyIsRead() {
        SlurmSettings s = read("""
                launcher:
                  partition: gpu
                  time: 1:30:00
                  memory: 4G
                  cpus_per_task: 2
                  parallel: 8
                  runs_per_task: 3
                  sbatch: [--account=proj42, --qos=low]
                """);
        assertEquals(new SlurmSettings("gpu", "1:30:00", "4G", 2, 8, 3, List.of("--account=proj42", "--qos=low")), s);
        assertEquals(4096, s.memoryMegabytes());
        assertEquals(4000, read("launcher: {memory: 4000}").memoryMegabytes());
        assertEquals(List.of("--exclusive"), read("launcher: {sbatch: --exclusive}").sbatch());
        for (String t : List.of("90", "90:30", "2-00", "2-12:00", "2-12:00:00", "UNLIMITED")) {
            assertEquals(t, read("launcher: {time: \"" + t + "\"}").time());
        }
    }

    @Test
    void badValuesArePositionedAndSayWhatIsAllowed() {
        String m = problems("""
                launcher:
                  time: soon
                  memory: 4 GB
                  cpus_per_task: 0
                  partitoin: gpu
                  sbatch: [--array=0-3, account]
                """);
        assertTrue(m.contains(":15:9: launcher.time: found 'soon', expected a Slurm time limit such as 90 (minutes), 1:30:00"), m);
        assertTrue(m.contains(":16:11: launcher.memory: found '4 GB', expected a Slurm memory size"), m);
        assertTrue(m.contains(":17:18: launcher.cpus_per_task: found 0, expected an integer ≥ 1"), m);
        assertTrue(m.contains(":18:3: unknown key 'partitoin' in launcher (did you mean partition?)"), m);
        assertTrue(m.contains(":19:12: launcher.sbatch: found '--array=0-3', which deepgrid sets itself"), m);
        assertTrue(m.contains("launcher.sbatch: found 'account', expected one sbatch option starting with -"), m);
        assertTrue(problems("launcher: slurm").contains("launcher: found 'slurm', expected a map of settings"));
    }

    @Test
    void theCommandLineOverridesTheFile() {
        SlurmSettings file = read("launcher: {partition: cpu, time: \"10\", sbatch: [--qos=low]}");
        SlurmSettings s = file.with(Map.of("partition", "gpu", "parallel", "4"), List.of("--account=p"));
        assertEquals(new SlurmSettings("gpu", "10", "", 1, 4, 1, List.of("--qos=low", "--account=p")), s);
        String m = assertThrows(ConfigException.class, () -> file.with(Map.of("time", "soon"), List.of())).getMessage();
        assertTrue(m.startsWith("--time: launcher.time: found 'soon'"), m);
    }

    @Test
    void theBlockIsCheckedByPlanButChangesNoRunIdentity() throws IOException {
        Path plain = Files.writeString(tmp.resolve("plain.yaml"), FILE);
        Path with = Files.writeString(tmp.resolve("with.yaml"), FILE + "launcher: {partition: gpu, parallel: 3}\n");
        DataLoader loader = new DataLoader();
        List<String> a = Planner.plan(plain, List.of(), loader::load).runs().stream().map(RunSpec::id).toList();
        List<String> b = Planner.plan(with, List.of(), loader::load).runs().stream().map(RunSpec::id).toList();
        assertEquals(a, b);
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), FILE + "launcher: {parallel: many}\n");
        String m = assertThrows(ConfigException.class, () -> Planner.plan(bad, List.of(), loader::load)).getMessage();
        assertTrue(m.contains("bad.yaml:14:22: launcher.parallel: found 'many'"), m);
        String set = assertThrows(ConfigException.class,
                () -> Planner.plan(plain, List.of("launcher.time=soon"), loader::load)).getMessage();
        assertTrue(set.contains("launcher.time: found 'soon'"), set);
    }

    @Test
    void aSearchFileReportsItsLauncherProblemsWithItsSearchProblems() throws IOException {
        String search = FILE.replace("grid:\n  optimizer.lr: [0.1, 0.01]\n", "") + """
                search:
                  objective: train_loss
                  trials: 4
                  space:
                    optimizer.lr: {float: [1.0e-3, 0.0], log: true}
                launcher: {parallel: many}
                """;
        Path file = Files.writeString(tmp.resolve("s.yaml"), search);
        String m = assertThrows(ConfigException.class, () -> Planner.plan(file, List.of(), new DataLoader()::load))
                .getMessage();
        assertTrue(m.contains("launcher.parallel: found 'many'"), m);
        assertTrue(m.contains("optimizer.lr"), "the search's own problem in the same report: " + m);
        Path good = Files.writeString(tmp.resolve("g.yaml"), search.replace("0.0], log", "1.0], log")
                .replace("parallel: many", "parallel: 2"));
        assertTrue(Planner.plan(good, List.of(), new DataLoader()::load).runs().size() > 0, "a search with a launcher block");
        Path onlyLauncher = Files.writeString(tmp.resolve("l.yaml"), search.replace("0.0], log", "1.0], log"));
        String l = assertThrows(ConfigException.class, () -> Planner.plan(onlyLauncher, List.of(), new DataLoader()::load))
                .getMessage();
        assertTrue(l.contains("launcher.parallel: found 'many'"), "a valid search does not hide the launcher's problem: " + l);
    }
}
