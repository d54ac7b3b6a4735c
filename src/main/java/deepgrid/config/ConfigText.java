package deepgrid.config;

import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/** Turns resolved configs and tree values back into YAML text. */
public final class ConfigText {
    private ConfigText() {
    }

    /** A resolved config (plain maps, lists, strings, numbers, booleans) as a block-style YAML document. */
    public static String toYaml(Map<String, Object> resolved) {
        if (resolved.isEmpty()) {
            return DUMPER.get().dump(resolved);
        }
        StringBuilder text = new StringBuilder();
        for (var e : resolved.entrySet()) {
            text.append(ENTRIES.get().computeIfAbsent(new Entry(e.getKey(), e.getValue()),
                    k -> DUMPER.get().dump(java.util.Collections.singletonMap(k.key(), k.value()))));
        }
        return text.toString();
    }

    /**
     * A top-level entry of a resolved config. A block-style document is its top-level entries
     * dumped one after another (each starts at column 0 and ends with a line break), and the
     * runs of a grid share most of them: each distinct entry is dumped once per thread, which
     * makes hashing and writing a run's config cheap (ConfigTextTest checks the text equals a
     * whole dump).
     */
    private record Entry(String key, Object value) {
    }

    /** Dumped entries, per thread; bounded, as a long plan has as many distinct seeds as runs. */
    private static final ThreadLocal<Map<Entry, String>> ENTRIES = ThreadLocal.withInitial(() ->
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Entry, String> eldest) {
                    return size() > 4096;
                }
            });

    /** One dumper per thread (a Yaml is not thread-safe, and costs more to build than a small dump). */
    private static final ThreadLocal<Yaml> DUMPER = ThreadLocal.withInitial(() -> {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(0);
        o.setWidth(120);
        o.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(new Strings(o), o);
    });

    /**
     * snakeyaml writes a string with a control character (a description with an ESC in it)
     * as {@code !!binary}, a tag deepgrid refuses to read; write it double-quoted with
     * escapes instead ({@code "\e[1m"}), which reads back as the same string.
     */
    private static final class Strings extends Representer {
        Strings(DumperOptions options) {
            super(options);
            Represent plain = representers.get(String.class);
            representers.put(String.class, data -> StreamReader.isPrintable((String) data) ? plain.representData(data)
                    : representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.DOUBLE_QUOTED));
        }
    }

    /** {@code text} as one double-quoted YAML scalar, every non-printable character escaped. */
    static String doubleQuoted(String text) {
        DumperOptions o = new DumperOptions();
        o.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        o.setWidth(Integer.MAX_VALUE);
        o.setSplitLines(false);
        o.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(new Strings(o), o).dump(text).strip();
    }

    /**
     * The config.yaml of one run: its resolved config, then its grid point as a grid of
     * one value per path and its variant as a variant without settings. Both change
     * nothing (the resolved config already holds them), but keep the run's grid columns
     * and id when the file is run on its own. {@code coordinates} are grid path → value as
     * {@link #flow} wrote it.
     */
    public static String runFile(Map<String, Object> resolved, String variant, Map<String, String> coordinates) {
        StringBuilder text = new StringBuilder(toYaml(resolved));
        if (!coordinates.isEmpty()) {
            text.append("grid: # this run's grid point\n");
            coordinates.forEach((path, value) -> text.append("  ").append(path).append(": [")
                    .append(flowValue(value)).append("]\n"));
        }
        if (!variant.isEmpty()) {
            text.append("variants: # this run's variant, already merged above\n  - name: ").append(variant).append('\n');
        }
        return text.toString();
    }

    /** {@code value} as the one item of a flow list that reads back to the same text: as it is if it does, else quoted. */
    private static String flowValue(String value) {
        return FLOW_VALUES.computeIfAbsent(value, ConfigText::quoteIfNeeded);
    }

    /** The grid values of a plan repeat from run to run: each is checked once. Bounded, as a plan may be large. */
    private static final Map<String, String> FLOW_VALUES = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > 4096;
                }
            });

    private static String quoteIfNeeded(String value) {
        try {
            if (YamlReader.parseValue("grid", "[" + value + "]") instanceof Node.ListNode list
                    && list.items().size() == 1 && flow(list.items().get(0)).equals(value)) {
                return value;
            }
        } catch (ConfigException e) {
            // not YAML on its own (e.g. "a: b, c"): quote it
        }
        return StreamReader.isPrintable(value) ? "'" + value.replace("'", "''") + "'" : doubleQuoted(value);
    }

    /** A tree value on one line, as a user would write it: 0.1, he_normal, {type: adam, lr: 0.001}, [8, 8]. */
    public static String flow(Node n) {
        if (n instanceof Node.Scalar s) {
            return s.isNull() ? "null" : s.text();
        }
        if (n instanceof Node.ListNode l) {
            return l.items().stream().map(ConfigText::flow).collect(Collectors.joining(", ", "[", "]"));
        }
        Node.MapNode m = (Node.MapNode) n;
        return m.entries().entrySet().stream().map(e -> e.getKey() + ": " + flow(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

}
