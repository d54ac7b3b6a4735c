package deepgrid.run.grid.search;

/** The values one searched parameter can take: a numeric range or a choice among labelled options. */
public sealed interface Domain permits Numeric, Categorical {
    /** How many distinct values there are, or −1 for a continuous range. */
    long size();

    /** The value shown in trials.csv and space.yaml: 0.001, 128, relu, sgd. */
    String text(double value);
}
