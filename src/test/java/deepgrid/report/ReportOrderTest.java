package deepgrid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import deepgrid.run.results.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * summary.csv and comparisons.csv are a function of the plan and the run folders alone: the
 * order in which runs.csv lists the runs (the order they finished, while a queue runs with
 * --jobs 2 or more) changes no byte. Fabricated: activation [sigmoid, relu] (the file's order
 * is not the alphabet's) × lr [0.1, 0.01], seeds 0, 1, 2, whose test accuracies 0.1, 0.2, 0.3
 * sum differently in the other order: (0.1 + 0.2) + 0.3 = 0.6000000000000001 but
 * (0.3 + 0.2) + 0.1 = 0.6 in float64.
 */
class ReportOrderTest {
    private static final String ACT = "model.layers[*].activation";
    private static final String LR = "optimizer.lr";
    private static final double[] ACCURACY = {0.1, 0.2, 0.3};

    @TempDir
    Path dir;
    /** The run ids in plan order, as runs.csv lists them when the queue has ended. */
    private List<String> plan;
    private String summary;
    private String comparisons;

    @BeforeEach
    void fabricateInPlanOrder() throws IOException {
        Results r = new Results(dir, ACT, LR);
        for (String act : List.of("sigmoid", "relu")) {
            for (String lr : List.of("0.1", "0.01")) {
                for (int seed = 0; seed < 3; seed++) {
                    double offset = act.equals("relu") ? 0.5 : 0;
                    r.run("", act, lr).set("train_loss", Csv.num(1 - ACCURACY[seed])).write(seed,
                            ACCURACY[seed] + offset, 2 - ACCURACY[seed]);
                }
            }
        }
        r.writeRunsCsv();
        plan = Csv.read(dir.resolve("runs.csv")).stream().map(row -> row.get("run")).toList();
        Report.rebuild(dir);
        summary = Files.readString(dir.resolve("summary.csv"));
        comparisons = Files.readString(dir.resolve("comparisons.csv"));
    }

    @Test
    void theSumsFollowTheSeedsWhateverOrderRunsCsvListsAPointsRunsIn() throws IOException {
        List<String> lines = runsCsvLines();
        List<String> reordered = new ArrayList<>(List.of(lines.get(0)));
        for (int point = 0; point < 4; point++) { // the points in plan order, each point's seeds 2, 1, 0
            List<String> runs = new ArrayList<>(lines.subList(1 + 3 * point, 4 + 3 * point));
            Collections.reverse(runs);
            reordered.addAll(runs);
        }
        writeRunsCsv(reordered);

        Report.rebuild(dir);

        assertSameFiles("seeds listed 2, 1, 0 in every point");
    }

    @ParameterizedTest(name = "runs.csv shuffled with seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void withThePlanGivenRunsCsvMayListRunsInAnyOrder(long seed) throws IOException {
        List<String> lines = runsCsvLines();
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(rows, new Random(seed));
        List<String> shuffled = new ArrayList<>(List.of(lines.get(0)));
        shuffled.addAll(rows);
        assertNotEquals(lines, shuffled, "a real permutation");
        writeRunsCsv(shuffled);

        Report.rebuild(dir, plan);

        assertSameFiles("runs.csv shuffled with seed " + seed);
    }

    @Test
    void pointsAndPairsFollowThePlanWhenRunsFinishedInReverse() throws IOException {
        List<String> lines = runsCsvLines();
        List<String> reversed = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.reverse(reversed);
        reversed.add(0, lines.get(0));
        writeRunsCsv(reversed);

        Report.rebuild(dir, plan);

        assertSameFiles("runs.csv in reverse plan order");
        List<Map<String, String>> points = Csv.read(dir.resolve("summary.csv"));
        assertEquals(List.of("sigmoid/0.1", "sigmoid/0.01", "relu/0.1", "relu/0.01"),
                points.stream().map(p -> p.get(ACT) + "/" + p.get(LR)).toList());
        assertEquals("0.20000000000000004", points.get(0).get("test_accuracy_mean"), "(0.1 + 0.2 + 0.3) / 3, seed order");
        Map<String, String> pair = Csv.read(dir.resolve("comparisons.csv")).stream()
                .filter(c -> c.get("path").equals(ACT) && c.get("metric").equals("test_accuracy")).findFirst().orElseThrow();
        assertEquals(List.of("sigmoid", "relu", "optimizer.lr=0.1"), List.of(pair.get("value_a"), pair.get("value_b"),
                pair.get("fixed")), "A is the point that comes first in the file");
    }

    private List<String> runsCsvLines() throws IOException {
        return List.of(Files.readString(dir.resolve("runs.csv")).split("(?<=\n)"));
    }

    private void writeRunsCsv(List<String> lines) throws IOException {
        Files.writeString(dir.resolve("runs.csv"), String.join("", lines));
    }

    private void assertSameFiles(String how) throws IOException {
        assertEquals(summary, Files.readString(dir.resolve("summary.csv")), "summary.csv, " + how);
        assertEquals(comparisons, Files.readString(dir.resolve("comparisons.csv")), "comparisons.csv, " + how);
    }
}
