package deepgrid.config;

import deepgrid.DeepgridException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A closed set of named things of one kind (initializers, losses, ...), each bound
 * from its options. Written either as a name ({@code relu}) or as a map with
 * {@code type} and options ({@code {type: leaky_relu, alpha: 0.1}}).
 */
public final class Family<T> {
    /** A bound value and its resolved form (the name alone, or type plus every option). */
    public record Bound<T>(T value, Object resolved) {
    }

    private final String kind;
    private final Map<String, Function<MapReader, T>> entries = new LinkedHashMap<>();

    /** {@code kind} names the family in messages: "unknown initializer 'xavier'". */
    public Family(String kind) {
        this.kind = kind;
    }

    /** Adds a name whose options {@code bind} reads (and validates) from a MapReader. */
    public Family<T> add(String name, Function<MapReader, T> bind) {
        entries.put(name, bind);
        return this;
    }

    public String kind() {
        return kind;
    }

    public java.util.Set<String> nameSet() {
        return entries.keySet();
    }

    /** "a, b or c". */
    public String names() {
        var list = new java.util.ArrayList<>(entries.keySet());
        return list.size() < 2 ? String.join("", list)
                : String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
    }

    /** Binds {@code node}; problems go to {@code problems} and the value is then null. */
    public Bound<T> bind(Node node, String where, Problems problems) {
        Node typeNode = node;
        MapReader options;
        if (node instanceof Node.MapNode m) {
            typeNode = m.get("type");
            options = MapReader.of(m.without("type"), m.pos(), where, problems);
            if (typeNode == null) {
                problems.add(m.pos(), MapReader.label(where) + "missing 'type' (one of " + names() + ")");
                return new Bound<>(null, null);
            }
        } else {
            options = MapReader.of(null, node.pos(), where, problems);
        }
        if (!(typeNode instanceof Node.Scalar s) || s.isNull()) {
            problems.add(typeNode.pos(), MapReader.label(where) + "found " + typeNode.describe() + ", expected a "
                    + kind + ": " + names());
            return new Bound<>(null, null);
        }
        T value = bindNamed(s, options, problems);
        if (!entries.containsKey(s.text())) {
            return new Bound<>(null, null); // its options can't be judged: don't report them as unknown
        }
        options.finish();
        if (value == null) {
            return new Bound<>(null, null);
        }
        if (options.resolved().isEmpty()) {
            return new Bound<>(value, s.text());
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("type", s.text());
        resolved.putAll(options.resolved());
        return new Bound<>(value, resolved);
    }

    /**
     * Binds the entry named by {@code name} with its options read from {@code options}
     * (which the caller finishes); null, with a problem recorded, for an unknown name.
     */
    public T bindNamed(Node.Scalar name, MapReader options, Problems problems) {
        Function<MapReader, T> bind = entries.get(name.text());
        if (bind == null) {
            String hint = Suggest.didYouMean(name.text(), entries.keySet());
            problems.add(name.pos(), "unknown " + kind + " '" + name.text() + "'"
                    + (hint.isEmpty() ? "; allowed: " + names() : hint));
            return null;
        }
        return construct(bind, options, name.pos(), problems);
    }

    private static <T> T construct(Function<MapReader, T> bind, MapReader options, Pos pos, Problems problems) {
        try {
            return bind.apply(options);
        } catch (IllegalArgumentException | DeepgridException e) {
            // a record's own validation: the option getters let a combination through that it refuses
            problems.add(pos, MapReader.label(options.where()) + e.getMessage());
            return null;
        }
    }
}
