package deepgrid.lint;

import deepgrid.config.Pos;
import java.util.ArrayList;
import java.util.List;

/** What the rules found in one run point, in the order found. */
final class Findings {
    /** One warning of one point: where, what (with the reason and what to do), and which rule. */
    record Finding(Pos pos, String message, String rule) {
    }

    private final List<Finding> list = new ArrayList<>();
    private String rule = "";

    /** The rule whose findings follow. */
    void by(Rule r) {
        rule = r.id();
    }

    void add(Pos pos, String message) {
        list.add(new Finding(pos, message, rule));
    }

    List<Finding> list() {
        return List.copyOf(list);
    }
}
