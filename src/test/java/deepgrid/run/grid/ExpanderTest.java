package deepgrid.run.grid;

import static deepgrid.run.Trees.parse;
import static deepgrid.run.Trees.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.config.ConfigException;
import deepgrid.config.Problem;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §1.6: grid paths, [*], map values, cartesian order, variants, repeats; problems reported all at once. */
class ExpanderTest {
    /** Four layers; only the two hidden dense layers have an activation key. */
    static final String BASE = """
            name: t
            seed: 7
            data: {source: xor}
            model:
              layers:
                - dense: 4
                  activation: tanh
                - dropout: 0.1
                - dense: 4
                  activation: tanh
                - dense: 1
            loss: binary_cross_entropy
            optimizer: {type: momentum, lr: 0.5, momentum: 0.9}
            training: {epochs: 1, batch_size: full}
            """;

    private static List<Expander.Point> expand(String extra) {
        return Expander.expand(parse(BASE + extra));
    }

    @Test
    void withoutGridThereIsOnePointWithNoCoordinates() {
        List<Expander.Point> points = expand("");
        assertEquals(1, points.size());
        assertEquals(Map.of(), points.get(0).coordinates());
        assertEquals("", points.get(0).variant());
        assertEquals("7", text(points.get(0).tree(), "seed"));
    }

    @Test
    void starSetsEveryLayerThatHasTheKeyAndSkipsTheOthers() {
        List<Expander.Point> points = expand("grid:\n  model.layers[*].activation: [relu, sigmoid]\n");
        assertEquals(2, points.size());
        for (String act : List.of("relu", "sigmoid")) {
            var tree = points.get(act.equals("relu") ? 0 : 1).tree();
            assertEquals(act, text(tree, "model.layers[0].activation"));
            assertEquals(act, text(tree, "model.layers[2].activation"));
            assertNull(text(tree, "model.layers[1].activation"), "dropout has no activation: not added");
            assertNull(text(tree, "model.layers[3].activation"), "the output layer has none: not added");
            assertEquals("0.1", text(tree, "model.layers[1].dropout"));
        }
        assertEquals(Map.of("model.layers[*].activation", "relu"), points.get(0).coordinates());
    }

    @Test
    void mapValuesReplaceTheWholeValue() {
        List<Expander.Point> points = expand("""
                grid:
                  optimizer: [{type: sgd, lr: 0.1}, {type: adam, lr: 0.001}]
                """);
        assertEquals(List.of("{type: sgd, lr: 0.1}", "{type: adam, lr: 0.001}"),
                points.stream().map(p -> text(p.tree(), "optimizer")).toList());
        assertNull(text(points.get(0).tree(), "optimizer.momentum"), "a grid value replaces, it does not merge");
        assertEquals("{type: adam, lr: 0.001}", points.get(1).coordinates().get("optimizer"));
    }

    @Test
    void cartesianProductVariesTheFirstPathSlowestAndRepeatsInnermost() {
        List<Expander.Point> points = expand("""
                repeats: 2
                grid:
                  optimizer.lr: [0.1, 0.01]
                  training.batch_size: [1, 2, full]
                """);
        List<String> order = points.stream()
                .map(p -> text(p.tree(), "optimizer.lr") + "/" + text(p.tree(), "training.batch_size") + "/" + p.repeat())
                .toList();
        assertEquals(List.of("0.1/1/0", "0.1/1/1", "0.1/2/0", "0.1/2/1", "0.1/full/0", "0.1/full/1",
                "0.01/1/0", "0.01/1/1", "0.01/2/0", "0.01/2/1", "0.01/full/0", "0.01/full/1"), order);
        assertEquals(List.of("optimizer.lr", "training.batch_size"), List.copyOf(points.get(0).coordinates().keySet()));
        assertEquals("0.5", text(expand("").get(0).tree(), "optimizer.lr"), "the base file is not changed");
    }

    @Test
    void repeatsGiveSeedsSeedPlusRWithTheDataSeedPinned() {
        List<Expander.Point> points = expand("repeats: 3\n");
        assertEquals(List.of("7", "8", "9"), points.stream().map(p -> text(p.tree(), "seed")).toList());
        assertEquals(List.of(0, 1, 2), points.stream().map(Expander.Point::repeat).toList());
        for (Expander.Point p : points) {
            assertEquals("7", text(p.tree(), "data.seed"), "every repeat sees the same data split");
            assertEquals("1", text(p.tree(), "repeats"));
            assertNull(text(p.tree(), "grid"));
            assertNull(text(p.tree(), "variants"));
        }
    }

    @Test
    void anExplicitDataSeedIsKept() {
        String yaml = BASE.replace("data: {source: xor}", "data: {source: xor, seed: 42}") + "repeats: 2\n";
        List<Expander.Point> points = Expander.expand(parse(yaml));
        assertEquals(List.of("42", "42"), points.stream().map(p -> text(p.tree(), "data.seed")).toList());
        assertEquals(List.of("7", "8"), points.stream().map(p -> text(p.tree(), "seed")).toList());
    }

