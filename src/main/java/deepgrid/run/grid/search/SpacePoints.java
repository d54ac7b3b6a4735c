package deepgrid.run.grid.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counting and listing the points of a space: its size (a conditional choice adds up its
 * branches, independent entries multiply), every point of a discrete space (for the grid
 * sampler), and the few probe points that every value the space can produce must bind.
 */
final class SpacePoints {
    /** Spaces with more points than this are not listed (the grid sampler refuses them). */
    static final long MAX_LISTED = 1_000_000;

    private SpacePoints() {
    }

    /** The number of points, −1 when some parameter is continuous; saturates at Long.MAX_VALUE. */
    static long size(Space space) {
        long n = 1;
        for (Space.Entry e : space.entries()) {
            n = times(n, size(e.template()));
        }
        return n;
    }

    private static long size(Template t) {
        if (t instanceof Template.Value v) {
            return v.param().domain().size();
        }
        if (t instanceof Template.Pick p) {
            long n = 0;
            for (Template o : p.options()) {
                long s = size(o);
                if (s < 0) {
                    return -1;
                }
                n = n + s < n ? Long.MAX_VALUE : n + s;
            }
            return n;
        }
        List<Template> children = t instanceof Template.MapOf m ? List.copyOf(m.entries().values())
                : t instanceof Template.ListOf l ? l.items() : List.of();
        long n = 1;
        for (Template c : children) {
            n = times(n, size(c));
        }
        return n;
    }

    private static long times(long a, long b) {
        if (a < 0 || b < 0) {
            return -1;
        }
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    /** Every point of a discrete space with at most {@link #MAX_LISTED} points, first entry varying slowest. */
    static List<Assignment> points(Space space) {
        long n = size(space);
        if (n < 0 || n > MAX_LISTED) {
            throw new IllegalArgumentException("the space has " + (n < 0 ? "continuous parameters" : n + " points")
                    + "; only discrete spaces of at most " + MAX_LISTED + " points can be listed");
        }
        List<Map<String, Double>> out = List.of(Map.of());
        for (Space.Entry e : space.entries()) {
            out = product(out, points(e.template()));
        }
        return out.stream().map(m -> space.assign(new Assignment(m), p -> {
            throw new IllegalStateException("point misses " + p.name());
        })).toList();
    }

    private static List<Map<String, Double>> points(Template t) {
        if (t instanceof Template.Value v) {
            Numeric n = (Numeric) v.param().domain();
            List<Map<String, Double>> out = new ArrayList<>();
            for (long k = 0; k < n.size(); k++) {
                out.add(Map.of(v.param().name(), n.value(k)));
            }
            return out;
        }
        if (t instanceof Template.Pick p) {
            List<Map<String, Double>> out = new ArrayList<>();
            for (int j = 0; j < p.options().size(); j++) {
                for (Map<String, Double> sub : points(p.options().get(j))) {
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put(p.param().name(), (double) j);
                    m.putAll(sub);
                    out.add(m);
                }
            }
            return out;
        }
        List<Template> children = t instanceof Template.MapOf m ? List.copyOf(m.entries().values())
                : t instanceof Template.ListOf l ? l.items() : List.of();
        List<Map<String, Double>> out = List.of(Map.of());
        for (Template c : children) {
            out = product(out, points(c));
        }
        return out;
    }

    private static List<Map<String, Double>> product(List<Map<String, Double>> a, List<Map<String, Double>> b) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (Map<String, Double> x : a) {
            for (Map<String, Double> y : b) {
                Map<String, Double> m = new LinkedHashMap<>(x);
                m.putAll(y);
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Points that together show every value kind the space can write: each numeric parameter
     * at its low and at its high end, each option of each choice (nested branches included),
     * each branch with its ranges at both ends. Point (k, end) takes option
     * ⌊k / stride⌋ mod C of every choice, where stride is the product of the option counts of
     * the choices above it, so a nested choice meets every option under every parent branch.
     */
    static List<Assignment> probes(Space space) {
        Map<String, Long> stride = new LinkedHashMap<>();
        long points = 1;
        for (Param p : space.params()) {
            if (p.domain() instanceof Categorical c) {
                long s = p.isConditional() ? stride.get(p.parent()) * space.param(p.parent()).domain().size() : 1;
                stride.put(p.name(), s);
                points = Math.max(points, s * c.size());
            }
        }
        Set<Assignment> out = new LinkedHashSet<>();
        for (int end = 0; end < 2; end++) {
            for (long k = 0; k < points; k++) {
                final int e = end;
                final long kk = k;
                out.add(space.assign(Assignment.EMPTY, p -> p.domain() instanceof Numeric n ? (e == 0 ? n.lo() : n.hi())
                        : (kk / stride.get(p.name())) % p.domain().size()));
            }
        }
        return List.copyOf(out);
    }
}
