package deepgrid.nn.optimizers;

import deepgrid.math.Check;
import deepgrid.math.Range;
import deepgrid.nn.Optimizer;

/**
 * The configuration of an optimizer: validated hyperparameters, one record per
 * algorithm, with the defaults of PyTorch. Order of use: bind one from the experiment
 * file, then call {@link #create()} once per run, so every run starts with empty state.
 * The records name the classes of this package by their full name only because they
 * share their simple names.
 */
public sealed interface OptimizerSpec {
    /** The base learning rate (a {@link Schedule} may change it per epoch). */
    double lr();

    /** The YAML name, e.g. "adam". */
    String name();

    /** A new optimizer with empty state (no velocities, no moment estimates). */
    Optimizer create();

    /** The momentum coefficient μ when none is given, as in Keras examples and most courses. */
    double DEFAULT_MOMENTUM = 0.9;
    /** The learning rate of sgd, momentum, nesterov, adagrad and rmsprop when none is given (PyTorch's). */
    double DEFAULT_LR = 0.01;
    /** A learning rate or an eps: a finite number > 0. */
    Range POSITIVE = Range.above(0);
    /** A decay rate (momentum, β, ρ): [0, 1). */
    Range DECAY = Range.from(0, 1);
    /** A weight decay: ≥ 0. */
    Range NON_NEGATIVE = Range.atLeast(0);

    /** Plain gradient descent: θ ← θ − lr·g. YAML {@code sgd {lr}}. */
    record Sgd(double lr) implements OptimizerSpec {
        public Sgd {
            Check.in("lr", lr, POSITIVE);
        }

        @Override
        public String name() {
            return "sgd";
        }

        @Override
        public Optimizer create() {
            return new deepgrid.nn.optimizers.Sgd();
        }
    }

    /** Heavy-ball momentum. YAML {@code momentum {lr, momentum 0.9}}. */
    record Momentum(double lr, double momentum) implements OptimizerSpec {
        public Momentum {
            Check.in("lr", lr, POSITIVE);
            Check.in("momentum", momentum, DECAY);
        }

        public Momentum(double lr) {
            this(lr, DEFAULT_MOMENTUM);
        }

        @Override
        public String name() {
            return "momentum";
        }

        @Override
        public Optimizer create() {
            return new deepgrid.nn.optimizers.Momentum(this);
        }
    }

    /** Nesterov momentum. YAML {@code nesterov {lr, momentum 0.9}}. */
    record Nesterov(double lr, double momentum) implements OptimizerSpec {
        public Nesterov {
            Check.in("lr", lr, POSITIVE);
            Check.in("momentum", momentum, DECAY);
        }

        public Nesterov(double lr) {
            this(lr, DEFAULT_MOMENTUM);
        }

        @Override
        public String name() {
            return "nesterov";
        }

        @Override
        public Optimizer create() {
            return new deepgrid.nn.optimizers.Nesterov(this);
        }
    }

    /** AdaGrad. YAML {@code adagrad {lr, eps 1e-10}} (PyTorch's defaults: lr 0.01, eps 1e-10). */
    record Adagrad(double lr, double eps) implements OptimizerSpec {
        public static final double DEFAULT_EPS = 1e-10;

        public Adagrad {
            Check.in("lr", lr, POSITIVE);
            Check.in("eps", eps, POSITIVE);
        }

        public Adagrad(double lr) {
            this(lr, DEFAULT_EPS);
        }

        @Override
        public String name() {
            return "adagrad";
        }

        @Override
        public Optimizer create() {
            return new deepgrid.nn.optimizers.Adagrad(this);
        }
    }

    /** RMSprop. YAML {@code rmsprop {lr, rho 0.99, eps 1e-8}} (PyTorch's defaults; PyTorch calls ρ "alpha"). */
    record Rmsprop(double lr, double rho, double eps) implements OptimizerSpec {
        public static final double DEFAULT_RHO = 0.99;
        public static final double DEFAULT_EPS = 1e-8;

        public Rmsprop {
            Check.in("lr", lr, POSITIVE);
            Check.in("rho", rho, DECAY);
            Check.in("eps", eps, POSITIVE);
        }

        public Rmsprop(double lr) {
            this(lr, DEFAULT_RHO, DEFAULT_EPS);
        }

        @Override
        public String name() {
            return "rmsprop";
        }

        @Override
        public Optimizer create() {
            return new deepgrid.nn.optimizers.Rmsprop(this);
        }
    }

    /** Adam. YAML {@code adam {lr, beta1 0.9, beta2 0.999, eps 1e-8}} (PyTorch's defaults, lr 0.001). */
    record Adam(double lr, double beta1, double beta2, double eps) implements OptimizerSpec {
        public static final double DEFAULT_LR = 0.001;
        public static final double DEFAULT_BETA1 = 0.9;
        public static final double DEFAULT_BETA2 = 0.999;
        public static final double DEFAULT_EPS = 1e-8;

        public Adam {
            Check.in("lr", lr, POSITIVE);
            Check.in("beta1", beta1, DECAY);
            Check.in("beta2", beta2, DECAY);
            Check.in("eps", eps, POSITIVE);
        }

        public Adam(double lr) {
            this(lr, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS);
        }

        @Override
        public String name() {
            return "adam";
        }

        @Override
        public Optimizer create() {
            return new deepgrid.nn.optimizers.Adam(this);
        }
    }

    /**
     * AdamW. YAML {@code adamw {lr, beta1 0.9, beta2 0.999, eps 1e-8, weight_decay 0.01}}
     * (PyTorch's defaults, lr 0.001).
     */
    record AdamW(double lr, double beta1, double beta2, double eps, double weightDecay) implements OptimizerSpec {
        public static final double DEFAULT_WEIGHT_DECAY = 0.01;

        public AdamW {
            Check.in("lr", lr, POSITIVE);
            Check.in("beta1", beta1, DECAY);
            Check.in("beta2", beta2, DECAY);
            Check.in("eps", eps, POSITIVE);
            Check.in("weight_decay", weightDecay, NON_NEGATIVE);
        }

        public AdamW(double lr) {
            this(lr, Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPS, DEFAULT_WEIGHT_DECAY);
        }

        /** The Adam part of this configuration, without the decay. */
        public Adam adam() {
            return new Adam(lr, beta1, beta2, eps);
        }

        @Override
        public String name() {
            return "adamw";
        }

        @Override
        public Optimizer create() {
            return new deepgrid.nn.optimizers.AdamW(this);
        }
    }
}
