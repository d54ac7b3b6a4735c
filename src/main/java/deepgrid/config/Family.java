package deepgrid.config;

import deepgrid.DeepgridException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A closed set of named things of one kind (initializers, losses, data sources, ...), each
 * an {@link Entry}: its YAML name, the class it builds, its options and a one-line
 * description. Written either as a name ({@code relu}) or, where the family allows it
 * ({@link Form#NAME_OR_MAP}), as a map with {@code type} and options
 * ({@code {type: leaky_relu, alpha: 0.1}}).
 */
public final class Family<T> {
    /** A bound value and its resolved form (the name alone, or type plus every option). */
    public record Bound<T>(T value, Object resolved) {
    }

    /** How a member is written. */
    public enum Form {
        /** A name, or {@code {type: NAME, options...}}. */
        NAME_OR_MAP,
        /** A name only (normalize, early-stopping metric). */
        NAME,
        /** A name whose options sit beside it in the enclosing map (data: source, samples, ...). */
        OPTIONS_BESIDE,
        /** A map whose key is the name and whose value the first option (- dense: 8). */
        NAME_AS_KEY
    }

    /**
     * One member: {@code options} are every key {@code bind} may read, which the binder
     * enforces (a key read but not listed is a bug caught on the first binding), so that the
     * schema, {@code deepgrid datasets} and the README list exactly what the binder accepts.
     */
    public record Entry<T>(String name, Class<?> implementation, String description, List<Option> options,
            Function<MapReader, T> bind) {
        public Entry {
            options = List.copyOf(options);
        }

        /** The option named {@code key}, if this entry has it. */
        public Option option(String key) {
            return options.stream().filter(o -> o.key().equals(key)).findFirst().orElse(null);
        }
    }

    private final String kind;
    private final Form form;
    private final Map<String, Entry<T>> entries = new LinkedHashMap<>();

    /** {@code kind} names the family in messages: "unknown initializer 'xavier'". */
    public Family(String kind, Form form) {
        this.kind = kind;
        this.form = form;
    }

    /** A family written as a name or {@code {type: NAME, ...}}. */
    public Family(String kind) {
        this(kind, Form.NAME_OR_MAP);
    }

    /** Adds a member whose {@code options} {@code bind} reads (and validates) from a MapReader. */
    public Family<T> add(String name, Class<?> implementation, String description, List<Option> options,
            Function<MapReader, T> bind) {
        if (entries.put(name, new Entry<>(name, implementation, description, options, bind)) != null) {
            throw new IllegalArgumentException(kind + " '" + name + "' is listed twice");
        }
        return this;
    }

    /** Adds a member without options. */
    public Family<T> add(String name, Class<?> implementation, String description, Supplier<T> make) {
        return add(name, implementation, description, List.of(), o -> make.get());
    }

    /**
     * Adds a member known only by its bind function (no class, description or option list): for
     * families outside the file catalogue, which neither the schema nor the README tables show.
     */
    public Family<T> add(String name, Function<MapReader, T> bind) {
        return add(name, Object.class, "", List.of(), bind);
    }

    public String kind() {
        return kind;
    }

    public Form form() {
        return form;
    }

    public java.util.Set<String> nameSet() {
        return entries.keySet();
    }

    /** Every member, in catalogue order. */
    public Collection<Entry<T>> entries() {
        return entries.values();
    }

    /** The member named {@code name}, or null. */
    public Entry<T> entry(String name) {
        return entries.get(name);
    }

    /** "a, b or c". */
    public String names() {
        var list = new ArrayList<>(entries.keySet());
        return list.size() < 2 ? String.join("", list)
                : String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
    }

    /** Binds {@code node}; problems go to {@code problems} and the value is then null. */
    public Bound<T> bind(Node node, String where, Problems problems) {
        Node typeNode = node;
        MapReader options;
        if (node instanceof Node.MapNode m && form == Form.NAME_OR_MAP) {
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
        Entry<T> entry = entries.get(name.text());
        if (entry == null) {
            String hint = Suggest.didYouMean(name.text(), entries.keySet());
            problems.add(name.pos(), "unknown " + kind + " '" + name.text() + "'"
                    + (hint.isEmpty() ? "; allowed: " + names() : hint));
            return null;
        }
        if (entry.implementation() != Object.class) {
            options.declare(entry.options());
        }
        return construct(entry.bind(), options, name.pos(), problems);
    }

    private static <T> T construct(Function<MapReader, T> bind, MapReader options, Pos pos, Problems problems) {
        try {
            return bind.apply(options);
        } catch (IllegalArgumentException | DeepgridException e) {
            // a record's own rule across options (blobs: samples ≥ classes): the getters let the combination through
            options.refusal(e.getMessage(), pos);
            return null;
        }
    }
}
