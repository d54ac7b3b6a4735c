package deepgrid.nn.optimizers;

import deepgrid.math.Check;
import deepgrid.math.Range;

/**
 * How the learning rate changes from epoch to epoch. The training loop asks for the
 * rate of each epoch before running it and passes it to {@code Optimizer.step}; the
 * formulas are the closed forms of PyTorch's schedulers stepped once per epoch.
 * YAML: no {@code schedule} key means {@link Constant}.
 */
public sealed interface Schedule {
    /**
     * The learning rate of the epoch about to run.
     *
     * @param baseLr the optimizer's configured lr
     * @param epoch  0-based index of that epoch, 0 ≤ epoch < epochs
     * @param epochs the number of training epochs of the run
     */
    double lr(double baseLr, int epoch, int epochs);

    /** The YAML name, e.g. "cosine". */
    String name();

    /** The same rate for every epoch. */
    record Constant() implements Schedule {
        @Override
        public double lr(double baseLr, int epoch, int epochs) {
            checkEpoch(epoch, epochs);
            return baseLr;
        }

        @Override
        public String name() {
            return "constant";
        }
    }

    /**
     * Step decay: lr·factor^⌊epoch/every⌋, e.g. halve every 10 epochs. PyTorch's
     * {@code StepLR(step_size=every, gamma=factor)}. YAML {@code {type: step, every, factor}}.
     */
    record Step(int every, double factor) implements Schedule {
        /** Epochs between two decays: ≥ 1. */
        public static final Range EVERY = Range.atLeast(1);
        /** The factor of each decay when none is given (PyTorch's StepLR gamma). */
        public static final double DEFAULT_FACTOR = 0.1;

        public Step {
            Check.in("every", every, EVERY);
            Check.in("factor", factor, OptimizerSpec.POSITIVE);
        }

        @Override
        public double lr(double baseLr, int epoch, int epochs) {
            checkEpoch(epoch, epochs);
            return baseLr * Math.pow(factor, epoch / every);
        }

        @Override
        public String name() {
            return "step";
        }
    }

    /** Exponential decay: lr·γ^epoch. PyTorch's {@code ExponentialLR(gamma)}. YAML {@code {type: exponential, gamma}}. */
    record Exponential(double gamma) implements Schedule {
        public Exponential {
            Check.in("gamma", gamma, OptimizerSpec.POSITIVE);
        }

        @Override
        public double lr(double baseLr, int epoch, int epochs) {
            checkEpoch(epoch, epochs);
            return baseLr * Math.pow(gamma, epoch);
        }

        @Override
        public String name() {
            return "exponential";
        }
    }

    /**
     * Cosine annealing without restarts (Loshchilov & Hutter 2016, arXiv:1608.03983):
     * lr·½(1 + cos(π·epoch/epochs)), from lr down towards 0 over the run. PyTorch's
     * {@code CosineAnnealingLR(T_max=epochs, eta_min=0)}; the last epoch still gets a
     * small positive rate. YAML {@code {type: cosine}}.
     */
    record Cosine() implements Schedule {
        @Override
        public double lr(double baseLr, int epoch, int epochs) {
            checkEpoch(epoch, epochs);
            return baseLr * 0.5 * (1 + Math.cos(Math.PI * epoch / epochs));
        }

        @Override
        public String name() {
            return "cosine";
        }
    }

    private static void checkEpoch(int epoch, int epochs) {
        Check.in("epochs", epochs, Range.atLeast(1));
        Check.in("epoch", epoch, Range.from(0, epochs));
    }
}
