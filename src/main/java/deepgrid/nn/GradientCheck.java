package deepgrid.nn;

import deepgrid.math.FlatMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Compares backpropagation with finite differences: for every scalar θ of every parameter
 * (and, if asked, of the input x) the analytic gradient a from forward(TRAIN) + backward is
 * compared with the central difference n = (J(θ + h) − J(θ − h)) / 2h, where J is the mean
 * data loss in TRAIN mode plus an optional {@link Penalty}. An entry passes when
 * <pre>  |a − n| ≤ {@value #ABSOLUTE_TOLERANCE}   or   |a − n| / (|a| + |n|) &lt; tolerance</pre>
 * The absolute test is for gradients that are (nearly) zero: there the relative error only
 * divides rounding noise by nearly nothing, and rounding makes the central difference
 * accurate to about 1e-16·|J|/h ≈ 1e-11 — which bits round which way depends on the CPU and
 * the BLAS kernel, so no verdict may hang on them. A tensor is summarised by its worst
 * entry: the largest relative error among the entries beyond the absolute tolerance.
 *
 * <p>Finite differences have no meaning across a kink (relu at 0, a maxout tie, a hinge
 * term at 0): the two steps see two slopes. {@link #rowsNearKinks} finds the samples that
 * put some pre-activation within {@value #KINK_MARGIN} of one, so that a caller can leave
 * them out of the batch.
 *
 * <p>Order of use: build with the network and one batch, optionally {@link #withPenalty},
 * then {@link #params()} and/or {@link #input()}. The first TRAIN forward pass is followed by
 * {@link Network#freezeRandomness()}, so dropout keeps one mask and J is a fixed function;
 * the network stays frozen afterwards, so check a network built for the purpose. Batch norm
 * in TRAIN is a deterministic function of the batch and checks as it is (its running
 * averages move during the check, which TRAIN outputs never read).
 */
public final class GradientCheck {
    /** The step h: small enough for the O(h²) truncation error, large enough for rounding (≈ ε/h). */
    public static final double STEP = 1e-5;
    /**
     * Entries whose analytic and numeric gradients differ by at most this pass whatever their
     * relative error: about 100× the rounding noise of a central difference at h = 1e-5.
     */
    public static final double ABSOLUTE_TOLERANCE = 1e-9;
    /** A sample closer than this to a kink is "on" it: 100 steps h, so ±h cannot cross it unless ∂z/∂θ &gt; 100. */
    public static final double KINK_MARGIN = 1e-3;

    private final Network network;
    private final FlatMatrix x; // (batch × in), a private copy that input() perturbs
    private final FlatMatrix targets;
    private final Penalty penalty;

    public GradientCheck(Network network, RealMatrix x, RealMatrix targets) {
        this(network, FlatMatrix.of(x).copy(), FlatMatrix.of(targets), Penalty.NONE);
    }

    private GradientCheck(Network network, FlatMatrix x, FlatMatrix targets, Penalty penalty) {
        this.network = network;
        this.x = x;
        this.targets = targets;
        this.penalty = penalty;
    }

    /** The same check with the weight penalty added to the objective, as training adds it. */
    public GradientCheck withPenalty(Penalty extra) {
        return new GradientCheck(network, x, targets, extra);
    }

    /** One result per parameter tensor, in the network's order. */
    public List<Result> params() {
        List<FlatMatrix> analytic = new ArrayList<>();
        backpropagate();
        for (Param p : network.params()) {
            analytic.add(p.grad().copy());
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < analytic.size(); i++) {
            Param p = network.params().get(i);
            results.add(compare(p.name(), analytic.get(i), p.value()));
        }
        return results;
    }

    /** The result for dJ/dx, named "input". */
    public Result input() {
        FlatMatrix analytic = FlatMatrix.of(backpropagate());
        return compare("input", analytic, x);
    }

    /** {@link #params()} followed by {@link #input()}. */
    public List<Result> all() {
        List<Result> results = new ArrayList<>(params());
        results.add(input());
        return results;
    }

    /** Forward in TRAIN, freeze the randomness, backward, add the penalty's gradient; returns dJ/dx. */
    private RealMatrix backpropagate() {
        RealMatrix scores = network.scores(x, Phase.TRAIN);
        network.freezeRandomness();
        RealMatrix dx = network.backwardToInput(scores, targets);
        penalty.addGradient(network.params());
        return dx;
    }

    /** Central differences over every entry of {@code values}, which J reads, against {@code analytic}. */
    private Result compare(String name, FlatMatrix analytic, FlatMatrix values) {
        double[] v = values.data();
        double[] a = analytic.data();
        int cols = values.getColumnDimension();
        Entry worstBeyond = null; // the largest relative error among entries beyond the absolute tolerance
        Entry worstWithin = null; // the largest |a − n| among the others
        double maxMagnitude = 0.0;
        for (int i = 0; i < v.length; i++) {
            double old = v[i];
            v[i] = old + STEP;
            double plus = objective();
            v[i] = old - STEP;
            double minus = objective();
            v[i] = old;
            Entry e = new Entry(i / cols, i % cols, a[i], (plus - minus) / (2 * STEP));
            maxMagnitude = Math.max(maxMagnitude, Math.max(Math.abs(e.analytic()), Math.abs(e.numeric())));
            if (!e.withinAbsolute()) {
                // a NaN must win, so that a broken gradient can never pass
                if (worstBeyond == null || Double.isNaN(e.error()) || e.error() > worstBeyond.error()) {
                    worstBeyond = e;
                }
            } else if (worstWithin == null || e.difference() > worstWithin.difference()) {
                worstWithin = e;
            }
        }
        Entry worst = worstBeyond != null ? worstBeyond : worstWithin;
        double maxError = worstBeyond != null ? worstBeyond.error() : 0.0;
        return new Result(name, v.length, maxError, worst, maxMagnitude <= ABSOLUTE_TOLERANCE);
    }

    /**
     * The rows of {@code x} that a TRAIN forward pass puts within {@link #KINK_MARGIN} of a kink
     * of some layer or of the loss, in increasing order. The pass draws a dropout mask and
     * moves batch norm's running averages, as any TRAIN pass does.
     */
    public static List<Integer> rowsNearKinks(Network network, RealMatrix x, RealMatrix targets) {
        RealMatrix scores = network.scores(x, Phase.TRAIN);
        double[] distances = new double[x.getRowDimension()];
        java.util.Arrays.fill(distances, Double.POSITIVE_INFINITY);
        for (Layer layer : network.layers()) {
            layer.nearestKinks(distances);
        }
        network.lossFunction().nearestKinks(scores, targets, distances);
        List<Integer> near = new ArrayList<>();
        for (int i = 0; i < distances.length; i++) {
            if (distances[i] < KINK_MARGIN) {
                near.add(i);
            }
        }
        return near;
    }

    private double objective() {
        return network.loss(x, targets, Phase.TRAIN) + penalty.value(network.params());
    }

    /** One compared entry: its position and the two gradients. */
    public record Entry(int row, int col, double analytic, double numeric) {
        /** |a − n| / (|a| + |n|): 0 for a perfect match (also when both are 0), 1 for opposite signs. */
        public double error() {
            double difference = difference();
            return difference == 0 ? 0.0 : difference / (Math.abs(analytic) + Math.abs(numeric));
        }

        /** |a − n|. */
        public double difference() {
            return Math.abs(analytic - numeric);
        }

        /** |a − n| ≤ {@link #ABSOLUTE_TOLERANCE}: passes whatever the relative error. */
        public boolean withinAbsolute() {
            return difference() <= ABSOLUTE_TOLERANCE;
        }
    }

    /**
     * The summary of one tensor: how many entries, the largest relative error among the entries
     * beyond the absolute tolerance (0 if none) and the worst entry (null if empty);
     * {@code zero} when every analytic and numeric entry is within the absolute tolerance of 0,
     * i.e. J does not depend on the tensor (a bias followed by batch norm, whose mean
     * subtraction cancels it).
     */
    public record Result(String name, int entries, double maxError, Entry worst, boolean zero) {
        /** True when every entry passes: |a − n| ≤ {@link #ABSOLUTE_TOLERANCE} or relative error &lt; tolerance (never NaN). */
        public boolean passes(double tolerance) {
            return maxError < tolerance;
        }

        /**
         * "dense1.W  12 entries  max rel. error 3.1e-10 at [2,1] (analytic 0.01234, numeric 0.01234)", or
         * for a tensor within the absolute tolerance everywhere "… every |a−n| ≤ 1e-9 (largest 1.1e-11 at …)".
         */
        public String describe() {
            String where = worst == null ? "" : String.format(Locale.ROOT,
                    " at [%d,%d] (analytic %.6g, numeric %.6g)", worst.row(), worst.col(),
                    worst.analytic(), worst.numeric());
            String head = String.format(Locale.ROOT, "%-16s %6d entries  ", name, entries);
            if (worst != null && worst.withinAbsolute()) {
                return head + String.format(Locale.ROOT, "every |a−n| ≤ 1e-9 (largest %.2e%s)%s",
                        worst.difference(), where,
                        zero ? "; gradient 0: the loss does not depend on it (a bias before batch norm)" : "");
            }
            return head + String.format(Locale.ROOT, "max rel. error %.2e%s", maxError, where);
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
