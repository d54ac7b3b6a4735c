package deepgrid.config;

import deepgrid.Printable;

/** One thing wrong with an experiment file: where, and what (found, allowed). */
public record Problem(Pos pos, String message) implements Comparable<Problem> {
    /** "file:line:col: message", with every non-printable character escaped: it goes to a terminal. */
    @Override
    public String toString() {
        return Printable.escape(pos + ": " + message);
    }

    @Override
    public int compareTo(Problem o) {
        int c = pos.file().compareTo(o.pos.file());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(pos.line(), o.pos.line());
        return c != 0 ? c : Integer.compare(pos.col(), o.pos.col());
    }
}
