package deepgrid.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.run.results.Csv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** experiments/xor.yaml as shipped: its boundary maps agree with its accuracy and change with training. */
class XorBoundaryTest {
    private static final double[][] XOR = {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}};

    @Test
    void theLastMapClassifiesTheFourPointsAsTheAccuracySaysAndDiffersFromEpochZero(@TempDir Path out)
            throws IOException {
        Path run = Runs.run(Path.of("experiments/xor.yaml"), out, "xor").only();
        List<Map<String, String>> cells = Csv.read(run.resolve("boundary.csv"));
        Map<String, String> result = Csv.read(run.resolve("result.csv")).get(0);
        int last = Integer.parseInt(result.get("epochs"));
        assertEquals(List.of("0", "75", "150", "225", "300"),
                cells.stream().map(c -> c.get("epoch")).distinct().toList(), "0, ¼, ½, ¾ and the last epoch");

        int correct = 0;
        for (double[] p : XOR) {
            correct += predicted(cells, last, p[0], p[1]) == (int) p[2] ? 1 : 0;
        }
        assertEquals(Double.parseDouble(result.get("train_accuracy")), correct / 4.0, 0.0,
                "the map's class at the four points, against the run's train accuracy");
        assertEquals(4, correct, "xor.yaml learns XOR");

        List<Map<String, String>> first = cells.stream().filter(c -> c.get("epoch").equals("0")).toList();
        List<Map<String, String>> end = cells.stream().filter(c -> c.get("epoch").equals(Integer.toString(last))).toList();
        assertEquals(10_000, first.size(), "a 100 × 100 grid");
        int changed = 0;
        for (int k = 0; k < first.size(); k++) {
            assertEquals(first.get(k).get("x1") + "," + first.get(k).get("x2"), end.get(k).get("x1") + ","
                    + end.get(k).get("x2"), "every map lists the same cells in the same order");
            changed += first.get(k).get("class").equals(end.get(k).get("class")) ? 0 : 1;
        }
        assertTrue(changed > 1000, "epoch 0 and the last map differ in " + changed + " of 10,000 cells");

        List<Map<String, String>> points = Csv.read(run.resolve("boundary-points.csv"));
        assertEquals(4, points.size(), "the four training points");
    }

    @Test
    void mapsAreRecordedForTheFirstSeedOfEachGridPointOnly(@TempDir Path out) throws IOException {
        // 3 activations × 3 seeds (0, 1, 2) on the spiral
        Runs.Done done = Runs.run(Path.of("experiments/spiral-activations.yaml"), out, "spiral-activations",
                "training.epochs=3");
        int withMaps = 0;
        for (var e : done.runs().entrySet()) {
            boolean first = e.getKey().get("seed").equals("0");
            assertEquals(first, java.nio.file.Files.exists(e.getValue().resolve("boundary.csv")), e.getKey().toString());
            assertEquals(first, java.nio.file.Files.exists(e.getValue().resolve("boundary-points.csv")), e.getKey().toString());
            assertTrue(java.nio.file.Files.exists(e.getValue().resolve("histograms.csv")), "other diagnostics for every seed");
            withMaps += first ? 1 : 0;
        }
        assertEquals(3, withMaps, "one map set per grid point");
    }

    /** The class of the map cell at {@code epoch} whose centre is nearest (x1, x2). */
    private static int predicted(List<Map<String, String>> cells, int epoch, double x1, double x2) {
        Map<String, String> best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (Map<String, String> c : cells) {
            if (Integer.parseInt(c.get("epoch")) != epoch) {
                continue;
            }
            double d = Math.hypot(Double.parseDouble(c.get("x1")) - x1, Double.parseDouble(c.get("x2")) - x2);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return Integer.parseInt(best.get("class"));
    }
}
