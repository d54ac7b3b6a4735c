package deepgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Paths into the tree: parsing, {@code set} (a new tree each time), {@code [*]}, and the messages of bad paths. */
class TreePathTest {
    private static final Pos ORIGIN = Pos.of("--set");
    private static final Node TREE = tree("""
            optimizer: {type: sgd, lr: 0.1}
            model:
              layers:
                - dense: 8
                  activation: relu
                - dropout: 0.5
                - dense: 3
                  activation: tanh
            """);

    private static Node tree(String yaml) {
        return YamlReader.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static Node value(String yaml) {
        return YamlReader.parseValue("value", yaml);
    }

    private static String set(String path, String value) {
        return ConfigText.flow(TreePath.parse(path, ORIGIN).set(TREE, value(value), ORIGIN));
    }

    private static String failure(String path, String value) {
        return assertThrows(ConfigException.class, () -> set(path, value)).getMessage();
    }

    @Test
    void parsesKeysIndexesAndEvery() {
        TreePath p = TreePath.parse("model.layers[*].activation", ORIGIN);
        assertEquals(4, p.steps().size());
        assertEquals("model", p.steps().get(0).key());
        assertEquals(-1, p.steps().get(2).index());
        assertEquals(12, TreePath.parse("a[12]", ORIGIN).steps().get(1).index());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            model..layers | --set: bad path 'model..layers' at character 7; expected keys and indexes like model.layers[0].dense or model.layers[*].activation
            [0].dense     | --set: bad path '[0].dense' at character 1; expected keys and indexes like model.layers[0].dense or model.layers[*].activation
            a[x]          | --set: bad path 'a[x]' at character 2; expected keys and indexes like model.layers[0].dense or model.layers[*].activation
            a.b c         | --set: bad path 'a.b c' at character 4; expected keys and indexes like model.layers[0].dense or model.layers[*].activation
            """)
    void badPathsSayWhere(String path, String message) {
        assertEquals(message, assertThrows(ConfigException.class, () -> TreePath.parse(path, ORIGIN)).getMessage());
    }

    @Test
    void anEmptyPathIsAProblem() {
        assertEquals("--set: empty path; expected e.g. optimizer.lr",
                assertThrows(ConfigException.class, () -> TreePath.parse("", ORIGIN)).getMessage());
    }

    @Test
    void setReplacesOneValueAndLeavesTheTreeAsItWas() {
        String before = ConfigText.flow(TREE);
        assertEquals("{optimizer: {type: sgd, lr: 0.01}, model: {layers: [{dense: 8, activation: relu}, {dropout: 0.5},"
                + " {dense: 3, activation: tanh}]}}", set("optimizer.lr", "0.01"));
        assertEquals(before, ConfigText.flow(TREE));
        assertEquals("{optimizer: {type: sgd, lr: 0.1}, model: {layers: [{dense: 8, activation: relu}, {dropout: 0.5},"
                + " {dense: 16, activation: tanh}]}}", set("model.layers[2].dense", "16"));
    }

    @Test
    void setAddsMissingKeysAndMaps() {
        assertEquals("{optimizer: {type: sgd, lr: 0.1, momentum: 0.5}, model: {layers: [{dense: 8, activation: relu},"
                + " {dropout: 0.5}, {dense: 3, activation: tanh}]}, training: {epochs: 3}}",
                ConfigText.flow(TreePath.parse("training.epochs", ORIGIN).set(
                        TreePath.parse("optimizer.momentum", ORIGIN).set(TREE, value("0.5"), ORIGIN), value("3"), ORIGIN)));
    }

    @Test
    void everySetsOnlyTheElementsThatHaveTheKey() {
        assertEquals("{optimizer: {type: sgd, lr: 0.1}, model: {layers: [{dense: 8, activation: gelu}, {dropout: 0.5},"
                + " {dense: 3, activation: gelu}]}}", set("model.layers[*].activation", "gelu"));
        assertEquals("{optimizer: {type: sgd, lr: 0.1}, model: {layers: [{dense: 8, activation: relu}, {dropout: 0.2},"
                + " {dense: 3, activation: tanh}]}}", set("model.layers[*].dropout", "0.2"));
    }

    @Test
    void aValueMayBeAMapOrAList() {
        assertEquals("{optimizer: {type: adam, lr: 0.001}, model: {layers: [{dense: 8, activation: relu}, {dropout: 0.5},"
                + " {dense: 3, activation: tanh}]}}", set("optimizer", "{type: adam, lr: 0.001}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            model.layers[3].dense        | --set: model.layers[3].dense: index 3 is past the end of 'model.layers' (3 elements)
            model.layerz[0].dense        | --set: model.layerz[0].dense: unknown key 'layerz' in model (did you mean layers?)
            Model.layers[0].dense        | --set: Model.layers[0].dense: unknown key 'Model' (did you mean model?)
            foo.layers[0].dense          | --set: foo.layers[0].dense: found no 'foo' in the file, expected a list at 'foo.layers' to index
            layers[0]                    | --set: layers[0]: found no 'layers' in the file, expected a list at 'layers' to index
            model.layers[99999999999].dense | --set: bad path 'model.layers[99999999999].dense': index 99999999999 is too large; the lists of an experiment file have a few elements
            optimizer[0]                 | --set: optimizer[0]: 'optimizer' is a map, not a list
            optimizer.lr.value           | --set: optimizer.lr.value: 'optimizer.lr' is '0.1', not a map
            model.layers[*].batchnorm    | --set: model.layers[*].batchnorm: no element of 'model.layers' has 'batchnorm'
            """)
    void badSetsSayWhatIsThere(String path, String message) {
        assertEquals(message, failure(path, "1"));
    }

    @Test
    void existsInFollowsIndexesAndEvery() {
        assertTrue(TreePath.parse("model.layers[1].dropout", ORIGIN).existsIn(TREE));
        assertTrue(TreePath.parse("model.layers[*].activation", ORIGIN).existsIn(TREE));
        assertFalse(TreePath.parse("model.layers[3]", ORIGIN).existsIn(TREE));
        assertFalse(TreePath.parse("model.layers[*].batchnorm", ORIGIN).existsIn(TREE));
        assertFalse(TreePath.parse("training.epochs", ORIGIN).existsIn(TREE));
    }
}