    @Test
    void variantsAreCrossedWithTheGridAndDeepMerged() {
        List<Expander.Point> points = expand("""
                variants:
                  - name: adam
                    optimizer: {type: adam}
                  - name: shallow
                    model:
                      layers:
                        - dense: 1
                grid:
                  optimizer.lr: [0.1, 0.01]
                """);
        assertEquals(List.of("adam", "adam", "shallow", "shallow"), points.stream().map(Expander.Point::variant).toList());
        var adam = points.get(1).tree();
        // maps merge key by key: type replaced, momentum kept, lr from the grid on top of the variant
        assertEquals("{type: adam, lr: 0.01, momentum: 0.9}", text(adam, "optimizer"));
        assertEquals("4", text(adam, "model.layers[0].dense"), "the variant did not touch model");
        var shallow = points.get(2).tree();
        assertEquals("[{dense: 1}]", text(shallow, "model.layers"), "a list replaces, it does not merge");
        assertEquals("{type: momentum, lr: 0.1, momentum: 0.9}", text(shallow, "optimizer"));
        assertNull(text(shallow, "name.name"));
        assertEquals("t", text(shallow, "name"), "the variant's name is not the experiment's");
    }

    @Test
    void aVariantMaySetItsOwnSeedAndRepeats() {
        List<Expander.Point> points = expand("variants:\n  - {name: a}\n  - {name: b, seed: 100, repeats: 2}\n");
        assertEquals(List.of("7", "100", "101"), points.stream().map(p -> text(p.tree(), "seed")).toList());
    }

