package deepgrid.lint;

/** One lint check: looks at one bound run point and adds a finding for each thing it warns about. */
interface Rule {
    /** A short name shown after each warning, e.g. "constant-init"; listed in the README. */
    String id();

    /** Adds to {@code out} what this rule finds in {@code s}. */
    void check(Subject s, Findings out);
}
