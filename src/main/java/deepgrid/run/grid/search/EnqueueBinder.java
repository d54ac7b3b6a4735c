package deepgrid.run.grid.search;

import deepgrid.config.ConfigText;
import deepgrid.config.Node;
import deepgrid.config.Problems;
import deepgrid.config.Suggest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code search.enqueue}: trials to run first, verbatim (Optuna's enqueue_trial), each
 * a map from space keys to values. A value must be a point of its range (inside it, on its
 * step, an integer for int) or one of the choice's options; a conditional choice takes its
 * branch's label or a map of the branch ({type: sgd, lr: 0.01}). Keys left out are drawn.
 */
final class EnqueueBinder {
    private final Problems problems;

    private EnqueueBinder(Problems problems) {
        this.problems = problems;
    }

    static List<Assignment> read(Node node, Space space, Problems problems) {
        List<Assignment> out = new ArrayList<>();
        if (node == null || node instanceof Node.Scalar s && s.isNull()) {
            return out;
        }
        if (!(node instanceof Node.ListNode list)) {
            problems.add(node.pos(), "search.enqueue: found " + node.describe()
                    + ", expected a list of trials, e.g. - {optimizer.lr: 0.001}");
            return out;
        }
        EnqueueBinder b = new EnqueueBinder(problems);
        Map<String, Space.Entry> entries = new LinkedHashMap<>();
        space.entries().forEach(e -> entries.put(e.key(), e));
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String where = "search.enqueue[" + i + "]";
            if (!(item instanceof Node.MapNode m)) {
                problems.add(item.pos(), where + ": found " + item.describe() + ", expected a map of space path: value");
                continue;
            }
            Map<String, Double> fixed = new LinkedHashMap<>();
            m.entries().forEach((key, value) -> {
                Space.Entry e = entries.get(key);
                if (e == null) {
                    String hint = Suggest.didYouMean(key, entries.keySet());
                    problems.add(m.keyPos().get(key), where + ": '" + key + "' is not a path of search.space"
                            + (hint.isEmpty() ? "; its paths: " + String.join(", ", entries.keySet()) : hint));
                } else {
                    b.match(e.template(), value, where + "." + key, fixed);
                }
            });
            out.add(new Assignment(fixed));
        }
        return out;
    }

    private void match(Template t, Node v, String where, Map<String, Double> out) {
        if (t instanceof Template.Fixed f) {
            if (!ConfigText.flow(f.node()).equals(ConfigText.flow(v))) {
                problems.add(v.pos(), where + ": found " + ConfigText.flow(v) + ", but the space fixes it at "
                        + ConfigText.flow(f.node()));
            }
        } else if (t instanceof Template.Value value) {
            number(value.param(), v, where, out);
        } else if (t instanceof Template.Pick p) {
            pick(p, v, where, out);
        } else if (t instanceof Template.MapOf m) {
            if (!(v instanceof Node.MapNode map)) {
                problems.add(v.pos(), where + ": found " + v.describe() + ", expected a map");
                return;
            }
            map.entries().forEach((k, x) -> {
                Template sub = m.entries().get(k);
                if (sub == null) {
                    problems.add(map.keyPos().get(k), where + ": unknown key '" + k + "'"
                            + Suggest.didYouMean(k, m.entries().keySet()));
                } else {
                    match(sub, x, where + "." + k, out);
                }
            });
        } else if (t instanceof Template.ListOf l) {
            if (!(v instanceof Node.ListNode list) || list.items().size() != l.items().size()) {
                problems.add(v.pos(), where + ": found " + v.describe() + ", expected a list of " + l.items().size());
                return;
            }
            for (int i = 0; i < l.items().size(); i++) {
                match(l.items().get(i), list.items().get(i), where + "[" + i + "]", out);
            }
        }
    }

    private void pick(Template.Pick p, Node v, String where, Map<String, Double> out) {
        List<String> labels = ((Categorical) p.param().domain()).labels();
        for (int j = 0; j < p.options().size(); j++) {
            Template o = p.options().get(j);
            boolean same = o instanceof Template.Fixed f && ConfigText.flow(f.node()).equals(ConfigText.flow(v));
            boolean label = !(o instanceof Template.Fixed) && v instanceof Node.Scalar s && s.text().equals(labels.get(j));
            boolean typed = !(o instanceof Template.Fixed) && v instanceof Node.MapNode m
                    && m.get("type") instanceof Node.Scalar s && s.text().equals(labels.get(j));
            if (same || label || typed) {
                out.put(p.param().name(), (double) j);
                if (typed) {
                    match(o, v, where, out);
                }
                return;
            }
        }
        problems.add(v.pos(), where + ": found " + ConfigText.flow(v) + ", expected one of the choice's options: "
                + String.join(", ", labels));
    }

    private void number(Param param, Node v, String where, Map<String, Double> out) {
        Numeric n = (Numeric) param.domain();
        BigDecimal x = null;
        if (v instanceof Node.Scalar s && !s.quoted()) {
            try {
                x = new BigDecimal(s.text().replaceFirst("^\\+", ""));
            } catch (NumberFormatException e) {
                x = null;
            }
        }
        String range = "[" + Numeric.show(n.low()) + ", " + Numeric.show(n.high()) + "]";
        if (x == null || n.kind() == Numeric.Kind.INT && x.stripTrailingZeros().scale() > 0) {
            problems.add(v.pos(), where + ": found " + v.describe() + ", expected "
                    + (n.kind() == Numeric.Kind.INT ? "an integer" : "a number") + " in " + range);
        } else if (x.compareTo(n.low()) < 0 || x.compareTo(n.high()) > 0) {
            problems.add(v.pos(), where + ": " + Numeric.show(x) + " is outside the space's range " + range
                    + "; widen the range or change the value");
        } else if (n.step() != null && x.subtract(n.low()).remainder(n.step()).signum() != 0) {
            problems.add(v.pos(), where + ": " + Numeric.show(x) + " is not on the range's step "
                    + Numeric.show(n.step()) + " from " + Numeric.show(n.low()));
        } else {
            out.put(param.name(), x.doubleValue());
        }
    }
}
