package deepgrid.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experiment file as a tree that remembers where every value came from. Built by
 * {@link YamlReader}; rewritten (as new trees) by {@code --set}, grids and variants.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.Scalar {
    Pos pos();

    /** What kind of value this is, for messages: "a map", "a list", "'abc'". */
    String describe();

    /** A mapping; keys in file order, each key with its own position. */
    record MapNode(Pos pos, Map<String, Node> entries, Map<String, Pos> keyPos) implements Node {
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyPos = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyPos));
        }

        public Node get(String key) {
            return entries.get(key);
        }

        /** A copy with {@code key} set to {@code value} (added at the end when new). */
        public MapNode with(String key, Node value) {
            Map<String, Node> e = new LinkedHashMap<>(entries);
            Map<String, Pos> k = new LinkedHashMap<>(keyPos);
            e.put(key, value);
            k.putIfAbsent(key, value.pos());
            return new MapNode(pos, e, k);
        }

        /** A copy without {@code key}. */
        public MapNode without(String key) {
            Map<String, Node> e = new LinkedHashMap<>(entries);
            Map<String, Pos> k = new LinkedHashMap<>(keyPos);
            e.remove(key);
            k.remove(key);
            return new MapNode(pos, e, k);
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A sequence. */
    record ListNode(Pos pos, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        /** A copy with item i replaced. */
        public ListNode with(int i, Node value) {
            List<Node> copy = new ArrayList<>(items);
            copy.set(i, value);
            return new ListNode(pos, copy);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar as written: its text, and whether it was quoted. Types are decided by
     * the binder from the text, never by YAML 1.1's implicit rules (so {@code NO}
     * stays the string "NO" and {@code 012} is not silently octal 10).
     */
    record Scalar(Pos pos, String text, boolean quoted) implements Node {
        /** True for ~, null, an empty plain value. */
        public boolean isNull() {
            return !quoted && (text.isEmpty() || text.equals("~") || text.equals("null") || text.equals("Null")
                    || text.equals("NULL"));
        }

        @Override
        public String describe() {
            return isNull() ? "null" : "'" + text + "'";
        }
    }
}
