package deepgrid.run.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.DeepgridException;
import deepgrid.data.DataLoader;
import deepgrid.run.Planner;
import deepgrid.run.RunSpec;
import deepgrid.run.ResultsCheck;
import deepgrid.run.grid.Outcomes;
import deepgrid.run.grid.Sweep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --shard I/N: a stable round-robin assignment; N shards train every run exactly once between them. */
class ShardTest {
    private static final Outcomes NONE = new Outcomes() {
        public java.util.Optional<deepgrid.run.results.RunRecord> result(String id) {
            return java.util.Optional.empty();
        }

        public List<java.util.Map<String, String>> epochs(String id) {
            return List.of();
        }
    };

    @TempDir
    Path tmp;

    private List<Planner.Plan> plans(String... names) throws Exception {
        DataLoader loader = new DataLoader();
        List<Planner.Plan> plans = new ArrayList<>();
        for (String n : names) {
            Path f = Files.writeString(tmp.resolve(n + ".yaml"), LauncherBlockTest.FILE.replace("name: t", "name: " + n)
                    + "repeats: 3\n");
            plans.add(Planner.plan(f, List.of(), loader::load));
        }
        return plans;
    }

    private static List<String> ids(List<Planner.Plan> plans) {
        List<String> ids = new ArrayList<>();
        for (Planner.Plan p : plans) {
            Sweep s = p.sweep();
            while (!s.done()) {
                s.next(NONE, 100).forEach(r -> ids.add(r.id()));
            }
        }
        return ids;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 12, 13})
    void theShardsTogetherHoldEveryRunOnceRoundRobinOverAllFiles(int n) throws Exception {
        List<String> all = ids(plans("a", "b")); // 2 files × 2 grid points × 3 repeats
        assertEquals(12, all.size());
        List<String> union = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> mine = ids(new Shard(i, n).select(plans("a", "b")));
            for (int k = 0; k < mine.size(); k++) {
                assertEquals(all.get(i + k * n), mine.get(k), "run " + (i + k * n) + " goes to shard " + i);
            }
            assertEquals(mine, ids(new Shard(i, n).select(plans("a", "b"))), "stable");
            union.addAll(mine);
        }
        assertEquals(all.size(), union.size());
        assertEquals(new java.util.HashSet<>(all), new java.util.HashSet<>(union));
    }

    @Test
    void aShardKnowsEveryRunForTheOrderOfRunsCsvButHandsOutItsOwnAndRetiresNothing() throws Exception {
        Planner.Plan p = new Shard(1, 4).select(plans("a")).get(0);
        assertEquals(6, p.runs().size());
        assertEquals(2, p.sweep().expected());
        assertFalse(p.sweep().complete());
    }

    @Test
    void parseSaysWhatIsAllowed() {
        assertEquals(new Shard(3, 4), Shard.parse(" 3/4 "));
        assertTrue(assertThrows(DeepgridException.class, () -> Shard.parse("4/4")).getMessage()
                .contains("shards of 4 are numbered 0 to 3 (as SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX count), found 4"));
        for (String bad : List.of("1", "a/b", "/4", "1/0", "-1/3", "1/")) {
            assertTrue(assertThrows(DeepgridException.class, () -> Shard.parse(bad)).getMessage()
                    .contains("expected I/N with whole numbers 0 ≤ I < N"), bad);
        }
    }

    @Test
    void aSearchCannotBeSharded() {
        Sweep search = new Sweep() {
            public List<RunSpec> known() {
                return List.of();
            }

            public boolean complete() {
                return false;
            }

            public List<RunSpec> next(Outcomes o, int room) {
                return List.of();
            }

            public boolean done() {
                return true;
            }
        };
        Planner.Plan p = new Planner.Plan(Path.of("s.yaml"), "s", List.of(), search);
        String m = assertThrows(DeepgridException.class, () -> new Shard(0, 2).select(List.of(p))).getMessage();
        assertTrue(m.contains("s.yaml: --shard splits the runs of a grid"), m);
    }

    @Test
    void shardsRunFromTheCommandLineFillOneFolderWithEveryRunOnce() throws Exception {
        Path f = Files.writeString(tmp.resolve("t.yaml"), LauncherBlockTest.FILE + "repeats: 2\n");
        Path out = tmp.resolve("results");
        for (int i = 0; i < 3; i++) {
            ResultsCheck.Cli c = ResultsCheck.Cli.run("run", f.toString(), "--out", out.toString(), "--shard", i + "/3");
            assertEquals(0, c.code(), c.err());
        }
        ResultsCheck.Cli none = ResultsCheck.Cli.run("run", f.toString(), "--out", out.toString(), "--shard", "5/6");
        assertTrue(none.err().contains("shard 5/6 has no runs (the files have 4): nothing to do"), none.err());
        assertEquals(4, ResultsCheck.finishedFolders(out.resolve("t")).size());
        assertEquals(4, ResultsCheck.runIds(out.resolve("t")).size());
        ResultsCheck.assertClean(out.resolve("t"));
        ResultsCheck.Cli again = ResultsCheck.Cli.run("run", f.toString(), "--out", out.toString());
        assertTrue(again.err().contains("4 already done"), again.err());
    }
}