    @Test
    void aVariantMaySetItsOwnSeed() {
        List<Expander.Point> points = expand("variants:\n  - {name: a}\n  - {name: b, seed: 100}\n");
        assertEquals(List.of("7", "100"), points.stream().map(p -> text(p.tree(), "seed")).toList());
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("a scalar instead of a list", "grid:\n  optimizer.lr: 0.1\n",
                        List.of("t.yaml:16:17: grid.optimizer.lr: found '0.1', expected a non-empty list of values, e.g. [0.1, 0.01]")),
                Arguments.of("an empty list", "grid:\n  optimizer.lr: []\n",
                        List.of("t.yaml:16:17: grid.optimizer.lr: found a list, expected a non-empty list of values, e.g. [0.1, 0.01]")),
                Arguments.of("grid not a map", "grid: [1, 2]\n",
                        List.of("t.yaml:15:7: grid: found a list, expected a map of path: [values]")),
                Arguments.of("every problem at once", """
                        grid:
                          optimizer.lr: 0.1
                          model.layers[x].activation: [relu]
                          model.layers[9].dense: [8, 16]
                          model.layers[*].momentum: [0.9]
                          training.epochs: [1]
                        """, List.of(
                        "t.yaml:16:17: grid.optimizer.lr: found '0.1', expected a non-empty list of values, e.g. [0.1, 0.01]",
                        "t.yaml:17:3: bad path 'model.layers[x].activation' at character 13; expected keys and indexes"
                                + " like model.layers[0].dense or model.layers[*].activation",
                        "t.yaml:18:3: model.layers[9].dense: index 9 is past the end of 'model.layers' (4 elements)",
                        "t.yaml:19:3: model.layers[*].momentum: no element of 'model.layers' has 'momentum'")),
                Arguments.of("variants and grid together", """
                        variants:
                          - {optimizer: {type: adam}}
                        grid:
                          optimizer.lr: 0.1
                        """, List.of(
                        "t.yaml:16:5: variants: each variant is a map with a name, e.g. - {name: adam, optimizer: adam}",
                        "t.yaml:18:17: grid.optimizer.lr: found '0.1', expected a non-empty list of values, e.g. [0.1, 0.01]")));
    }

    /** Issue 14 items 1, 2 and 14: seed and repeats by one rule wherever written; what a grid cannot vary; repeated values. */
    static Stream<Arguments> silentNonsense() {
        return Stream.of(
                Arguments.of("seed -5", "seed: -5\n", "t.yaml:15:7: seed: found -5, expected an integer ≥ 0"),
                Arguments.of("seed abc", "seed: abc\n", "t.yaml:15:7: seed: found 'abc', expected an integer ≥ 0"),
                Arguments.of("seed 1.5", "seed: 1.5\n", "t.yaml:15:7: seed: found 1.5 (not whole), expected an integer ≥ 0"),
                Arguments.of("seed a list", "seed: [1, 2]\n", "t.yaml:15:7: seed: found a list, expected an integer ≥ 0"),
                Arguments.of("seed a date", "seed: 2024-01-01\n",
                        "t.yaml:15:7: seed: found '2024-01-01', expected an integer ≥ 0"),
                Arguments.of("seed 20 digits", "seed: 12345678901234567890\n",
                        "t.yaml:15:7: seed: found 12345678901234567890 (too large), expected an integer ≥ 0"),
                Arguments.of("seed 11 digits", "seed: 99999999999\n",
                        "t.yaml:15:7: seed: found 99999999999 (more than 2147483647), expected an integer ≥ 0"),
                Arguments.of("seed null", "seed: ~\n",
                        "t.yaml:15:7: seed: found nothing (null), expected an integer ≥ 0; leave the key out for the default (0)"),
                Arguments.of("repeats -2", "repeats: -2\n", "t.yaml:15:10: repeats: found -2, expected an integer ≥ 1"),
                Arguments.of("repeats 0", "repeats: 0\n", "t.yaml:15:10: repeats: found 0, expected an integer ≥ 1"),
                Arguments.of("repeats three", "repeats: three\n",
                        "t.yaml:15:10: repeats: found 'three', expected an integer ≥ 1"),
                Arguments.of("repeats 2.5", "repeats: 2.5\n",
                        "t.yaml:15:10: repeats: found 2.5 (not whole), expected an integer ≥ 1"),
                Arguments.of("repeats 13 digits", "repeats: 1234567890123\n",
                        "t.yaml:15:10: repeats: found 1234567890123 (more than 2147483647), expected an integer ≥ 1"),
                Arguments.of("repeats past the last seed", "repeats: 2147483647\n",
                        "t.yaml:15:10: repeats: 2147483647 repeats from seed 7 need seeds up to 2147483653, past the"
                                + " largest seed 2147483647; lower seed or repeats"),
                Arguments.of("seed in a variant", "variants:\n  - {name: a, seed: abc}\n",
                        "t.yaml:16:21: seed: found 'abc', expected an integer ≥ 0"),
                Arguments.of("repeats in a variant", "variants:\n  - {name: a, repeats: 0}\n",
                        "t.yaml:16:24: repeats: found 0, expected an integer ≥ 1"),
                Arguments.of("seed in a grid", "grid:\n  seed: [-1, abc]\n", "t.yaml:16:3: grid.seed: a grid cannot"
                        + " vary seed; the seeds come from repeats (runs.csv records each run's seed, and comparisons pair"
                        + " runs by it); write repeats: N to train every point with seeds seed, seed+1, ..., seed+N-1"),
                Arguments.of("repeats in a grid", "grid:\n  repeats: [1, 3]\n",
                        "t.yaml:16:3: grid.repeats: a grid cannot vary repeats; write repeats: N, and every grid point"
                                + " gets N runs"),
                Arguments.of("name in a grid", "grid:\n  name: [a, b]\n", "t.yaml:16:3: grid.name: a grid cannot vary"
                        + " name; every run of a file goes to results/<name>/; use variants: for named points, or one"
                        + " file per name"),
                Arguments.of("description in a grid", "grid:\n  description: [a, b]\n",
                        "t.yaml:16:3: grid.description: a grid cannot vary description; it changes no run"),
                Arguments.of("grid in a grid", "grid:\n  grid: [1, 2]\n",
                        "t.yaml:16:3: grid.grid: a grid cannot vary grid; write every path in this one grid: map"),
                Arguments.of("variants in a grid", "grid:\n  variants: [[{name: a}], [{name: b}]]\n",
                        "t.yaml:16:3: grid.variants: a grid cannot vary variants; write variants: at the top level;"
                                + " they are crossed with the grid"),
                Arguments.of("grid in a variant", "variants:\n  - {name: a, grid: {training.epochs: [1, 2]}}\n",
                        "t.yaml:16:15: variants: a variant cannot hold grid: (it would be ignored); write grid: at the"
                                + " top level, it is crossed with every variant"),
                Arguments.of("the same number twice", "grid:\n  optimizer.lr: [0.1, 0.10]\n",
                        "t.yaml:16:23: grid.optimizer.lr: 0.10 repeats the value 0.1 (the same runs would train twice);"
                                + " remove one"),
                Arguments.of("the same map twice", "grid:\n  optimizer: [{type: sgd, lr: 1e-1}, {lr: 0.1, type: sgd}]\n",
                        "t.yaml:16:38: grid.optimizer: {lr: 0.1, type: sgd} repeats the value {type: sgd, lr: 1e-1}"
                                + " (the same runs would train twice); remove one"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("silentNonsense")
    void nothingSilentlyBecomesSomethingElse(String name, String extra, String expected) {
        String base = extra.startsWith("seed:") ? BASE.replace("seed: 7\n", "# seed: below\n") : BASE;
        ConfigException e = assertThrows(ConfigException.class, () -> Expander.expand(parse(base + extra)));
        assertEquals(expected, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void problemsAreReportedAllAtOnceWithTheirPlace(String name, String extra, List<String> expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> expand(extra));
        assertEquals(expected, e.problems().stream().sorted().map(Problem::toString).toList());
    }

    @Test
    void aVariantNeedsAUniqueSafeName() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> expand("variants:\n  - {name: a}\n  - {name: a}\n  - {name: ../b}\n"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("the name 'a' is used twice"), e.getMessage());
        assertTrue(e.getMessage().contains("name '../b' must be letters, digits"), e.getMessage());
    }
}
