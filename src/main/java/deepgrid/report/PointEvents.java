package deepgrid.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid point's training-health events (events.csv of each of its runs), one entry per
 * event and layer: how many runs had it, the earliest epoch, and the first such run's
 * value and threshold.
 */
record PointEvents(List<PointEvents.Event> events) {
    /** One event of one layer across a point's runs. */
    record Event(String name, String layer, String kind, int runs, int firstEpoch, double value, double threshold) {
        /** "vanishing_gradients at layer 1 dense(100)", or the name alone for the whole network. */
        String label() {
            return name + (layer.isEmpty() ? "" : " at layer " + layer + " " + kind);
        }
    }

    PointEvents {
        events = List.copyOf(events);
    }

    static PointEvents of(GridPoint p, RunFiles files) {
        Map<String, Event> byKey = new LinkedHashMap<>();
        for (RunRow run : p.runs()) {
            for (Map<String, String> r : files.read(run, "events.csv")) {
                String name = r.getOrDefault("event", "");
                String layer = r.getOrDefault("layer", "");
                double epoch = RunFiles.number(r, "epoch");
                if (name.isEmpty() || !Double.isFinite(epoch)) {
                    continue;
                }
                Event e = new Event(name, layer, r.getOrDefault("kind", ""), 1, (int) epoch, RunFiles.number(r, "value"),
                        RunFiles.number(r, "threshold"));
                byKey.merge(name + "@" + layer, e, (a, b) -> new Event(a.name(), a.layer(), a.kind(), a.runs() + 1,
                        Math.min(a.firstEpoch(), b.firstEpoch()), a.value(), a.threshold()));
            }
        }
        List<Event> sorted = new ArrayList<>(byKey.values());
        sorted.sort(java.util.Comparator.comparingInt(Event::firstEpoch));
        return new PointEvents(sorted);
    }

    boolean isEmpty() {
        return events.isEmpty();
    }
}
