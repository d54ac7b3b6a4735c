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

/** Training-health events of runs that go wrong on purpose: events.csv, and one stderr line per event. */
class EventsTest {

    private static List<Map<String, String>> events(Runs.Done done) throws IOException {
        return Csv.read(done.only().resolve("events.csv"));
    }

    private static List<String> names(List<Map<String, String>> events) {
        return events.stream().map(e -> e.get("event")).toList();
    }

    @Test
    void learningRate10GetsUpdateRatioHighAndDivergingAtEpoch1(@TempDir Path out) throws IOException {
        Runs.Done done = Runs.run(Runs.resource("lr-10.yaml"), out, "lr-10");
        List<Map<String, String>> events = events(done);
        Map<String, String> high = events.stream().filter(e -> e.get("event").equals("update_ratio_high")).findFirst()
                .orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals("1", high.get("epoch"));
        assertTrue(Double.parseDouble(high.get("value")) > 0.5, "a step moves the weights by more than half their size");
        assertEquals("1", high.get("threshold"), "a step as large as the weights: 1000× the rule of thumb");
        Map<String, String> diverging = events.stream().filter(e -> e.get("event").equals("diverging")).findFirst()
                .orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals("1", diverging.get("epoch"));
        assertEquals("", diverging.get("layer"), "the whole network");
        double lossAtEpoch0 = Double.parseDouble(Csv.read(done.only().resolve("metrics.csv")).get(0).get("train_loss"));
        assertEquals(10 * lossAtEpoch0, Double.parseDouble(diverging.get("threshold")), 1e-9);
        assertTrue(Double.parseDouble(diverging.get("value")) > 10 * lossAtEpoch0);
        for (Map<String, String> e : events) {
            assertEquals(1, done.stderr().lines().filter(l -> l.contains(": epoch " + e.get("epoch")) && l.contains(
                    ": " + e.get("event") + ": ") && l.contains(e.get("layer").isEmpty() ? "" : "layer " + e.get("layer")
                    + " ")).count(), "one stderr line for " + e + " in\n" + done.stderr());
        }
    }

    @Test
    void tenSigmoidLayersWithXavierWeightsGetVanishingGradients(@TempDir Path out) throws IOException {
        List<Map<String, String>> events = events(Runs.run(Runs.resource("deep-sigmoid-xavier.yaml"), out,
                "deep-sigmoid-xavier"));
        Map<String, String> vanishing = events.stream().filter(e -> e.get("event").equals("vanishing_gradients"))
                .findFirst().orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals("1", vanishing.get("epoch"), "after the first epoch of training");
        assertEquals("1", vanishing.get("layer"), "the first layer");
        assertEquals("dense(100)", vanishing.get("kind"));
        assertTrue(Double.parseDouble(vanishing.get("value")) < 1e-5, "measured 2e-7: " + vanishing);
        assertEquals(1, events.stream().filter(e -> e.get("event").equals("vanishing_gradients")).count(), "once");
    }

    @Test
    void tenSigmoidLayersWithStd1Saturate(@TempDir Path out) throws IOException {
        // std 1 saturates most units from epoch 0; the first layer's gradient norm stays within about
        // 20× of the last layer's (measured 0.05): the large weights make up for the flat slopes
        List<Map<String, String>> events = events(Runs.run(Runs.resource("deep-sigmoid-std1.yaml"), out,
                "deep-sigmoid-std1"));
        List<Map<String, String>> saturated = events.stream().filter(e -> e.get("event").equals("saturated")).toList();
        assertTrue(saturated.stream().anyMatch(e -> e.get("epoch").equals("0")), events.toString());
        assertTrue(saturated.stream().allMatch(e -> e.get("kind").equals("sigmoid")
                && Double.parseDouble(e.get("value")) > 0.5), saturated.toString());
        assertEquals(List.of(), names(events).stream().filter(n -> n.equals("vanishing_gradients")).toList());
    }
}
