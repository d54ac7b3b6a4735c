package deepgrid.run.grid.search;

import deepgrid.config.MapReader;
import deepgrid.config.Node;
import deepgrid.config.Pos;
import deepgrid.config.Problems;
import deepgrid.math.Range;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one numeric range: {@code {float: [low, high], log: false, step: 0.05}} or
 * {@code {int: [low, high], log: false, step: 1}}, checking low ≤ high, that a log scale has
 * low > 0 (int: low ≥ 1) and no step, that a step is > 0 and divides high − low.
 */
final class RangeReader {
    private RangeReader() {
    }

    /** The parameter (unconditional; the caller places it), or null after reporting problems. */
    static Param read(String name, Node.MapNode m, String where, Problems problems) {
        int before = problems.list().size();
        Numeric.Kind kind = m.get("float") != null ? Numeric.Kind.FLOAT : Numeric.Kind.INT;
        String key = kind == Numeric.Kind.FLOAT ? "float" : "int";
        MapReader r = MapReader.of(m, m.pos(), where, problems);
        BigDecimal[] range = bounds(r.take(key), kind, where + "." + key, problems);
        boolean log = r.bool("log", false);
        BigDecimal step = null;
        if (kind == Numeric.Kind.INT) {
            step = BigDecimal.valueOf(r.integer("step", 1, Range.atLeast(1)));
        } else if (r.has("step")) {
            step = decimal(r.take("step"));
            r.number("step", null, Range.above(0));
        }
        r.finish();
        if (range == null || problems.list().size() > before) {
            return null;
        }
        Numeric.Scale scale = log ? Numeric.Scale.LOG : Numeric.Scale.LINEAR;
        if (!check(new Written(kind, scale, range, step), m, where, problems)) {
            return null;
        }
        return Param.always(name, new Numeric(kind, scale, range[0], range[1], step));
    }

    /** A range as read, before its checks: the components of a {@link Numeric}. */
    private record Written(Numeric.Kind kind, Numeric.Scale scale, BigDecimal[] range, BigDecimal step) {
    }

    private static boolean check(Written w, Node.MapNode m, String where, Problems problems) {
        Numeric.Kind kind = w.kind();
        BigDecimal[] range = w.range();
        BigDecimal step = w.step();
        boolean log = w.scale() == Numeric.Scale.LOG;
        Pos rangePos = m.get(kind == Numeric.Kind.FLOAT ? "float" : "int").pos();
        if (range[0].compareTo(range[1]) > 0) {
            problems.add(rangePos, where + ": low " + Numeric.show(range[0]) + " is above high "
                    + Numeric.show(range[1]) + "; write [low, high]");
            return false;
        }
        if (log && kind == Numeric.Kind.FLOAT && step != null) {
            problems.add(m.get("step").pos(), where + ": log: true and step exclude each other (a log range is"
                    + " continuous); drop one");
            return false;
        }
        if (log && kind == Numeric.Kind.INT && step.compareTo(BigDecimal.ONE) != 0) {
            problems.add(m.get("step").pos(), where + ": log: true needs step 1 for an int; found step "
                    + Numeric.show(step));
            return false;
        }
        BigDecimal minimum = kind == Numeric.Kind.INT ? BigDecimal.ONE : BigDecimal.ZERO;
        if (log && range[0].compareTo(minimum) <= 0 && !(kind == Numeric.Kind.INT && range[0].signum() > 0)) {
            problems.add(rangePos, where + ": log: true needs low " + (kind == Numeric.Kind.INT ? "≥ 1" : "> 0")
                    + ", found " + Numeric.show(range[0]));
            return false;
        }
        if (step != null && range[1].subtract(range[0]).remainder(step).signum() != 0) {
            BigDecimal n = range[1].subtract(range[0]).divide(step, 0, java.math.RoundingMode.FLOOR);
            BigDecimal below = range[0].add(step.multiply(n));
            problems.add(rangePos, where + ": high − low = " + Numeric.show(range[1].subtract(range[0]))
                    + " is not a multiple of step " + Numeric.show(step) + "; use high "
                    + Numeric.show(below) + " or " + Numeric.show(below.add(step)));
            return false;
        }
        return true;
    }

    /** [low, high] from a two-item list, each read like any number of the file; null after a problem. */
    private static BigDecimal[] bounds(Node node, Numeric.Kind kind, String where, Problems problems) {
        String example = kind == Numeric.Kind.FLOAT ? "[1.0e-4, 0.1]" : "[32, 512]";
        if (!(node instanceof Node.ListNode list) || list.items().size() != 2) {
            problems.add(node.pos(), where + ": found " + (node instanceof Node.ListNode l ? "a list of "
                    + l.items().size() : node.describe()) + ", expected [low, high], e.g. " + example);
            return null;
        }
        // the two bounds as a map {[0]: low, [1]: high}, so MapReader's strict number rules apply
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Pos> keyPos = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            entries.put("[" + i + "]", list.items().get(i));
            keyPos.put("[" + i + "]", list.items().get(i).pos());
        }
        Problems local = new Problems();
        MapReader r = MapReader.of(new Node.MapNode(list.pos(), entries, keyPos), list.pos(), "", local);
        BigDecimal[] out = new BigDecimal[2];
        for (int i = 0; i < 2; i++) {
            String k = "[" + i + "]";
            if (kind == Numeric.Kind.INT) {
                out[i] = BigDecimal.valueOf(r.integer(k, null, Range.ANY));
            } else {
                r.number(k, null, Range.ANY);
                out[i] = decimal(list.items().get(i));
            }
        }
        // MapReader names a bound "[0]: found ..."; say whose bound it is
        local.list().forEach(p -> problems.add(p.pos(), where + p.message()));
        return local.isEmpty() ? out : null;
    }

    private static BigDecimal decimal(Node n) {
        try {
            return n instanceof Node.Scalar s ? new BigDecimal(s.text().replaceFirst("^\\+", "")) : null;
        } catch (NumberFormatException e) {
            return null; // reported by MapReader.number
        }
    }
}
