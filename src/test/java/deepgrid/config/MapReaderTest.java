package deepgrid.config;

import deepgrid.math.Range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.data.DataLoader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed reading with defaults: every value read, given or defaulted, lands in the resolved config. */
class MapReaderTest {
    private static Node tree(String yaml) {
        return YamlReader.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> messages(Problems problems) {
        return problems.list().stream().sorted().map(Problem::toString).toList();
    }

    @Test
    void defaultsAndGivenValuesAreResolvedInReadingOrderWithTheirTypes() {
        Problems problems = new Problems();
        MapReader r = MapReader.of(tree("lr: 0.5\nname: x\n"), new Pos("t.yaml", 1, 1), "", problems);
        assertEquals(10, r.integer("epochs", 10, Range.atLeast(0)));
        assertEquals(0.5, r.number("lr", 0.01, Range.above(0)));
        assertEquals(true, r.bool("shuffle", true));
        assertEquals("x", r.string("name", "default"));
        r.finish();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("epochs", 10);
        expected.put("lr", 0.5);
        expected.put("shuffle", true);
        expected.put("name", "x");
        assertEquals(expected, r.resolved());
        assertTrue(problems.isEmpty());
    }

    @Test
    void childrenNestTheirResolvedValues() {
        Problems problems = new Problems();
        MapReader top = MapReader.of(tree("training: {epochs: 3}\n"), new Pos("t.yaml", 1, 1), "", problems);
        MapReader training = top.child("training");
        training.integer("epochs", 10, Range.atLeast(0));
        training.integer("patience", 5, Range.atLeast(1));
        MapReader absent = top.child("regularization");
        absent.number("l2", 0.0, Range.atLeast(0));
        assertEquals("{training={epochs=3, patience=5}, regularization={l2=0.0}}", top.resolved().toString());
        assertEquals("training.epochs", training.path("epochs"));
    }

    @Test
    void choicesResolveToTheNameAloneOrTypeWithEveryOption() {
        Problems problems = new Problems();
        MapReader r = MapReader.of(tree("init: he_normal\nact: {type: leaky_relu}\n"), new Pos("t.yaml", 1, 1), "",
                problems);
        r.choice("init", Catalog.INITIALIZERS, "xavier_uniform");
        r.choice("bias_init", Catalog.INITIALIZERS, "zeros");
        r.choice("act", Catalog.ACTIVATIONS, null);
        assertEquals("{init=he_normal, bias_init=zeros, act={type=leaky_relu, alpha=0.01}}", r.resolved().toString());
        assertTrue(problems.isEmpty());
    }

    @Test
    void problemsAreCollectedNotThrown() {
        Problems problems = new Problems();
        MapReader r = MapReader.of(tree("epochs: -1\nlr: .nan\nshuffle: yes\nepoch: 3\n"), new Pos("t.yaml", 1, 1),
                "training", problems);
        r.integer("epochs", 10, Range.atLeast(0));
        r.number("lr", 0.01, Range.above(0));
        r.bool("shuffle", true);
        r.integer("batch_size", null, Range.atLeast(1));
        r.finish();
        assertEquals(List.of(
                "t.yaml:1:1: missing 'training.batch_size' (an integer ≥ 1)",
                "t.yaml:1:9: training.epochs: found -1, expected an integer ≥ 0",
                "t.yaml:2:5: training.lr: found '.nan', expected a finite number > 0",
                "t.yaml:3:10: training.shuffle: found 'yes' (YAML 1.1's yes/no/on/off are not booleans here),"
                        + " expected true or false",
                "t.yaml:4:1: unknown key 'epoch' in training (did you mean epochs?)"), messages(problems));
    }

    @Test
    void allowedOptionalKeysAreSuggestedAndUnknownKeysListTheAllowedOnes() {
        Problems problems = new Problems();
        MapReader r = MapReader.of(tree("clip_grad_nrom: 1\nzzz: 2\n"), new Pos("t.yaml", 1, 1), "training", problems);
        r.allow("clip_grad_norm");
        r.integer("epochs", 10, Range.atLeast(0));
        r.finish();
        assertEquals(List.of("t.yaml:1:1: unknown key 'clip_grad_nrom' in training (did you mean clip_grad_norm?)",
                "t.yaml:2:1: unknown key 'zzz' in training; allowed: clip_grad_norm, epochs"), messages(problems));
    }

    @Test
    void aValueThatIsNotAMapIsAProblemAndReadsAsEmpty() {
        Problems problems = new Problems();
        MapReader r = MapReader.of(tree("[1, 2]"), new Pos("t.yaml", 1, 1), "training", problems);
        assertEquals(10, r.integer("epochs", 10, Range.atLeast(0)));
        assertEquals(List.of("t.yaml:1:1: training: found a list, expected a map of settings"), messages(problems));
    }

    @Test
    void aMinimalFileResolvesEveryDefault() {
        Node root = tree("data: {source: xor}\nmodel:\n  layers:\n    - dense: 1\nloss: binary_cross_entropy\n");
        ExperimentSpec spec = ExperimentBinder.bind(root, "minimal", new DataLoader()::load);
        assertEquals("""
                name: minimal
                description: ''
                seed: 0
                repeats: 1
                data:
                  source: xor
                  validation: 0.0
                  normalize: none
                  seed: 0
                model:
                  init: xavier_uniform
                  bias_init: zeros
                  layers:
                  - dense: 1
                loss: binary_cross_entropy
                optimizer:
                  type: sgd
                  lr: 0.01
                  schedule: constant
                regularization:
                  l1: 0.0
                  l2: 0.0
                training:
                  epochs: 10
                  batch_size: 32
                  shuffle: true
                diagnostics:
                  probe: 1000
                  layers: true
                  histograms:
                    epochs:
                    - 0
                    - last
                    bins: 30
                  boundary:
                    epochs:
                    - 0
                    - 2
                    - 5
                    - 7
                    - last
                    resolution: 100
                  confusion:
                    mistakes: 10
                  events:
                    vanishing: 0.001
                    exploding: 1000.0
                    dead: 0.5
                    saturated: 0.5
                    update_ratio_high: 1.0
                    update_ratio_low: 1.0E-6
                    stuck_epochs: 3
                    diverging: 10.0
                """, ConfigText.toYaml(spec.resolved()));
    }
}
