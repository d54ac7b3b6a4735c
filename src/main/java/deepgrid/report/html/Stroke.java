package deepgrid.report.html;

/** How a series is drawn. */
public enum Stroke {
    /** A solid line with an entry of its own in the legend; it sets the y range. */
    LINE,
    /**
     * A thin dashed line ending in a cross, for a run that diverged: shown, but kept out
     * of the y range (its last losses are huge) and listed once in the legend.
     */
    DIVERGED
}
