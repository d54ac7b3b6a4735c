package deepgrid.report;

import deepgrid.report.html.Fmt;

/**
 * One comparison in plain words: which value did better and by how much when the paired
 * t-test's p is below 0.05, "no significant difference" otherwise, and why there is no
 * p-value when there is none. "Better" is higher for an accuracy, lower for a loss.
 */
final class Verdict {
    static final double ALPHA = 0.05;

    private Verdict() {
    }

    /** The verdict on one row of comparisons.csv. */
    static String of(Comparison c) {
        if (Double.isNaN(c.p())) {
            return noTest(c);
        }
        if (c.p() >= ALPHA) {
            return "no significant difference at p < 0.05 (" + p(c.p()) + ")";
        }
        boolean bWins = Headline.higherIsBetter(c.metric()) == c.difference() > 0;
        String better = bWins ? c.valueB() : c.valueA();
        String worse = bWins ? c.valueA() : c.valueB();
        return better + " better than " + worse + " by " + Fmt.sig(Math.abs(c.difference()), 2) + " (" + p(c.p()) + ")";
    }

    /** Whether the comparison found a difference at p &lt; 0.05. */
    static boolean significant(Comparison c) {
        return c.p() < ALPHA;
    }

    private static String noTest(Comparison c) {
        if (c.pairs() == 0) {
            return "not tested: no seed completed in both";
        }
        if (c.pairs() == 1) {
            return "not tested: only 1 seed completed in both (a test needs 2; use repeats: 3 or more)";
        }
        if (c.difference() == 0) {
            return "identical for every seed";
        }
        return "every seed changed by the same " + Fmt.sig(c.difference(), 2) + ": no test possible";
    }

    private static String p(double p) {
        return p < 0.001 ? "p < 0.001" : "p = " + Fmt.sig(p, 2);
    }
}
