package deepgrid.nn;

import deepgrid.math.Check;
import deepgrid.math.Range;
import deepgrid.math.Rng;
import deepgrid.nn.layers.ActivationLayer;
import deepgrid.nn.layers.BatchNorm;
import deepgrid.nn.layers.Dense;
import deepgrid.nn.layers.Dropout;
import deepgrid.nn.layers.Maxout;
import java.util.ArrayList;
import java.util.List;

/** What one entry of {@code model.layers} asks for; builds its layer(s) once the input width is known. */
public sealed interface LayerSpec {
    /** Where a layer is built: its name ("layer2"), input width, and the init and dropout generators. */
    record Context(String name, int inWidth, Rng init, Rng dropout) {
    }

    /** The layers this entry stands for, in order (a dense with batchnorm and activation is three). */
    List<Layer> build(Context c);

    /** Output width given the input width. */
    int outWidth(int inWidth);

    /**
     * This entry with {@code defaults} in place of the initializers it leaves to the model
     * ({@code model.init}, {@code model.bias_init}); itself for entries without weights.
     */
    default LayerSpec withDefaultInits(Inits defaults) {
        return this;
    }

    /** Values in this entry's weight matrix, its largest array, given the input width (0 without weights). */
    default long weights(int inWidth) {
        return 0;
    }

    /** Batch normalization settings (Ioffe &amp; Szegedy 2015, arXiv:1502.03167); Keras-style momentum. */
    record BatchNormSettings(double momentum, double eps) {
        /** Keras' momentum of the running averages when none is given. */
        public static final double DEFAULT_MOMENTUM = 0.9;
        /** The momentum of the running averages: [0, 1). */
        public static final Range MOMENTUM = Range.from(0, 1);
        /** eps when none is given (PyTorch's; Keras' is 1e-3). */
        public static final double DEFAULT_EPS = 1e-5;
        /** eps: a finite number > 0. */
        public static final Range EPS = Range.above(0);

        public BatchNormSettings {
            Check.in("momentum", momentum, MOMENTUM);
            Check.in("eps", eps, EPS);
        }

        /** The settings of {@code batchnorm: true}. */
        public static BatchNormSettings defaults() {
            return new BatchNormSettings(DEFAULT_MOMENTUM, DEFAULT_EPS);
        }
    }

    /** Fully connected: x·W + b, then optional batch norm, then the activation (null: none). */
    record DenseSpec(int units, Activation activation, Inits inits, BatchNormSettings batchnorm) implements LayerSpec {
        /** Units: ≥ 1. */
        public static final Range UNITS = Range.atLeast(1);

        public DenseSpec {
            Check.in("units", units, UNITS);
        }

        @Override
        public List<Layer> build(Context c) {
            List<Layer> out = new ArrayList<>();
            out.add(new Dense(c.name(), c.inWidth(), units, inits.weights(), inits.bias(), c.init()));
            if (batchnorm != null) {
                out.add(new BatchNorm(c.name() + ".bn", units, batchnorm.momentum(), batchnorm.eps()));
            }
            if (activation != null) {
                out.add(new ActivationLayer(activation, units));
            }
            return out;
        }

        @Override
        public int outWidth(int inWidth) {
            return units;
        }

        @Override
        public LayerSpec withDefaultInits(Inits defaults) {
            return new DenseSpec(units, activation, inits.or(defaults), batchnorm);
        }

        @Override
        public long weights(int inWidth) {
            return (long) inWidth * units;
        }
    }

    /** The weight and bias initializers of a dense or maxout layer; null where the model's apply. */
    record Inits(Initializer weights, Initializer bias) {
        /** These initializers, with {@code defaults}' in place of the missing ones. */
        public Inits or(Inits defaults) {
            return new Inits(weights != null ? weights : defaults.weights(), bias != null ? bias : defaults.bias());
        }
    }

    /** Maxout (Goodfellow et al. 2013, arXiv:1302.4389): each unit is the max of {@code pieces} linear pieces. */
    record MaxoutSpec(int units, int pieces, Inits inits) implements LayerSpec {
        /** Units: ≥ 1. */
        public static final Range UNITS = Range.atLeast(1);
        /** Pieces per unit when none are given (Goodfellow et al.'s smallest useful choice). */
        public static final int DEFAULT_PIECES = 2;
        /** Pieces per unit: ≥ 1. */
        public static final Range PIECES = Range.atLeast(1);

        public MaxoutSpec {
            Check.in("units", units, UNITS);
            Check.in("pieces", pieces, PIECES);
        }

        @Override
        public List<Layer> build(Context c) {
            return List.of(new Maxout(c.name(), c.inWidth(), units, pieces, inits.weights(), inits.bias(), c.init()));
        }

        @Override
        public int outWidth(int inWidth) {
            return units;
        }

        @Override
        public LayerSpec withDefaultInits(Inits defaults) {
            return new MaxoutSpec(units, pieces, inits.or(defaults));
        }

        @Override
        public long weights(int inWidth) {
            return (long) inWidth * units * pieces;
        }
    }

    /** Inverted dropout with drop probability p (Srivastava et al. 2014). */
    record DropoutSpec(double p) implements LayerSpec {
        /** A drop probability: [0, 1) (1 would drop everything). */
        public static final Range P = Range.from(0, 1);

        public DropoutSpec {
            Check.in("dropout", p, P);
        }

        @Override
        public List<Layer> build(Context c) {
            return List.of(new Dropout(p, c.inWidth(), c.dropout().split(c.name())));
        }

        @Override
        public int outWidth(int inWidth) {
            return inWidth;
        }
    }

    /** Batch normalization as a layer of its own. */
    record BatchNormSpec(BatchNormSettings settings) implements LayerSpec {
        @Override
        public List<Layer> build(Context c) {
            return List.of(new BatchNorm(c.name(), c.inWidth(), settings.momentum(), settings.eps()));
        }

        @Override
        public int outWidth(int inWidth) {
            return inWidth;
        }
    }

    /** An activation as a layer of its own. */
    record ActivationSpec(Activation activation) implements LayerSpec {
        @Override
        public List<Layer> build(Context c) {
            return List.of(new ActivationLayer(activation, c.inWidth()));
        }

        @Override
        public int outWidth(int inWidth) {
            return inWidth;
        }
    }
}
