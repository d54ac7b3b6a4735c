package deepgrid.run.grid;

import deepgrid.config.Node;
import deepgrid.config.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code variants:}: named partial experiment files, deep-merged into the file (maps by key; lists and scalars replace). */
final class Variants {
    record Variant(String name, Node tree) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    /** Keys a variant cannot hold, and what to write instead. */
    private static final java.util.Map<String, String> NOT_IN_A_VARIANT = java.util.Map.of(
            "grid", "(it would be ignored); write grid: at the top level, it is crossed with every variant",
            "variants", "(it would be ignored); list every variant in the top-level variants:");

    private Variants() {
    }

    /** The variants, or one unnamed empty variant when there are none. */
    static List<Variant> read(Node node, Problems problems) {
        List<Variant> out = new ArrayList<>();
        if (node == null || node instanceof Node.Scalar s && s.isNull()) {
            out.add(new Variant("", null));
            return out;
        }
        if (!(node instanceof Node.ListNode list) || list.items().isEmpty()) {
            problems.add(node.pos(), "variants: found " + node.describe() + ", expected a list of {name: ..., key: value}");
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (Node item : list.items()) {
            if (!(item instanceof Node.MapNode m) || !(m.get("name") instanceof Node.Scalar n) || n.isNull()) {
                problems.add(item.pos(), "variants: each variant is a map with a name, e.g. - {name: adam, optimizer: adam}");
                continue;
            }
            if (!NAME.matcher(n.text()).matches()) {
                problems.add(n.pos(), "variants: name '" + n.text() + "' must be letters, digits, '.', '_' or '-', ≤ 40 characters");
            } else if (!seen.add(n.text())) {
                problems.add(n.pos(), "variants: the name '" + n.text() + "' is used twice");
            }
            NOT_IN_A_VARIANT.forEach((key, instead) -> {
                if (m.get(key) != null) {
                    problems.add(m.keyPos().get(key), "variants: a variant cannot hold " + key + ": " + instead);
                }
            });
            out.add(new Variant(n.text(), m.without("name")));
        }
        return out;
    }

    /** {@code over} deep-merged into {@code base}: maps merge key by key; lists and scalars replace. */
    static Node merge(Node base, Node over) {
        if (over == null) {
            return base;
        }
        if (!(base instanceof Node.MapNode b) || !(over instanceof Node.MapNode o)) {
            return over;
        }
        Node.MapNode out = b;
        for (var e : o.entries().entrySet()) {
            out = out.with(e.getKey(), merge(b.get(e.getKey()), e.getValue()));
        }
        return out;
    }
}
