package deepgrid.config;

import deepgrid.math.Range;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads one map of the experiment file key by key: typed getters with defaults and
 * ranges report problems (never throw) and return a usable placeholder, every value
 * read — given or defaulted — is recorded in {@link #resolved()} (the fully resolved
 * config is built this way), and {@link #finish()} reports the keys nobody asked for.
 */
public final class MapReader {
    private final Node.MapNode map;
    private final String where;
    private final Problems problems;
    private final Set<String> used = new HashSet<>();
    private final Map<String, Object> resolved = new LinkedHashMap<>();
    private Set<String> declared; // the catalogue's keys for this map (null: not described)

    private MapReader(Node.MapNode map, String where, Problems problems) {
        this.map = map;
        this.where = where;
        this.problems = problems;
    }

    /** Reads {@code node} as a map; null (absent) reads as empty; anything else is a problem and reads as empty. */
    public static MapReader of(Node node, Pos fallback, String where, Problems problems) {
        if (node instanceof Node.MapNode m) {
            return new MapReader(m, where, problems);
        }
        if (node != null && !(node instanceof Node.Scalar s && s.isNull())) {
            problems.add(node.pos(), label(where) + "found " + node.describe() + ", expected a map of settings");
        }
        Pos p = node == null ? fallback : node.pos();
        return new MapReader(new Node.MapNode(p, Map.of(), Map.of()), where, problems);
    }

    public Pos pos() {
        return map.pos();
    }

    public Problems problems() {
        return problems;
    }

    /** The dotted path of this map ("training"), "" at the top. */
    public String where() {
        return where;
    }

    /** True for an empty map, and for a value that was not a map (already reported). */
    public boolean isEmpty() {
        return map.entries().isEmpty();
    }

    public boolean has(String key) {
        return map.entries().containsKey(key);
    }

    /** True when {@code key} is written with a value: absent and {@code key: ~} both mean "none" to an optional setting. */
    public boolean hasValue(String key) {
        return has(key) && !isNull(map.get(key));
    }

    /**
     * Marks optional keys as known without reading them, so that a misspelling of one of
     * them is answered with "did you mean" even when the file does not use it.
     */
    public void allow(String... keys) {
        for (String key : keys) {
            checkDeclared(key);
        }
        used.addAll(java.util.List.of(keys));
    }

    /** Marks the catalogue's options as known (see {@link #allow}). */
    public void allow(java.util.List<Option> options) {
        options.forEach(o -> allow(o.key()));
    }

    /**
     * Declares the keys the catalogue lists for this map (added to any declared before), which are
     * then known keys (see {@link #allow}); reading any other key is a bug, so that the binder can never accept a key the catalogue (and
     * so the schema, the README and {@code deepgrid datasets}) does not show.
     */
    public MapReader declare(java.util.List<Option> options) {
        if (declared == null) {
            declared = new HashSet<>();
        }
        options.forEach(o -> declared.add(o.key()));
        options.forEach(o -> used.add(o.key())); // known, so that a misspelling gets "did you mean"
        return this;
    }

    private void checkDeclared(String key) {
        if (declared != null && !declared.contains(key)) {
            throw new IllegalStateException((where.isEmpty() ? "the top level" : where) + " reads '" + key
                    + "', which its catalogue entry does not list");
        }
    }

    /** Marks every key of this map as known: for a map whose meaning can't be judged (an unknown type). */
    public void allowAll() {
        used.addAll(map.entries().keySet());
    }

    /** The node under key (null if absent), marking the key as known. */
    public Node take(String key) {
        checkDeclared(key);
        used.add(key);
        return map.get(key);
    }

    /** Where key's value is, or this map's position when absent. */
    public Pos posOf(String key) {
        Node n = map.get(key);
        return n == null ? map.pos() : n.pos();
    }

    /** "training.epochs". */
    public String path(String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    /** Records a value in the resolved config. */
    public void put(String key, Object value) {
        used.add(key);
        resolved.put(key, value);
    }

    /** A nested map under key (empty if absent); its resolved values nest in this one's. */
    public MapReader child(String key) {
        MapReader c = of(take(key), map.pos(), path(key), problems);
        resolved.put(key, c.resolved);
        return c;
    }

    /** The section {@code option} (empty if absent), its own options declared. */
    public MapReader child(Option option) {
        if (!(option.value() instanceof Option.Value.Section s)) {
            throw new IllegalArgumentException(option.key() + " is not a section");
        }
        return child(option.key()).declare(s.options());
    }

    public boolean has(Option o) {
        return has(o.key());
    }

    /** True when the option is written with a value (see {@link #hasValue(String)}). */
    public boolean hasValue(Option o) {
        return hasValue(o.key());
    }

    /** The integer option {@code o}: its default when absent, required when it has none. */
    public int integer(Option o) {
        return integer(o.key(), (Integer) dfltOf(o, Option.Value.Int.class), o.range());
    }

    /** The number option {@code o}. */
    public double number(Option o) {
        Object d = dfltOf(o, Option.Value.Num.class);
        return number(o.key(), d == null ? null : ((Number) d).doubleValue(), o.range());
    }

    /** The boolean option {@code o}. */
    public boolean bool(Option o) {
        return bool(o.key(), (Boolean) dfltOf(o, Option.Value.Bool.class));
    }

    /** The string option {@code o}. */
    public String string(Option o) {
        return string(o.key(), (String) dfltOf(o, Option.Value.Text.class));
    }

    /** The family choice {@code o}, resolved as a name or {type: name, ...}. */
    @SuppressWarnings("unchecked")
    public <T> T choice(Option o) {
        Object d = dfltOf(o, Option.Value.Choice.class);
        return choice(o.key(), (Family<T>) ((Option.Value.Choice) o.value()).family(), (String) d);
    }

    /**
     * The family choice {@code o} written as a bare name (normalize, metric): its default when absent;
     * an unknown name is a problem with "did you mean" and the allowed names, and reads as the default.
     */
    @SuppressWarnings("unchecked")
    public <T> T name(Option o) {
        Family<T> family = (Family<T>) ((Option.Value.Choice) o.value()).family();
        String dflt = (String) dfltOf(o, Option.Value.Choice.class);
        String text = string(o.key(), dflt);
        Family.Entry<T> e = family.entry(text);
        if (e == null) {
            problems.add(posOf(o.key()), path(o.key()) + ": unknown " + family.kind() + " '" + text + "'"
                    + Suggest.didYouMean(text, family.nameSet()) + "; allowed: " + String.join(", ", family.nameSet()));
            e = family.entry(dflt == null ? family.nameSet().iterator().next() : dflt);
        }
        return e.bind().apply(this);
    }

    /** An option's default for reading, after checking the option holds {@code kind}; null for required or off. */
    private static Object dfltOf(Option o, Class<? extends Option.Value> kind) {
        if (!kind.isInstance(o.value())) {
            throw new IllegalArgumentException(o.key() + " holds " + o.value() + ", not " + kind.getSimpleName());
        }
        return o.dflt();
    }

    /**
     * Reports a record's refusal of this map's options ("samples: found 2, expected at least one per
     * class"): at the key the message starts with, written as its full path, else at {@code fallback}.
     */
    public void refusal(String message, Pos fallback) {
        int colon = message.indexOf(": ");
        String key = colon < 0 ? null : message.substring(0, colon);
        if (key != null && has(key)) {
            problems.add(posOf(key), path(key) + message.substring(colon));
        } else {
            problems.add(fallback, label(where) + message);
        }
    }

    /** An integer in range; {@code dflt} when absent (null: required). */
    public int integer(String key, Integer dflt, Range range) {
        Node n = take(key);
        if (n == null || isNull(n)) {
            return missing(key, n, dflt, "an integer" + rangeWords(range), 0);
        }
        StringBuilder why = new StringBuilder();
        Long v = n instanceof Node.Scalar s ? Scalars.integer(s, why) : null;
        if (v == null || !range.contains(v) || Math.abs(v) > Integer.MAX_VALUE) {
            String found = v == null ? found(n, why) : "found " + asWritten(n)
                    + (Math.abs(v) > Integer.MAX_VALUE && range.contains(v) ? " (more than " + Integer.MAX_VALUE + ")" : "");
            problems.add(n.pos(), label(path(key)) + found + ", expected an integer" + rangeWords(range));
            return dflt == null ? 0 : dflt;
        }
        resolved.put(key, v.intValue());
        return v.intValue();
    }

    /** A finite number in range; {@code dflt} when absent (null: required). */
    public double number(String key, Double dflt, Range range) {
        Node n = take(key);
        if (n == null || isNull(n)) {
            return missing(key, n, dflt, "a finite number" + rangeWords(range), 0.0);
        }
        StringBuilder why = new StringBuilder();
        Double v = n instanceof Node.Scalar s ? Scalars.number(s, why) : null;
        if (v == null || !range.contains(v)) {
            problems.add(n.pos(), label(path(key)) + (v == null ? found(n, why) : "found " + asWritten(n))
                    + ", expected a finite number" + rangeWords(range));
            return dflt == null ? 1.0 : dflt;
        }
        resolved.put(key, v);
        return v;
    }

    /** true or false; {@code dflt} when absent. */
    public boolean bool(String key, boolean dflt) {
        Node n = take(key);
        if (n == null || isNull(n)) {
            return missing(key, n, dflt, "true or false", dflt);
        }
        StringBuilder why = new StringBuilder();
        Boolean v = n instanceof Node.Scalar s ? Scalars.bool(s, why) : null;
        if (v == null) {
            problems.add(n.pos(), label(path(key)) + found(n, why) + ", expected true or false");
            return dflt;
        }
        resolved.put(key, v);
        return v;
    }

    /** A string (plain or quoted); {@code dflt} when absent (null: required). */
    public String string(String key, String dflt) {
        Node n = take(key);
        if (n == null || isNull(n)) {
            return missing(key, n, dflt, "a string", "");
        }
        if (!(n instanceof Node.Scalar s)) {
            problems.add(n.pos(), label(path(key)) + "found " + n.describe() + ", expected a string");
            return dflt == null ? "" : dflt;
        }
        resolved.put(key, s.text());
        return s.text();
    }

    /** One of the names of {@code family}, with its options, resolved as a name or {type: name, ...}. */
    public <T> T choice(String key, Family<T> family, String dflt) {
        Node n = take(key);
        if (n != null && isNull(n) || n == null && dflt == null) {
            missing(key, n, dflt, "one of " + family.names(), null);
            return null;
        }
        if (n == null) {
            n = new Node.Scalar(map.pos(), dflt, false);
        }
        Family.Bound<T> b = family.bind(n, path(key), problems);
        resolved.put(key, b.resolved());
        return b.value();
    }

    /** The resolved values read so far, in reading order. */
    public Map<String, Object> resolved() {
        return resolved;
    }

    /** Reports every key that no getter asked for, with "did you mean". */
    public void finish() {
        for (String key : map.entries().keySet()) {
            if (!used.contains(key)) {
                Set<String> allowed = new java.util.TreeSet<>(used);
                String hint = key.equals(lastStep()) ? doubled(key) : Suggest.didYouMean(key, allowed);
                problems.add(map.keyPos().get(key), "unknown key '" + key + "'" + (where.isEmpty() ? "" : " in " + where)
                        + hint + (!hint.isEmpty() ? "" : allowed.isEmpty() ? "; it takes no options"
                                : "; allowed: " + String.join(", ", allowed)));
            }
        }
    }

    /**
     * A key that is absent ({@code n} null: the default, or a problem when there is none) or
     * written without a value ({@code n} a null scalar: always a problem, since it would
     * silently become the default). Keys whose absence means "off" are read with
     * {@link #hasValue} first, so that null is "off" for them.
     */
    /** The last key of {@code where}: "data" for "data", "batchnorm" for "model.layers[0].batchnorm". */
    private String lastStep() {
        return where.substring(where.lastIndexOf('.') + 1).replaceFirst("\\[.*$", "");
    }

    /** " ('data' written twice? ...)" when this map holds a key named as itself (data: inside data:), else "". */
    public String doubledHint() {
        String own = lastStep();
        return !own.isEmpty() && has(own) ? doubled(own) : "";
    }

    /** " (written twice? ...)" for data: inside data:, the mistake of writing a section's name again inside it. */
    private String doubled(String key) {
        String example = map.get(key) instanceof Node.MapNode m && !m.entries().isEmpty()
                ? m.entries().keySet().iterator().next() : null;
        return " ('" + key + "' written twice?" + (example == null ? ")"
                : " write " + where + "." + example + ", not " + where + "." + key + "." + example + ")");
    }

    private <T> T missing(String key, Node n, T dflt, String expected, T placeholder) {
        if (n != null) {
            refuseNull(key, n, dflt, expected);
            return dflt == null ? placeholder : dflt;
        }
        if (dflt == null) {
            problems.add(map.pos(), "missing '" + path(key) + "' (" + expected + ")");
            return placeholder;
        }
        resolved.put(key, dflt);
        return dflt;
    }

    /** The problem of {@code key} written without a value ({@code n}), which would silently become {@code dflt}. */
    void refuseNull(String key, Node n, Object dflt, String expected) {
        problems.add(n.pos(), label(path(key)) + "found nothing (null), expected " + expected
                + (dflt == null ? "" : "; leave the key out for the default (" + shown(dflt) + ")"));
    }

    private static String shown(Object dflt) {
        if (dflt instanceof Double d) {
            return Range.fmt(d);
        }
        return dflt instanceof String t && t.isEmpty() ? "\"\"" : String.valueOf(dflt);
    }

    private static boolean isNull(Node n) {
        return n instanceof Node.Scalar s && s.isNull();
    }

    /** A number as the user wrote it (1.0, not 1), for "found ...". */
    private static String asWritten(Node n) {
        return ((Node.Scalar) n).text();
    }

    private static String found(Node n, StringBuilder why) {
        return n instanceof Node.Scalar ? why.toString() : "found " + n.describe();
    }

    private static String rangeWords(Range r) {
        String w = r.words();
        return w.isEmpty() ? "" : " " + w;
    }

    static String label(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }
}
