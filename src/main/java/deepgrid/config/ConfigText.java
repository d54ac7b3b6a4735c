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
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(0);
        o.setWidth(120);
        o.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(o).dump(resolved);
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
