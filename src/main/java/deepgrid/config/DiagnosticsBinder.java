package deepgrid.config;

import deepgrid.math.Range;
import deepgrid.train.DiagnosticsSpec;
import deepgrid.train.DiagnosticsSpec.Output;
import deepgrid.train.DiagnosticsSpec.Snapshots;
import deepgrid.train.DiagnosticsSpec.Thresholds;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds {@code diagnostics:} — what each run records about itself besides metrics.csv.
 * The block, and each of its outputs, is {@code true} (defaults), {@code false} (off) or a
 * map of settings; absent means every output on with its defaults.
 */
final class DiagnosticsBinder {
    private static final String LAST = "last";
    static final Range PROBE = new Range(1, false, 100_000, false);
    static final Range RESOLUTION = new Range(10, false, 500, false);
    static final Range BINS = new Range(DiagnosticsSpec.Histograms.MIN_BINS, false,
            DiagnosticsSpec.Histograms.MAX_BINS, false);
    static final Range FRACTION = new Range(0, true, 1, true);
    static final Range MISTAKES = new Range(0, false, 1000, false);

    private final MapReader d;
    private final int epochs;
    private final Set<Output> on = EnumSet.noneOf(Output.class);

    private DiagnosticsBinder(MapReader d, int epochs) {
        this.d = d;
        this.epochs = epochs;
    }

    /** The diagnostics of {@code top}, for a run of {@code epochs} epochs (the default boundary epochs spread over them). */
    static DiagnosticsSpec bind(MapReader top, int epochs) {
        Node n = top.take("diagnostics");
        Boolean all = switchValue(n, "diagnostics", top.problems());
        if (all != null) {
            DiagnosticsSpec spec = all ? DiagnosticsSpec.defaults(epochs) : DiagnosticsSpec.none();
            top.put("diagnostics", resolved(spec));
            return spec;
        }
        Node.MapNode block = n instanceof Node.MapNode m ? m : null; // absent or null: every default
        MapReader d = MapReader.of(block, top.pos(), "diagnostics", top.problems());
        DiagnosticsSpec spec = new DiagnosticsBinder(d, epochs).bind();
        top.put("diagnostics", d.resolved());
        return spec;
    }

    private DiagnosticsSpec bind() {
        DiagnosticsSpec dflt = DiagnosticsSpec.defaults(epochs);
        int probe = d.integer("probe", DiagnosticsSpec.PROBE, PROBE);
        if (part(Output.LAYERS) != null) {
            d.put(Output.LAYERS.key(), true);
        }
        DiagnosticsSpec.Histograms histograms = histograms(part(Output.HISTOGRAMS), dflt.histograms());
        DiagnosticsSpec.Boundary boundary = boundary(part(Output.BOUNDARY), dflt.boundary());
        DiagnosticsSpec.Confusion confusion = confusion(part(Output.CONFUSION), dflt.confusion());
        Thresholds events = events(part(Output.EVENTS), dflt.events());
        d.finish();
        return new DiagnosticsSpec(on, probe, histograms, boundary, confusion, events);
    }

    /** The resolved block of {@code diagnostics: true|false}: every setting it stands for. */
    private static Map<String, Object> resolved(DiagnosticsSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("probe", spec.probe());
        for (Output o : Output.values()) {
            m.put(o.key(), spec.has(o) ? settings(o, spec) : false);
        }
        return m;
    }

    private static Object settings(Output o, DiagnosticsSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (o) {
            case LAYERS -> {
                return true;
            }
            case HISTOGRAMS -> {
                m.put("epochs", epochList(spec.histograms().epochs()));
                m.put("bins", spec.histograms().bins());
            }
            case BOUNDARY -> {
                m.put("epochs", epochList(spec.boundary().epochs()));
                m.put("resolution", spec.boundary().resolution());
            }
            case CONFUSION -> m.put("mistakes", spec.confusion().mistakes());
            case EVENTS -> m.putAll(thresholdMap(spec.events()));
        }
        return m;
    }

    /**
     * The settings map of one output, or null when it is off. {@code true} or absent is an
     * empty map (all defaults); problems are reported and read as off.
     */
    private MapReader part(Output o) {
        Node n = d.take(o.key());
        Boolean sw = switchValue(n, d.path(o.key()), d.problems());
        if (Boolean.FALSE.equals(sw)) {
            d.put(o.key(), false);
            return null;
        }
        if (o == Output.LAYERS && n instanceof Node.MapNode) {
            d.problems().add(n.pos(), d.path(o.key()) + ": found a map, expected true or false");
            return null;
        }
        on.add(o);
        return MapReader.of(n instanceof Node.MapNode ? n : null, d.pos(), d.path(o.key()), d.problems());
    }

    /** true/false for a scalar switch, null for a map or absent value; a bad scalar is a problem (and reads as on). */
    private static Boolean switchValue(Node n, String where, Problems problems) {
        if (!(n instanceof Node.Scalar s) || s.isNull()) {
            if (n != null && !(n instanceof Node.MapNode) && !(n instanceof Node.Scalar)) {
                problems.add(n.pos(), where + ": found " + n.describe() + ", expected true, false or a map of settings");
            }
            return null;
        }
        StringBuilder why = new StringBuilder();
        Boolean v = Scalars.bool(s, why);
        if (v == null) {
            problems.add(s.pos(), where + ": " + why + ", expected true, false or a map of settings");
            return null;
        }
        return v;
    }

