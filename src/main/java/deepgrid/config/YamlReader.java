package deepgrid.config;

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
import org.yaml.snakeyaml.events.Event;
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
    private static final Set<Tag> ALLOWED_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.MAP, Tag.SEQ, Tag.TIMESTAMP);

    private final String file;
    private final Map<org.yaml.snakeyaml.nodes.Node, Boolean> onPath = new IdentityHashMap<>();
    private int nodes;

    private YamlReader(String file) {
        this.file = file;
    }

    /** Reads and parses {@code path}; the file name in messages is the path as given. */
    public static Node read(Path path) {
        String name = path.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw ConfigException.at(Pos.of(name), "is a folder, expected an experiment file (.yaml)");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw ConfigException.at(Pos.of(name), String.format(java.util.Locale.ROOT,
                        "file is %.1f MB; experiment files are limited to 1 MB", size / 1e6));
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw ConfigException.at(Pos.of(name), "no such file");
        } catch (IOException e) {
            throw ConfigException.at(Pos.of(name), "cannot read: " + e.getMessage());
        }
        return parse(name, bytes);
    }

    /** Parses the bytes of a file called {@code name}. */
    public static Node parse(String name, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw ConfigException.at(Pos.of(name), "file is larger than 1 MB; experiment files are limited to 1 MB");
        }
        String text = decodeUtf8(name, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a UTF-8 byte order mark is legal YAML; editors on Windows add it
        }
        return new YamlReader(name).parseText(text);
    }

    /** Parses one YAML value given as text, e.g. the right side of {@code --set path=value}. */
    public static Node parseValue(String origin, String text) {
        return new YamlReader(origin).parseText(text);
    }

    private Node parseText(String text) {
        if (text.isBlank()) {
            return new Node.Scalar(new Pos(file, 1, 1), "", false);
        }
        org.yaml.snakeyaml.nodes.Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw ConfigException.at(pos(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark()),
                    describe(e));
        } catch (RuntimeException e) {
            // snakeyaml throws bare YAMLException (alias limits, code point limit) and even
            // IllegalArgumentException (malformed tags); place them at the last event that parsed
            throw ConfigException.at(lastGoodPosition(text), "invalid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null) {
            return new Node.Scalar(new Pos(file, 1, 1), "", false);
        }
        return convert(root, 0);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH + 10);
        options.setCodePointLimit(MAX_BYTES);
        DumperOptions dump = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dump), dump, options);
    }

    private Node convert(org.yaml.snakeyaml.nodes.Node n, int depth) {
        Pos pos = pos(n.getStartMark());
        if (depth > MAX_DEPTH) {
            throw ConfigException.at(pos, "nested more than " + MAX_DEPTH + " levels deep");
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

    private Pos lastGoodPosition(String text) {
        Mark last = null;
        try {
            for (Event e : yaml().parse(new StringReader(text))) {
                last = e.getEndMark();
            }
        } catch (RuntimeException ignored) {
            // the parse fails at the same place: 'last' is the end of the last good event
        }
        return last == null ? new Pos(file, 1, 1) : pos(last);
    }

    private Pos pos(Mark m) {
        return m == null ? new Pos(file, 1, 1) : new Pos(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
        if (problem.contains("'\\t'") || problem.contains("\\t(TAB)") || problem.contains("\t")) {
            return "tab character: YAML indents with spaces only";
        }
        String context = e.getContext();
        return "invalid YAML: " + (context == null ? problem : context + ", " + problem);
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

    private static String decodeUtf8(String name, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (result.isError()) {
            int bad = in.position(); // the decoder stops at the first malformed byte
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int col = before.length() - before.lastIndexOf('\n');
            throw ConfigException.at(new Pos(name, line, col), String.format(java.util.Locale.ROOT,
                    "byte 0x%02X is not valid UTF-8; save the file as UTF-8", bytes[bad] & 0xFF));
        }
        return out.flip().toString();
    }
}
