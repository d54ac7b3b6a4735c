package deepgrid.config;

import deepgrid.nn.Activation;
import deepgrid.nn.Initializer;
import deepgrid.nn.LayerSpec;
import deepgrid.nn.layers.ActivationLayer;
import deepgrid.nn.layers.BatchNorm;
import deepgrid.nn.layers.Dense;
import deepgrid.nn.layers.Dropout;
import deepgrid.nn.layers.Maxout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layer kinds of the catalogue ({@code model.layers}): each item of the list is a map whose
 * kind is the key it holds ({@code - dense: 8}), with the kind's other options beside it. A
 * dense or maxout layer without {@code init} / {@code bias_init} gets the model's
 * ({@link LayerSpec#withDefaultInits}).
 */
final class Layers {
    private Layers() {
    }

    static final Option MOMENTUM = Option.number("momentum", LayerSpec.BatchNormSettings.DEFAULT_MOMENTUM,
            LayerSpec.BatchNormSettings.MOMENTUM, "running = momentum·running + (1 − momentum)·batch (Keras style)");
    static final Option EPS = Option.number("eps", LayerSpec.BatchNormSettings.DEFAULT_EPS,
            LayerSpec.BatchNormSettings.EPS, "added to the variance");
    static final List<Option> BATCHNORM = List.of(MOMENTUM, EPS);

    static Family<LayerSpec> family(Family<Activation> activations, Family<Initializer> initializers) {
        Option init = Option.choice("init", initializers, null, "weight initializer (default: model.init)")
                .offUnlessGiven();
        Option biasInit = Option.choice("bias_init", initializers, null, "bias initializer (default: model.bias_init)")
                .offUnlessGiven();
        Option units = Option.integer("dense", null, LayerSpec.DenseSpec.UNITS, "units (outputs) of x·W + b");
        Option activation = Option.choice("activation", activations, null, "applied after the layer (default none:"
                + " linear, as Keras)").offUnlessGiven();
        Option batchnorm = Option.of("batchnorm", new Option.Value.Switch(BATCHNORM), null,
                "true, false or {momentum, eps}: batch normalization before the activation").offUnlessGiven();
        Option maxoutUnits = Option.integer("units", null, LayerSpec.MaxoutSpec.UNITS, "outputs");
        Option pieces = Option.integer("pieces", LayerSpec.MaxoutSpec.DEFAULT_PIECES, LayerSpec.MaxoutSpec.PIECES,
                "linear pieces per output");
        Option maxout = Option.of("maxout", new Option.Value.Section(List.of(maxoutUnits, pieces)), null,
                "{units, pieces}: each unit is the max of `pieces` linear pieces");
        Option dropout = Option.number("dropout", null, LayerSpec.DropoutSpec.P, "drop probability");
        Option ownBatchnorm = Option.of("batchnorm", new Option.Value.Switch(BATCHNORM), null,
                "true or {momentum, eps}");
        Option ownActivation = Option.choice("activation", activations, null, "the activation");
        return new Family<LayerSpec>("layer kind", Family.Form.NAME_AS_KEY)
                .add("dense", Dense.class, "fully connected: x·W + b, then optional batch norm and activation",
                        List.of(units, activation, init, biasInit, batchnorm), l -> new LayerSpec.DenseSpec(
                                l.integer(units), l.hasValue(activation) ? l.choice(activation) : null,
                                inits(l, init, biasInit), l.hasValue(batchnorm) ? batchnorm(l, batchnorm) : null))
                .add("maxout", Maxout.class, "each unit the max of `pieces` linear pieces (arXiv:1302.4389)",
                        List.of(maxout, init, biasInit), l -> {
                            MapReader m = l.child(maxout.key()).declare(List.of(maxoutUnits, pieces));
                            int u = m.integer(maxoutUnits);
                            int k = m.integer(pieces);
                            m.finish();
                            return new LayerSpec.MaxoutSpec(u, k, inits(l, init, biasInit));
                        })
                .add("dropout", Dropout.class, "inverted dropout (Srivastava et al. 2014), off in evaluation",
                        List.of(dropout), l -> new LayerSpec.DropoutSpec(l.number(dropout)))
                .add("batchnorm", BatchNorm.class, "batch normalization as a layer of its own (arXiv:1502.03167)",
                        List.of(ownBatchnorm), l -> new LayerSpec.BatchNormSpec(batchnorm(l, ownBatchnorm)))
                .add("activation", ActivationLayer.class, "an activation as a layer of its own",
                        List.of(ownActivation), l -> new LayerSpec.ActivationSpec(l.choice(ownActivation)));
    }

    /** The layer's own initializers; null where the model's apply. */
    private static LayerSpec.Inits inits(MapReader l, Option init, Option biasInit) {
        Initializer w = l.hasValue(init) ? l.choice(init) : null;
        Initializer b = l.hasValue(biasInit) ? l.choice(biasInit) : null;
        l.allow(init.key(), biasInit.key());
        return new LayerSpec.Inits(w, b);
    }

    /** {@code batchnorm: true} (defaults), {@code false} (none, dense only) or {@code {momentum, eps}}. */
    private static LayerSpec.BatchNormSettings batchnorm(MapReader l, Option option) {
        String key = option.key();
        Node n = l.take(key);
        if (n instanceof Node.Scalar s && !s.isNull()) {
            StringBuilder why = new StringBuilder();
            Boolean on = Scalars.bool(s, why);
            if (on == null) {
                l.problems().add(s.pos(), l.path(key) + ": " + why + ", expected true, false or {momentum, eps}");
                return null;
            }
            if (!on) {
                l.put(key, false);
                return null;
            }
        }
        MapReader m = MapReader.of(n instanceof Node.MapNode ? n : null, l.pos(), l.path(key), l.problems())
                .declare(BATCHNORM);
        double momentum = m.number(MOMENTUM);
        double eps = m.number(EPS);
        m.finish();
        Map<String, Object> r = new LinkedHashMap<>(m.resolved());
        l.put(key, r);
        return new LayerSpec.BatchNormSettings(momentum, eps);
    }
}
