package deepgrid.nn;

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

    /** Values in this entry's weight matrix, its largest array, given the input width (0 without weights). */
    default long weights(int inWidth) {
        return 0;
    }

    /** Batch normalization settings (Ioffe &amp; Szegedy 2015, arXiv:1502.03167); Keras-style momentum. */
    record BatchNormSettings(double momentum, double eps) {
        public BatchNormSettings {
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum is " + momentum + ", expected ≥ 0 and < 1");
            }
            if (!(eps > 0)) {
                throw new IllegalArgumentException("eps is " + eps + ", expected > 0");
            }
        }
    }

    /** Fully connected: x·W + b, then optional batch norm, then the activation (null: none). */
    record DenseSpec(int units, Activation activation, Inits inits, BatchNormSettings batchnorm) implements LayerSpec {
        public DenseSpec {
            if (units < 1) {
                throw new IllegalArgumentException("units is " + units + ", expected ≥ 1");
            }
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
        public long weights(int inWidth) {
            return (long) inWidth * units;
        }
    }

    /** The weight and bias initializers of a dense or maxout layer. */
    record Inits(Initializer weights, Initializer bias) {
    }

    /** Maxout (Goodfellow et al. 2013, arXiv:1302.4389): each unit is the max of {@code pieces} linear pieces. */
    record MaxoutSpec(int units, int pieces, Inits inits) implements LayerSpec {
        public MaxoutSpec {
            if (units < 1 || pieces < 1) {
                throw new IllegalArgumentException("units and pieces must be ≥ 1, found " + units + " and " + pieces);
            }
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
        public long weights(int inWidth) {
            return (long) inWidth * units * pieces;
        }
    }

    /** Inverted dropout with drop probability p (Srivastava et al. 2014). */
    record DropoutSpec(double p) implements LayerSpec {
        public DropoutSpec {
            if (!(p >= 0 && p < 1)) {
                throw new IllegalArgumentException("dropout is " + p + ", expected ≥ 0 and < 1");
            }
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
