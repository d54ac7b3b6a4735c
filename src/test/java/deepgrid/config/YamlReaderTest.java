package deepgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reader on its own: positions, quoting kept, byte order mark, --set values, and limits placed. */
class YamlReaderTest {
    private static Node parse(String yaml) {
        return YamlReader.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static String failure(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void everyValueAndKeyKnowsWhereItIs() {
        Node.MapNode root = (Node.MapNode) parse("a: 1\nb:\n  c: 'x'\n");
        Node.MapNode b = (Node.MapNode) root.get("b");
        assertEquals(new Pos("t.yaml", 1, 4), root.get("a").pos());
        assertEquals(new Pos("t.yaml", 3, 3), b.keyPos().get("c"));
        assertEquals(new Pos("t.yaml", 3, 6), b.get("c").pos());
        assertTrue(((Node.Scalar) b.get("c")).quoted());
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() {
        byte[] text = "a: 1\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Node.MapNode root = (Node.MapNode) YamlReader.parse("t.yaml", bytes);
        assertEquals("1", ((Node.Scalar) root.get("a")).text());
        assertEquals(new Pos("t.yaml", 1, 1), root.keyPos().get("a"));
    }

    @Test
    void setValuesArePlacedAtTheirArgument() {
        Node v = YamlReader.parseValue("--set x=[1, 2]", "[1, 2]");
        assertEquals(Pos.of("--set x=[1, 2]"), v.pos());
        assertEquals(Pos.of("--set x=[1, 2]"), ((Node.ListNode) v).items().get(1).pos());
        assertEquals("--set x={a: 1: invalid YAML: while parsing a flow mapping, expected ',' or '}', but got <stream end>",
                assertThrows(ConfigException.class, () -> YamlReader.parseValue("--set x={a: 1", "{a: 1")).getMessage());
    }

    @Test
    void aliasesWithinTheLimitAreExpanded() {
        Node.MapNode root = (Node.MapNode) parse("a: &x [1, 2]\nb: *x\n");
        assertEquals("[1, 2]", ConfigText.flow(root.get("b")));
    }

    @Test
    void theAliasOverTheLimitIsTheOneReported() {
        StringBuilder yaml = new StringBuilder("a: &a [1]\nb:\n");
        for (int i = 0; i < 21; i++) {
            yaml.append("  - *a\n");
        }
        assertEquals("t.yaml:23:5: more than 20 aliases (*name) of lists or maps; experiment files do not need that"
                + " many (a \"billion laughs\" file?)", failure(yaml.toString()));
    }

    @Test
    void nestingIsReportedAtTheFirstValueTooDeepWhicheverLimitCatchesIt() {
        String message = "nested more than 40 levels deep; experiment files are a few levels deep";
        assertEquals("t.yaml:1:44: " + message, failure("a: " + "[".repeat(45) + "]".repeat(45)));
        assertEquals("t.yaml:1:44: " + message, failure("a: " + "[".repeat(200) + "]".repeat(200)));
    }

    @Test
    void recursiveAliasesAreRefused() {
        assertTrue(failure("a: &x [*x]\n").startsWith("t.yaml:1:"));
    }
}
