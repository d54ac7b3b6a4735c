package deepgrid.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path into the experiment tree: dotted keys with list indexes, {@code optimizer.lr},
 * {@code model.layers[0].dense}, and {@code [*]} for "every element that has the
 * following key" ({@code model.layers[*].activation}). Setting a value returns a new tree.
 */
public record TreePath(String text, List<Step> steps) {
    /** One step: a map key, a list index, or every element ({@code index == ALL}). */
    public record Step(String key, int index) {
        static final int ALL = -1;

        boolean isKey() {
            return key != null;
        }
    }

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern INDEX = Pattern.compile("\\[(\\*|[0-9]+)]");

    /** Parses {@code text}; a malformed path is a problem at {@code pos}. */
    public static TreePath parse(String text, Pos pos) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (i > 0 && text.charAt(i) == '.' && steps.size() > 0) {
                i++;
            }
            Matcher k = KEY.matcher(text).region(i, text.length());
            if (k.lookingAt()) {
                steps.add(new Step(k.group(), 0));
                i = k.end();
            } else {
                Matcher x = INDEX.matcher(text).region(i, text.length());
                if (!x.lookingAt() || steps.isEmpty()) {
                    throw ConfigException.at(pos, "bad path '" + text + "' at character " + (i + 1)
                            + "; expected keys and indexes like model.layers[0].dense or model.layers[*].activation");
                }
                steps.add(new Step(null, x.group(1).equals("*") ? Step.ALL : index(text, x.group(1), pos)));
                i = x.end();
            }
        }
        if (steps.isEmpty()) {
            throw ConfigException.at(pos, "empty path; expected e.g. optimizer.lr");
        }
        return new TreePath(text, List.copyOf(steps));
    }

    /** A list index; one that does not fit an int is past the end of any list a file can hold. */
    private static int index(String text, String digits, Pos pos) {
        String value = digits.replaceFirst("^0+(?=.)", "");
        if (value.length() > 9) {
            throw ConfigException.at(pos, "bad path '" + text + "': index " + digits
                    + " is too large; the lists of an experiment file have a few elements");
        }
        return Integer.parseInt(value);
    }

    /** True when the path names at least one existing value of {@code root}. */
    public boolean existsIn(Node root) {
        return count(root, 0) > 0;
    }

    /** A copy of {@code root} with the value(s) at this path replaced by {@code value} (missing map keys are added). */
    public Node set(Node root, Node value, Pos origin) {
        return set(root, 0, value, new Origin(origin, null));
    }

    /** Where the value comes from, and the first key of the path that was absent (null if none so far). */
    private record Origin(Pos pos, Absent absent) {
    }

    /** A key the tree did not have, where it was looked for, and the keys that were there. */
    private record Absent(String key, String where, java.util.Set<String> known) {
    }

    private Node set(Node node, int at, Node value, Origin o) {
        Pos origin = o.pos();
        if (at == steps.size()) {
            return value;
        }
        Step step = steps.get(at);
        if (step.isKey()) {
            Node.MapNode map = node instanceof Node.MapNode m ? m
                    : node == null || (node instanceof Node.Scalar s && s.isNull())
                            ? new Node.MapNode(origin, java.util.Map.of(), java.util.Map.of()) : null;
            if (map == null) {
                throw ConfigException.at(origin, text + ": '" + prefix(at) + "' is " + node.describe() + ", not a map");
            }
            Node next = map.get(step.key());
            Origin inner = next != null || o.absent() != null ? o
                    : new Origin(origin, new Absent(step.key(), prefix(at), map.entries().keySet()));
            if (next == null && at + 1 < steps.size() && !steps.get(at + 1).isKey()) {
                throw noListToIndex(inner, prefix(at + 1));
            }
            return map.with(step.key(), set(next, at + 1, value, inner));
        }
        if (!(node instanceof Node.ListNode list)) {
            throw ConfigException.at(origin, text + ": '" + prefix(at) + "' is "
                    + (node == null ? "absent" : node.describe()) + ", not a list");
        }
        if (step.index() == Step.ALL) {
            return setAll(list, at, value, o);
        }
        if (step.index() >= list.items().size()) {
            throw ConfigException.at(origin, text + ": index " + step.index() + " is past the end of '" + prefix(at)
                    + "' (" + list.items().size() + (list.items().size() == 1 ? " element)" : " elements)"));
        }
        return list.with(step.index(), set(list.items().get(step.index()), at + 1, value, o));
    }

    /**
     * An index step under a key the tree does not have. The first absent key of the path is
     * the culprit: in {@code Model.layers[0]} it is 'Model', whatever follows it.
     */
    private ConfigException noListToIndex(Origin o, String listPath) {
        Absent a = o.absent();
        String hint = Suggest.didYouMean(a.key(), a.known());
        if (!hint.isEmpty()) {
            return ConfigException.at(o.pos(), text + ": unknown key '" + a.key() + "'"
                    + (a.where().isEmpty() ? "" : " in " + a.where()) + hint);
        }
        return ConfigException.at(o.pos(), text + ": found no '" + a.key() + "' in "
                + (a.where().isEmpty() ? "the file" : "'" + a.where() + "'") + ", expected a list at '" + listPath + "' to index");
    }

    private Node setAll(Node.ListNode list, int at, Node value, Origin o) {
        Pos origin = o.pos();
        Node.ListNode out = list;
        boolean any = false;
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            if (at + 1 < steps.size() && count(item, at + 1) == 0) {
                continue; // [*] means every element that has the rest of the path
            }
            out = out.with(i, set(item, at + 1, value, o));
            any = true;
        }
        if (!any) {
            throw ConfigException.at(origin, text + ": no element of '" + prefix(at) + "' has '"
                    + steps.get(at + 1).key() + "'");
        }
        return out;
    }

    private int count(Node node, int at) {
        if (node == null) {
            return 0;
        }
        if (at == steps.size()) {
            return 1;
        }
        Step step = steps.get(at);
        if (step.isKey()) {
            return node instanceof Node.MapNode m ? count(m.get(step.key()), at + 1) : 0;
        }
        if (!(node instanceof Node.ListNode l)) {
            return 0;
        }
        if (step.index() == Step.ALL) {
            return l.items().stream().mapToInt(item -> count(item, at + 1)).sum();
        }
        return step.index() < l.items().size() ? count(l.items().get(step.index()), at + 1) : 0;
    }

    private String prefix(int at) {
        StringBuilder s = new StringBuilder();
        for (Step st : steps.subList(0, at)) {
            s.append(st.isKey() ? (s.length() == 0 ? "" : ".") + st.key() : st.index() == Step.ALL ? "[*]" : "[" + st.index() + "]");
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
