package deepgrid.report;

import deepgrid.report.html.Fmt;
import deepgrid.report.html.Html;
import java.util.List;
import java.util.Map;

/**
 * Training-health events (events.csv): per grid point, each event with how many of its runs
 * had it and the earliest epoch; the same epochs are marked with ▼ on the curves above.
 */
final class EventSection {
    /** What each event means, in one line. */
    static final Map<String, String> MEANING = Map.of(
            "vanishing_gradients", "first layer's gradient norm ÷ last layer's: the early layers barely learn",
            "exploding_gradients", "first layer's gradient norm ÷ last layer's: steps blow up towards the input",
            "dead_units", "fraction of units that output 0 for every probe sample",
            "saturated", "fraction of outputs in a flat tail of sigmoid/tanh, where gradients vanish",
            "update_ratio_high", "one step's change of the weights ÷ their size: learning rate too high?",
            "update_ratio_low", "one step's change of the fastest layer's weights ÷ their size: learning rate too low?",
            "stuck_at_chance", "train accuracy, no better than always guessing the largest class, with a flat loss",
            "diverging", "train loss, NaN, infinite or far above epoch 0's");

    private EventSection() {
    }

    static void render(Html out, PageData data, List<PointEvents> events) {
        if (events.stream().allMatch(PointEvents::isEmpty)) {
            return;
        }
        out.open("section", "id", "events").newline();
        out.element("h2", "Training-health events").newline();
        out.element("p", "The first epoch at which a run showed each sign of trouble (events.csv); thresholds are"
                + " set in diagnostics.events. Marked ▼ on the curves.", "class", "note").newline();
        out.open("table").newline().open("tr");
        for (String h : List.of("grid point", "event", "runs", "first epoch", "value", "threshold", "what it measures")) {
            out.element("th", h);
        }
        out.close("tr").newline();
        for (int i = 0; i < data.points().size(); i++) {
            GridPoint p = data.points().get(i);
            for (PointEvents.Event e : events.get(i).events()) {
                out.open("tr").open("td").raw(SummarySection.swatch(data.color(i))).text(" " + p.label()).close("td");
                out.element("td", e.label()).element("td", e.runs() + " of " + p.runs().size(), "class", "num")
                        .element("td", Integer.toString(e.firstEpoch()), "class", "num")
                        .element("td", Fmt.sig(e.value(), 3), "class", "num")
                        .element("td", Fmt.sig(e.threshold(), 3), "class", "num")
                        .element("td", MEANING.getOrDefault(e.name(), "")).close("tr").newline();
            }
        }
        out.close("table").newline().close("section").newline();
    }
}
