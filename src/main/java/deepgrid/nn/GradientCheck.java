package deepgrid.nn;

import deepgrid.math.FlatMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Compares backpropagation with finite differences: for every scalar θ of every parameter
 * (and, if asked, of the input x) the analytic gradient a from forward(TRAIN) + backward is
 * compared with the central difference n = (J(θ + h) − J(θ − h)) / 2h, where J is the mean
 * data loss in TRAIN mode plus an optional {@link Penalty}. Each tensor is summarised by
 * its worst entry under the relative error
 * <pre>  e = |a − n| / max(|a| + |n|, floor)</pre>
 * which is 0 for a perfect match and 1 for opposite signs; the floor keeps entries whose
 * true gradient is (near) zero from dividing rounding noise by nearly nothing.
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
     * The denominator floor. Rounding makes the central difference accurate to roughly
     * 1e-16·|J|/h ≈ 1e-11 absolute, so gradients below the floor are judged by their
     * absolute difference, scaled by 1/floor.
     */
    public static final double FLOOR = 1e-5;

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

    /** The same check with {@code penalty} added to the objective (e.g. an L2 weight penalty). */
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
        FlatMatrix analytic = FlatMatrix.of(backpropagate()).copy();
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
        RealMatrix dx = network.backward(scores, targets);
        penalty.addGradient(network.params());
        return dx;
    }

    /** Central differences over every entry of {@code values}, which J reads, against {@code analytic}. */
    private Result compare(String name, FlatMatrix analytic, FlatMatrix values) {
        double[] v = values.data();
        double[] a = analytic.data();
        Entry worst = null;
        double maxError = 0.0;
        for (int i = 0; i < v.length; i++) {
            double old = v[i];
            v[i] = old + STEP;
            double plus = objective();
            v[i] = old - STEP;
            double minus = objective();
            v[i] = old;
            Entry e = new Entry(i / values.getColumnDimension(), i % values.getColumnDimension(),
                    a[i], (plus - minus) / (2 * STEP));
            double error = e.error();
            // a NaN error must win, so that a broken gradient can never pass
            if (worst == null || error > maxError || Double.isNaN(error)) {
                worst = e;
                maxError = error;
            }
        }
        return new Result(name, v.length, maxError, worst);
    }

    private double objective() {
        return network.loss(x, targets, Phase.TRAIN) + penalty.value(network.params());
    }

    /** An extra term of the objective, such as ½·l2·ΣW²: its value, and how it adds its gradient to each grad. */
    public interface Penalty {
        Penalty NONE = of(params -> 0.0, params -> { });

        double value(List<Param> params);

        /** Adds (not overwrites) this term's gradient to the {@code grad} of each parameter. */
        void addGradient(List<Param> params);

        static Penalty of(ToDoubleFunction<List<Param>> value, Consumer<List<Param>> addGradient) {
            return new Penalty() {
                @Override
                public double value(List<Param> params) {
                    return value.applyAsDouble(params);
                }

                @Override
                public void addGradient(List<Param> params) {
                    addGradient.accept(params);
                }
            };
        }
    }

    /** One compared entry: its position and the two gradients. */
    public record Entry(int row, int col, double analytic, double numeric) {
        /** |a − n| / max(|a| + |n|, {@link #FLOOR}). */
        public double error() {
            return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), FLOOR);
        }
    }

    /** The summary of one tensor: how many entries, the largest relative error and where (null if empty). */
    public record Result(String name, int entries, double maxError, Entry worst) {
        /** True when the largest error is below {@code tolerance} (never when it is NaN). */
        public boolean passes(double tolerance) {
            return maxError < tolerance;
        }

        /** "dense1.W  12 entries  max rel. error 3.1e-10 at [2,1] (analytic 0.01234, numeric 0.01234)". */
        public String describe() {
            String where = worst == null ? "" : String.format(java.util.Locale.ROOT,
                    " at [%d,%d] (analytic %.6g, numeric %.6g)", worst.row(), worst.col(),
                    worst.analytic(), worst.numeric());
            return String.format(java.util.Locale.ROOT, "%-16s %6d entries  max rel. error %.2e%s",
                    name, entries, maxError, where);
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
