package deepgrid.run.grid.search;

import deepgrid.config.Node;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A tree value as plain Java data for YAML output: integers, decimals, booleans and null typed as written. */
final class Plain {
    private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private Plain() {
    }

    static Object of(Node n) {
        if (n instanceof Node.MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> out.put(k, of(v)));
            return out;
        }
        if (n instanceof Node.ListNode l) {
            return l.items().stream().map(Plain::of).toList();
        }
        Node.Scalar s = (Node.Scalar) n;
        if (s.quoted()) {
            return s.text();
        }
        if (s.isNull()) {
            return null;
        }
        String t = s.text();
        if (INTEGER.matcher(t).matches()) {
            return Long.parseLong(t);
        }
        if (DECIMAL.matcher(t).matches() && Double.isFinite(Double.parseDouble(t))) {
            return Double.parseDouble(t);
        }
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        return t;
    }
}
