package deepgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run's config.yaml keeps its grid point and variant, written so that they read back as the same text. */
class ConfigTextTest {
    @Test
    void runFileAppendsTheGridPointAndVariant() {
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("name", "demo");
        resolved.put("seed", 3);
        Map<String, String> point = new LinkedHashMap<>();
        point.put("optimizer", "{type: adam, lr: 0.001}");
        point.put("model.layers[*].activation", "relu");
        point.put("description", "a, b");
        point.put("data.path", "it's: here");
        assertEquals("""
                name: demo
                seed: 3
                grid: # this run's grid point
                  optimizer: [{type: adam, lr: 0.001}]
                  model.layers[*].activation: [relu]
                  description: ['a, b']
                  data.path: ['it''s: here']
                variants: # this run's variant, already merged above
                  - name: fast
                """, ConfigText.runFile(resolved, "fast", point));
    }

    @Test
    void theGridPointReadsBackAsTheSameText() {
        Map<String, String> point = new LinkedHashMap<>();
        point.put("optimizer", "{type: adam, lr: 0.001}");
        point.put("description", "a, b");
        point.put("data.path", "it's: here");
        point.put("optimizer.lr", "1e-3");
        point.put("data.label", "bell\u0007 and esc\u001b"); // written with escapes, double-quoted
        String text = ConfigText.runFile(Map.of("seed", 1), "", point);
        Node.MapNode grid = (Node.MapNode) ((Node.MapNode) YamlReader.parse("config.yaml",
                text.getBytes(StandardCharsets.UTF_8))).get("grid");
        point.forEach((path, value) ->
                assertEquals(value, ConfigText.flow(((Node.ListNode) grid.get(path)).items().get(0)), path));
    }

    @Test
    void noGridNoVariantIsTheResolvedConfigAlone() {
        assertEquals("seed: 1\n", ConfigText.runFile(Map.of("seed", 1), "", Map.of()));
    }
}
