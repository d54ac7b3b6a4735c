package deepgrid.lint;

import deepgrid.Printable;
import deepgrid.config.Pos;
import java.util.List;

/**
 * One warning of one experiment file: where, what (with the reason and what to do), the
 * rule that found it, and the grid points it covers ({@code points} of the file's
 * {@code totalPoints}; empty for a file without a grid or variants), with {@code covers}
 * saying which in words ("every point with model.init=zeros"; "" when they are listed).
 */
public record LintWarning(Pos pos, String message, String rule, List<String> points, int totalPoints, String covers)
        implements Comparable<LintWarning> {
    /** Grid points listed by name, at most; the rest are counted. */
    static final int LISTED = 6;

    public LintWarning {
        points = List.copyOf(points);
    }

    /**
     * {@code file:line:col: warning: message (grid points: ...) [rule]}, or {@code error:} under
     * --strict; escaped for a terminal as every message is (a file name or value may hold anything).
     */
    public String format(Severity severity) {
        return Printable.escape(pos + ": " + severity.word() + ": " + message + coverage() + " [" + rule + "]");
    }

    /** How a warning is shown: as a warning, or as an error under --strict. */
    public enum Severity {
        WARNING("warning"), ERROR("error");

        private final String word;

        Severity(String word) {
            this.word = word;
        }

        String word() {
            return word;
        }
    }

    private String coverage() {
        if (totalPoints < 2 || points.isEmpty()) {
            return "";
        }
        if (points.size() == totalPoints) {
            return " (all " + totalPoints + " grid points)";
        }
        if (!covers.isEmpty()) {
            return " (" + points.size() + " of " + totalPoints + " grid points: " + covers + ")";
        }
        List<String> shown = points.size() <= LISTED ? points : points.subList(0, LISTED - 1);
        String more = points.size() <= LISTED ? "" : "; and " + (points.size() - shown.size()) + " more";
        return " (" + points.size() + " of " + totalPoints + " grid points: " + String.join("; ", shown) + more + ")";
    }

    @Override
    public int compareTo(LintWarning o) {
        int c = pos.file().compareTo(o.pos.file());
        c = c != 0 ? c : Integer.compare(pos.line(), o.pos.line());
        c = c != 0 ? c : Integer.compare(pos.col(), o.pos.col());
        return c != 0 ? c : message.compareTo(o.message);
    }
}
