package deepgrid.run.grid.search;

import deepgrid.config.Node;
import deepgrid.config.Pos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value one space entry writes into the experiment tree, with holes for parameters:
 * a fixed value, a numeric parameter's value, one option of a choice, or a map or list
 * whose leaves may be any of these (a conditional branch: {type: sgd, lr: {float: …}}).
 */
public sealed interface Template {
    /** The tree value for an assignment that holds every parameter this template needs. */
    Node render(Assignment a);

    /** The normalised form written to space.yaml: plain maps, lists, strings, numbers. */
    Object normalized();

    /** A value used as it is. */
    record Fixed(Node node) implements Template {
        @Override
        public Node render(Assignment a) {
            return node;
        }

        @Override
        public Object normalized() {
            return Plain.of(node);
        }
    }

    /** A numeric parameter's value, as a scalar positioned at the range that produced it. */
    record Value(Param param, Pos pos) implements Template {
        @Override
        public Node render(Assignment a) {
            return new Node.Scalar(pos, param.domain().text(a.get(param.name())), false);
        }

        @Override
        public Object normalized() {
            Numeric n = (Numeric) param.domain();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(n.kind() == Numeric.Kind.INT ? "int" : "float", List.of(number(n, n.low()), number(n, n.high())));
            m.put("log", n.scale() == Numeric.Scale.LOG);
            if (n.step() != null) {
                m.put("step", number(n, n.step()));
            }
            return m;
        }

        private static Object number(Numeric n, java.math.BigDecimal v) {
            return n.kind() == Numeric.Kind.INT ? (Object) v.longValueExact() : (Object) v.doubleValue();
        }
    }

    /** One of several options, chosen by a categorical parameter. */
    record Pick(Param param, List<Template> options) implements Template {
        public Pick {
            options = List.copyOf(options);
        }

        @Override
        public Node render(Assignment a) {
            return options.get((int) a.get(param.name())).render(a);
        }

        @Override
        public Object normalized() {
            return Map.of("choice", options.stream().map(Template::normalized).toList());
        }
    }

    /** A map with parameters somewhere inside (a conditional branch, or a map within one). */
    record MapOf(Node.MapNode original, Map<String, Template> entries) implements Template {
        public MapOf {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public Node render(Assignment a) {
            Map<String, Node> out = new LinkedHashMap<>();
            entries.forEach((k, t) -> out.put(k, t.render(a)));
            return new Node.MapNode(original.pos(), out, original.keyPos());
        }

        @Override
        public Object normalized() {
            Map<String, Object> m = new LinkedHashMap<>();
            entries.forEach((k, t) -> m.put(k, t.normalized()));
            return m;
        }
    }

    /** A list with parameters somewhere inside (e.g. the layers of a branch). */
    record ListOf(Node.ListNode original, List<Template> items) implements Template {
        public ListOf {
            items = List.copyOf(items);
        }

        @Override
        public Node render(Assignment a) {
            List<Node> out = new ArrayList<>();
            items.forEach(t -> out.add(t.render(a)));
            return new Node.ListNode(original.pos(), out);
        }

        @Override
        public Object normalized() {
            return items.stream().map(Template::normalized).toList();
        }
    }
}
