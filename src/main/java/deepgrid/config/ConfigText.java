package deepgrid.config;

import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Turns resolved configs and tree values back into YAML text. */
public final class ConfigText {
    private ConfigText() {
    }

    /** A resolved config (plain maps, lists, strings, numbers, booleans) as a block-style YAML document. */
    public static String toYaml(Map<String, Object> resolved) {
        return DUMPER.get().dump(resolved);
    }

    /** One dumper per thread (a Yaml is not thread-safe, and costs more to build than a small dump). */
    private static final ThreadLocal<Yaml> DUMPER = ThreadLocal.withInitial(() -> {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(0);
        o.setWidth(120);
        o.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(o);
    });

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
        try {
            if (YamlReader.parseValue("grid", "[" + value + "]") instanceof Node.ListNode list
                    && list.items().size() == 1 && flow(list.items().get(0)).equals(value)) {
                return value;
            }
        } catch (ConfigException e) {
            // not YAML on its own (e.g. "a: b, c"): quote it
        }
        return "'" + value.replace("'", "''") + "'";
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
