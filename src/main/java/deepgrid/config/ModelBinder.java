package deepgrid.config;

import deepgrid.nn.Activation;
import deepgrid.nn.Initializer;
import deepgrid.nn.LayerSpec;
import java.util.ArrayList;
import java.util.List;

/** Binds {@code model:} — default initializers and the list of layers (SPEC §1.2), each a {@link Catalog#LAYERS} kind. */
final class ModelBinder {
    /** The bound layers, where each was written, where the last one and its explicit activation (if any) were written. */
    record Result(List<LayerSpec> layers, List<Pos> positions, Pos lastPos, Activation lastActivation) {
    }

    private final MapReader model;
    private final LayerSpec.Inits defaults;

    private ModelBinder(MapReader model) {
        this.model = model.declare(Sections.MODEL);
        Initializer w = model.choice(Sections.INIT);
        Initializer b = model.choice(Sections.BIAS_INIT);
        this.defaults = new LayerSpec.Inits(w, b);
    }

    static Result bind(MapReader model) {
        return new ModelBinder(model).layers();
    }

    private Result layers() {
        Node node = model.take(Sections.LAYERS.key());
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
                out.add(spec.withDefaultInits(defaults));
                positions.add(item.pos());
            }
        }
        return new Result(out, positions, list.items().get(list.items().size() - 1).pos(), lastActivation);
    }

    /** The layer whose kind is the first key of {@link Catalog#LAYERS} the map holds; null (reported) if none. */
    private LayerSpec layer(MapReader l) {
        Family<LayerSpec> kinds = Catalog.LAYERS;
        String kind = kinds.nameSet().stream().filter(l::has).findFirst().orElse(null);
        if (kind == null) {
            l.allow(kinds.nameSet().toArray(String[]::new)); // a misspelt kind is an unknown key, with "did you mean"
            if (l.isEmpty()) {
                l.problems().add(l.pos(), l.where() + ": found no layer kind, expected one of "
                        + String.join(", ", kinds.nameSet()));
            }
            return null;
        }
        Family.Entry<LayerSpec> entry = kinds.entry(kind);
        l.declare(entry.options());
        try {
            return entry.bind().apply(l);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null; // a problem was already reported for the value that made the record refuse
        }
    }
}
