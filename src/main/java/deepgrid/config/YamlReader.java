package deepgrid.config;

import deepgrid.IoReason;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads an experiment file into a {@link Node} tree, safely: UTF-8 only, a size limit,
 * no tags beyond the plain YAML types, alias and nesting limits against "billion
 * laughs", duplicate keys refused (snakeyaml's compose() does not check them), and
 * every parser failure turned into a positioned {@link ConfigException}.
 */
public final class YamlReader {
    /** Experiment files are small; anything larger is a mistake (or an attack). */
    public static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 40;
    static final int MAX_NODES = 100_000;
    static final int MAX_ALIASES = 20;
    private static final Set<Tag> ALLOWED_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.MAP, Tag.SEQ, Tag.TIMESTAMP);

    private final String file;
    private final boolean positioned;
    private final Map<org.yaml.snakeyaml.nodes.Node, Boolean> onPath = new IdentityHashMap<>();
    private int nodes;

    private YamlReader(String file, boolean positioned) {
        this.file = file;
        this.positioned = positioned;
    }

    /** Reads and parses {@code path}; the file name in messages is the path as given. */
    public static Node read(Path path) {
        String name = path.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw ConfigException.at(Pos.of(name), "is a folder, expected an experiment file (.yaml)");
            }
            if (Files.exists(path) && !Files.isRegularFile(path)) { // reading a FIFO would wait forever
                throw ConfigException.at(Pos.of(name), "is " + IoReason.NOT_A_FILE + ", expected an experiment file (.yaml)");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw tooLarge(name, size);
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw ConfigException.at(Pos.of(name), IoReason.noSuchFile(path));
        } catch (IOException e) {
            throw ConfigException.at(Pos.of(name), "cannot read: " + IoReason.reason(e));
        }
        return parse(name, bytes);
    }

    /** Parses the bytes of a file called {@code name}. */
    public static Node parse(String name, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(name, bytes.length);
        }
        String text = decodeUtf8(name, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a UTF-8 byte order mark is legal YAML; editors on Windows add it
        }
        return new YamlReader(name, true).parseText(text);
    }

    private static ConfigException tooLarge(String name, long size) {
        return ConfigException.at(Pos.of(name), "the file has " + size + " bytes; experiment files are limited to 1 MB ("
                + MAX_BYTES + " bytes)");
    }

    /**
     * Parses one YAML value given as text, e.g. the right side of {@code --set path=value};
     * its nodes are placed at {@code origin} alone (a line and column inside one argument would only distract).
     */
    public static Node parseValue(String origin, String text) {
        return new YamlReader(origin, false).parseText(text);
    }

    private Node parseText(String text) {
        if (text.isBlank()) {
            return new Node.Scalar(pos(null), "", false);
        }
        org.yaml.snakeyaml.nodes.Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw ConfigException.at(pos(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark()),
                    describe(e));
        } catch (RuntimeException e) {
            throw limitOrUnplaced(text, e);
        }
        if (root == null) {
            return new Node.Scalar(pos(null), "", false);
        }
        return convert(root, 0);
    }

    /**
     * snakeyaml reports its alias and nesting limits as bare YAMLExceptions, without a
     * place; find the place by replaying the events. Anything else unplaced (snakeyaml
     * has thrown IllegalArgumentException for malformed input) goes to the last event that parsed.
     */
    private ConfigException limitOrUnplaced(String text, RuntimeException e) {
        String message = firstLine(e.getMessage());
        EventReplay events = EventReplay.of(text);
        if (message.startsWith("Number of aliases")) {
            Mark m = events.collectionAlias(MAX_ALIASES + 1);
            return ConfigException.at(pos(m), "more than " + MAX_ALIASES + " aliases (*name) of lists or maps;"
                    + " experiment files do not need that many (a \"billion laughs\" file?)");
        }
        if (message.startsWith("Nesting Depth")) {
            return ConfigException.at(pos(events.deeperThan(MAX_DEPTH)), tooDeep());
        }
        return ConfigException.at(pos(events.last()), "invalid YAML: " + message);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH + 10);
        options.setCodePointLimit(MAX_BYTES);
        // compose() builds nodes and never objects, so a global tag cannot run code here; let it
        // through to convert(), which refuses every tag but the plain types with one clear message
        options.setTagInspector(tag -> true);
        DumperOptions dump = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dump), dump, options);
    }

    private Node convert(org.yaml.snakeyaml.nodes.Node n, int depth) {
        Pos pos = pos(n.getStartMark());
        if (depth > MAX_DEPTH) {
            throw ConfigException.at(pos, tooDeep());
        }
        if (++nodes > MAX_NODES) {
            throw ConfigException.at(pos, "more than " + MAX_NODES + " values (aliases expanding too far?)");
        }
        if (!ALLOWED_TAGS.contains(n.getTag())) {
            throw ConfigException.at(pos, "tag '" + shortTag(n.getTag()) + "' is not allowed;"
                    + " experiment files hold plain values (numbers, strings, lists, maps)");
        }
        if (onPath.put(n, Boolean.TRUE) != null) {
            throw ConfigException.at(pos, "an alias refers to a value that contains it (recursive)");
        }
        try {
            if (n instanceof ScalarNode s) {
                return new Node.Scalar(pos, s.getValue(), !s.isPlain());
            } else if (n instanceof SequenceNode s) {
                return new Node.ListNode(pos, s.getValue().stream().map(c -> convert(c, depth + 1)).toList());
            }
            return convertMap((MappingNode) n, pos, depth);
        } finally {
            onPath.remove(n);
        }
    }

    private Node convertMap(MappingNode m, Pos pos, int depth) {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Pos> keyPos = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Pos kp = pos(t.getKeyNode().getStartMark());
            if (t.getKeyNode().getTag().equals(Tag.MERGE)) {
                throw ConfigException.at(kp, "merge keys (<<) are not supported; write the values out,"
                        + " or use variants for shared settings");
            }
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw ConfigException.at(kp, "a key must be a plain name, found a " + t.getKeyNode().getNodeId());
            }
            String key = k.getValue();
            if (entries.containsKey(key)) {
                Pos first = keyPos.get(key);
                throw ConfigException.at(kp, "duplicate key '" + key + "' (first at line " + first.line() + ")");
            }
            keyPos.put(key, kp);
            entries.put(key, convert(t.getValueNode(), depth + 1));
        }
        return new Node.MapNode(pos, entries, keyPos);
    }

    private static String tooDeep() {
        return "nested more than " + MAX_DEPTH + " levels deep; experiment files are a few levels deep";
    }

    private Pos pos(Mark m) {
        if (!positioned) {
            return Pos.of(file);
        }
        return m == null ? new Pos(file, 1, 1) : new Pos(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
        if (problem.contains("'\\t'") || problem.contains("\\t(TAB)") || problem.contains("\t")) {
            return "tab character: YAML indents with spaces only";
        }
        String context = e.getContext();
        if ("while scanning a tag".equals(context)) {
            return "malformed tag; experiment files hold plain values (numbers, strings, lists, maps), without tags";
        }
        if (context == null) {
            return "invalid YAML: " + problem;
        }
        Mark start = e.getContextMark();
        boolean elsewhere = positioned && start != null && e.getProblemMark() != null
                && start.getIndex() != e.getProblemMark().getIndex();
        return "invalid YAML: " + context + (elsewhere ? " (it starts at line " + (start.getLine() + 1) + ", column "
                + (start.getColumn() + 1) + ")" : "") + ", " + problem;
    }

    private static String shortTag(Tag t) {
        String v = t.getValue();
        return v.startsWith(Tag.PREFIX) ? "!!" + v.substring(Tag.PREFIX.length()) : v;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private static boolean startsWithUtf16Bom(byte[] bytes) {
        int b0 = bytes.length < 2 ? 0 : bytes[0] & 0xFF;
        int b1 = bytes.length < 2 ? 0 : bytes[1] & 0xFF;
        return b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE; // big-endian, little-endian
    }

    private static String decodeUtf8(String name, byte[] bytes) {
        if (startsWithUtf16Bom(bytes)) {
            throw ConfigException.at(new Pos(name, 1, 1), "the file is UTF-16 (it starts with a UTF-16 byte order mark);"
                    + " save it as UTF-8");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (result.isError()) {
            int bad = in.position(); // the decoder stops at the first malformed byte
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            throw ConfigException.at(at(name, before, before.length()), String.format(java.util.Locale.ROOT,
                    "byte 0x%02X is not valid UTF-8; save the file as UTF-8", bytes[bad] & 0xFF));
        }
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) { // valid UTF-8, but no text file has it: UTF-16 without a byte order mark does
            throw ConfigException.at(at(name, text, nul), "byte 0x00 (is the file UTF-16?); save the file as UTF-8");
        }
        return text;
    }

    /** The line and column of {@code text}'s character {@code index}. */
    private static Pos at(String name, String text, int index) {
        String before = text.substring(0, index);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        return new Pos(name, line, index - before.lastIndexOf('\n'));
    }
}
