package deepgrid.config;

import deepgrid.nn.Activation;
import deepgrid.nn.Initializer;
import deepgrid.nn.LayerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds {@code model:} — default initializers and the list of layers (SPEC §1.2). */
final class ModelBinder {
    static final List<String> KINDS = List.of("dense", "maxout", "dropout", "batchnorm", "activation");

    /** The bound layers, where each was written, where the last one and its explicit activation (if any) were written. */
    record Result(List<LayerSpec> layers, List<Pos> positions, Pos lastPos, Activation lastActivation) {
    }

    private final MapReader model;
    private final LayerSpec.Inits defaults;

    private ModelBinder(MapReader model) {
        this.model = model;
        Initializer w = model.choice("init", Catalog.INITIALIZERS, "xavier_uniform");
        Initializer b = model.choice("bias_init", Catalog.INITIALIZERS, "zeros");
        this.defaults = new LayerSpec.Inits(w, b);
    }

    static Result bind(MapReader model) {
        return new ModelBinder(model).layers();
    }

    private Result layers() {
        Node node = model.take("layers");
        List<LayerSpec> out = new ArrayList<>();
        List<Pos> positions = new ArrayList<>();
        List<Object> resolved = new ArrayList<>();
        model.put("layers", resolved);
        model.finish();
        if (node == null || node instanceof Node.Scalar s && s.isNull()) {
            model.problems().add(model.pos(), "missing 'model.layers' (a list of layers, e.g. - dense: 8)");
            return new Result(out, List.of(), model.pos(), null);
        }
        if (!(node instanceof Node.ListNode list) || list.items().isEmpty()) {
            model.problems().add(node.pos(), "model.layers: found " + (node instanceof Node.ListNode ? "an empty list"
                    : node.describe()) + ", expected a list of layers (e.g. - dense: 8)");
            return new Result(out, List.of(), model.pos(), null);
        }
        Activation lastActivation = null;
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            if (!(item instanceof Node.MapNode)) {
                model.problems().add(item.pos(), "model.layers[" + i + "]: found " + item.describe()
                        + ", expected a layer (a map such as dense: 8)");
                continue;
            }
            MapReader layer = MapReader.of(item, list.pos(), "model.layers[" + i + "]", model.problems());
            LayerSpec spec = layer(layer);
            lastActivation = spec instanceof LayerSpec.DenseSpec d ? d.activation() : null;
            layer.finish();
            resolved.add(layer.resolved());
            if (spec != null) {
                out.add(spec);
                positions.add(item.pos());
            }
        }
        return new Result(out, positions, list.items().get(list.items().size() - 1).pos(), lastActivation);
    }

    private LayerSpec layer(MapReader l) {
        String kind = KINDS.stream().filter(l::has).findFirst().orElse(null);
        if (kind == null) {
            l.allow(KINDS.toArray(String[]::new)); // a misspelt kind is an unknown key, with "did you mean"
            if (l.isEmpty()) {
                l.problems().add(l.pos(), l.where() + ": found no layer kind, expected one of " + String.join(", ", KINDS));
            }
            return null;
        }
        try {
            return switch (kind) {
                case "dense" -> dense(l);
                case "maxout" -> maxout(l);
                case "dropout" -> new LayerSpec.DropoutSpec(l.number("dropout", null, Range.fraction()));
                case "batchnorm" -> new LayerSpec.BatchNormSpec(batchnorm(l, "batchnorm"));
                default -> new LayerSpec.ActivationSpec(l.choice("activation", Catalog.ACTIVATIONS, null));
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            return null; // a problem was already reported for the value that made the record refuse
        }
    }

    private LayerSpec dense(MapReader l) {
        l.allow("activation", "batchnorm");
        int units = l.integer("dense", null, Range.atLeast(1));
        Activation activation = l.hasValue("activation") ? l.choice("activation", Catalog.ACTIVATIONS, null) : null;
        LayerSpec.Inits inits = inits(l);
        LayerSpec.BatchNormSettings bn = l.hasValue("batchnorm") ? batchnorm(l, "batchnorm") : null;
        return new LayerSpec.DenseSpec(units, activation, inits, bn);
    }

    private LayerSpec maxout(MapReader l) {
        MapReader m = l.child("maxout");
        int units = m.integer("units", null, Range.atLeast(1));
        int pieces = m.integer("pieces", 2, Range.atLeast(1));
        m.finish();
        return new LayerSpec.MaxoutSpec(units, pieces, inits(l));
    }

    private LayerSpec.Inits inits(MapReader l) {
        l.allow("init", "bias_init");
        Initializer w = l.hasValue("init") ? l.choice("init", Catalog.INITIALIZERS, null) : defaults.weights();
        Initializer b = l.hasValue("bias_init") ? l.choice("bias_init", Catalog.INITIALIZERS, null) : defaults.bias();
        return new LayerSpec.Inits(w, b);
    }

    /** {@code batchnorm: true} (defaults), {@code false} (none, dense only) or {@code {momentum, eps}}. */
    private static LayerSpec.BatchNormSettings batchnorm(MapReader l, String key) {
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
        MapReader m = MapReader.of(n instanceof Node.MapNode ? n : null, l.pos(), l.path(key), l.problems());
        double momentum = m.number("momentum", 0.9, Range.from(0, 1));
        double eps = m.number("eps", 1e-5, Range.above(0));
        m.finish();
        Map<String, Object> r = new LinkedHashMap<>(m.resolved());
        l.put(key, r);
        return new LayerSpec.BatchNormSettings(momentum, eps);
    }
}
