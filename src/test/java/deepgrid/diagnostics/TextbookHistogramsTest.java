package deepgrid.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.run.results.Csv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The textbook's weight-initialization figure (Deep Learning from Scratch, ch. 6.2; CS231n),
 * reproduced from deepgrid's own files: experiments/init-histograms.yaml as shipped (a 5-layer,
 * 100-unit net fed 1,000 Gaussian samples, epoch 0), read back from each run's histograms.csv.
 * Every bound below is far from the measured value (in the comments), not at noise level.
 */
class TextbookHistogramsTest {
    @TempDir
    static Path out;
    private static Runs.Done done;

    @BeforeAll
    static void runTheExample() {
        done = Runs.run(Path.of("experiments/init-histograms.yaml"), out, "init-histograms");
    }

    /** Layer position → counts per bin, in file order, at epoch 0. */
    private static Map<Integer, long[]> histograms(String init, String activation) throws IOException {
        Path run = done.where("model.init", init, "model.layers[*].activation", activation);
        Map<Integer, List<Long>> byLayer = new TreeMap<>();
        for (Map<String, String> r : Csv.read(run.resolve("histograms.csv"))) {
            assertEquals("0", r.get("epoch"));
            byLayer.computeIfAbsent(Integer.parseInt(r.get("layer")), l -> new ArrayList<>())
                    .add(Long.parseLong(r.get("count")));
        }
        Map<Integer, long[]> out = new TreeMap<>();
        byLayer.forEach((l, c) -> out.put(l, c.stream().mapToLong(Long::longValue).toArray()));
        assertEquals(5, out.size(), "five activation layers");
        out.values().forEach(c -> assertEquals(100_000, java.util.Arrays.stream(c).sum(), "1,000 samples × 100 units"));
        return out;
    }

    private static double share(long[] c, int... bins) {
        long n = 0;
        for (int b : bins) {
            n += c[b];
        }
        return (double) n / java.util.Arrays.stream(c).sum();
    }

    @Test
    void sigmoidWithStd1PilesUpAtZeroAndOne() throws IOException {
        // 30 bins over [0, 1]: the outermost are [0, 1/30) and [29/30, 1]; measured 0.61 to 0.74
        for (long[] c : histograms("{type: normal, std: 1}", "sigmoid").values()) {
            assertTrue(share(c, 0, 29) > 0.5, "most of the layer in the outermost bins: " + share(c, 0, 29));
        }
    }

    @Test
    void sigmoidWithStd001SqueezesTheDeepLayersAroundOneHalf() throws IOException {
        // bins 14 and 15 are [0.467, 0.5) and [0.5, 0.533); measured 0.98 to 1.00 in layers 2 to 5
        var layers = new ArrayList<>(histograms("{type: normal, std: 0.01}", "sigmoid").values());
        for (long[] c : layers.subList(1, 5)) {
            assertTrue(share(c, 14, 15) > 0.9, "deep layers around 0.5: " + share(c, 14, 15));
        }
    }

    @Test
    void sigmoidWithXavierSpreadsInBetween() throws IOException {
        // measured: outermost bins 0.00, the two middle bins 0.11 to 0.21
        for (long[] c : histograms("xavier_normal", "sigmoid").values()) {
            assertTrue(share(c, 0, 29) < 0.05, "not saturated: " + share(c, 0, 29));
            assertTrue(share(c, 14, 15) < 0.5, "not squeezed around 0.5: " + share(c, 14, 15));
        }
    }

    @Test
    void reluWithHeKeepsTheSpreadAndWithXavierShrinksIt() throws IOException {
        double[] he = rms(histograms("he_normal", "relu"));
        double[] xavier = rms(histograms("xavier_normal", "relu"));
        // measured: He 1.00 → 1.16 (ratio 1.16); Xavier 0.71, 0.56, 0.44, 0.33, 0.21 (ratio 0.29)
        assertTrue(he[4] / he[0] > 0.7 && he[4] / he[0] < 1.5, "He keeps the spread: " + he[4] / he[0]);
        assertTrue(xavier[4] / xavier[0] < 0.45, "Xavier shrinks it: " + xavier[4] / xavier[0]);
        for (int l = 1; l < 5; l++) {
            assertTrue(xavier[l] < xavier[l - 1], "layer by layer: " + java.util.Arrays.toString(xavier));
        }
    }

    /** Root mean square of each layer's outputs, from the bins of ReLU: [0, 0], 30 bins over [0, 5], (5, ∞). */
    private static double[] rms(Map<Integer, long[]> layers) {
        double[] out = new double[layers.size()];
        int k = 0;
        for (long[] c : layers.values()) {
            assertEquals(32, c.length, "the zero bin, 30 bins, the overflow bin");
            double sum = c[31] * 25.0; // beyond 5 (0.03% to 0.25% of He's values) counted at 5
            for (int b = 1; b <= 30; b++) { // the zero bin adds nothing
                double mid = (b - 0.5) * 5.0 / 30;
                sum += c[b] * mid * mid;
            }
            out[k++] = Math.sqrt(sum / java.util.Arrays.stream(c).sum());
        }
        return out;
    }
}