    private DiagnosticsSpec.Histograms histograms(MapReader h, DiagnosticsSpec.Histograms dflt) {
        if (h == null) {
            return dflt;
        }
        Snapshots e = epochs(h, dflt.epochs());
        int bins = h.integer("bins", dflt.bins(), BINS);
        h.finish();
        d.put(Output.HISTOGRAMS.key(), h.resolved());
        return new DiagnosticsSpec.Histograms(e, bins);
    }

    private DiagnosticsSpec.Boundary boundary(MapReader b, DiagnosticsSpec.Boundary dflt) {
        if (b == null) {
            return dflt;
        }
        Snapshots e = epochs(b, dflt.epochs());
        int resolution = b.integer("resolution", dflt.resolution(), RESOLUTION);
        b.finish();
        d.put(Output.BOUNDARY.key(), b.resolved());
        return new DiagnosticsSpec.Boundary(e, resolution);
    }

    private DiagnosticsSpec.Confusion confusion(MapReader c, DiagnosticsSpec.Confusion dflt) {
        if (c == null) {
            return dflt;
        }
        int mistakes = c.integer("mistakes", dflt.mistakes(), MISTAKES);
        c.finish();
        d.put(Output.CONFUSION.key(), c.resolved());
        return new DiagnosticsSpec.Confusion(mistakes);
    }

    private Thresholds events(MapReader e, Thresholds t) {
        if (e == null) {
            return t;
        }
        Thresholds bound = new Thresholds(e.number("vanishing", t.vanishing(), FRACTION),
                e.number("exploding", t.exploding(), Range.above(1)), e.number("dead", t.dead(), FRACTION),
                e.number("saturated", t.saturated(), FRACTION), e.number("update_ratio_high", t.updateHigh(), Range.above(0)),
                e.number("update_ratio_low", t.updateLow(), Range.above(0)),
                e.integer("stuck_epochs", t.stuckEpochs(), Range.atLeast(1)), e.number("diverging", t.diverging(), Range.above(1)));
        if (!(bound.updateLow() < bound.updateHigh())) {
            e.problems().add(e.posOf("update_ratio_low"), e.path("update_ratio_low") + ": found "
                    + Range.fmt(bound.updateLow()) + ", expected a number below update_ratio_high ("
                    + Range.fmt(bound.updateHigh()) + ")");
        }
        e.finish();
        d.put(Output.EVENTS.key(), e.resolved());
        return bound;
    }

    private static Map<String, Object> thresholdMap(Thresholds t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vanishing", t.vanishing());
        m.put("exploding", t.exploding());
        m.put("dead", t.dead());
        m.put("saturated", t.saturated());
        m.put("update_ratio_high", t.updateHigh());
        m.put("update_ratio_low", t.updateLow());
        m.put("stuck_epochs", t.stuckEpochs());
        m.put("diverging", t.diverging());
        return m;
    }

    /** {@code epochs: [0, 10, last]}: epoch numbers ≥ 0 and the word last; the default when absent. */
    private Snapshots epochs(MapReader r, Snapshots dflt) {
        Node n = r.take("epochs");
        if (n == null || n instanceof Node.Scalar s && s.isNull()) {
            r.put("epochs", epochList(dflt));
            return dflt;
        }
        if (!(n instanceof Node.ListNode list) || list.items().isEmpty()) {
            r.problems().add(n.pos(), r.path("epochs") + ": found " + (n instanceof Node.ListNode ? "an empty list"
                    : n.describe()) + ", expected a list of epoch numbers and last, e.g. [0, 10, last]");
            return dflt;
        }
        TreeSet<Integer> fixed = new TreeSet<>();
        Snapshots.Last last = Snapshots.Last.EXCLUDED;
        for (Node item : list.items()) {
            StringBuilder why = new StringBuilder();
            Long v = item instanceof Node.Scalar s ? Scalars.integer(s, why) : null;
            if (item instanceof Node.Scalar s && !s.quoted() && s.text().equals(LAST)) {
                last = Snapshots.Last.INCLUDED;
            } else if (v != null && v >= 0 && v <= Integer.MAX_VALUE) {
                fixed.add(v.intValue());
            } else {
                String found = item instanceof Node.Scalar s ? (v != null ? "found " + s.text() : why.toString())
                        : "found " + item.describe();
                r.problems().add(item.pos(), r.path("epochs") + ": " + found + ", expected an epoch number ≥ 0 or last");
            }
        }
        Snapshots s = new Snapshots(fixed, last);
        r.put("epochs", epochList(s));
        return s;
    }

    private static List<Object> epochList(Snapshots s) {
        List<Object> out = new ArrayList<>(s.epochs());
        if (s.last() == Snapshots.Last.INCLUDED) {
            out.add(LAST);
        }
        return out;
    }
}
