package deepgrid.lint;

import deepgrid.config.ExperimentSpec;
import deepgrid.config.Node;
import deepgrid.config.Pos;
import deepgrid.data.Splits;
import deepgrid.nn.Activation;
import deepgrid.nn.Initializer;
import deepgrid.nn.LayerSpec;
import deepgrid.nn.initializers.Constant;
import deepgrid.nn.initializers.Normal;
import deepgrid.nn.initializers.Uniform;
import java.util.List;
import java.util.Locale;

/**
 * One run point as the rules see it: its tree (where each value was written), its bound
 * spec (what the values mean) and its data. Paths into the tree are keys and list indexes,
 * e.g. {@code pos("model", "layers", 2, "init")}; a missing value gives the position of
 * the nearest thing that is written, so a warning always points into the file.
 * {@code inputs} is measured once per data set and shared by the points that use it.
 */
record Subject(Node tree, ExperimentSpec spec, Splits data, InputScale inputs) {
    /** The largest absolute training input and its feature (0-based; -1 for no data). */
    record InputScale(double max, int feature) {
        static InputScale of(Splits data) {
            var x = data.train().inputs(); // a view: no copy of the data set
            double max = 0;
            int at = -1;
            for (int i = 0; i < x.rows(); i++) {
                for (int j = 0; j < x.cols(); j++) {
                    double v = Math.abs(x.get(i, j));
                    if (v > max) {
                        max = v;
                        at = j;
                    }
                }
            }
            return new InputScale(max, at);
        }
    }

    List<LayerSpec> layers() {
        return spec.model().layers();
    }

    /** The node at {@code path}, or null. */
    Node at(Object... path) {
        Node n = tree;
        for (Object key : path) {
            if (key instanceof String k && n instanceof Node.MapNode m) {
                n = m.get(k);
            } else if (key instanceof Integer i && n instanceof Node.ListNode l && i < l.items().size()) {
                n = l.items().get(i);
            } else {
                return null;
            }
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    boolean has(Object... path) {
        return at(path) != null;
    }

    /** Where {@code path} is written, or the nearest written thing above it. */
    Pos pos(Object... path) {
        for (int k = path.length; k >= 0; k--) {
            Node n = at(java.util.Arrays.copyOf(path, k));
            if (n != null) {
                return n.pos();
            }
        }
        return tree.pos();
    }

    /** A scalar as the user wrote it ("1e-7", not 1.0E-7), or {@code fallback} when it is not written. */
    String text(String fallback, Object... path) {
        return at(path) instanceof Node.Scalar s ? s.text() : fallback;
    }

    /** "model.layers[2]". */
    static String layer(int i) {
        return "model.layers[" + i + "]";
    }

    /** Index of the last dense or maxout layer (the output layer), -1 if none. */
    int outputLayer() {
        for (int i = layers().size() - 1; i >= 0; i--) {
            if (hasWeights(layers().get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The indexes of the dense layers before the output layer. */
    List<Integer> hiddenDense() {
        int out = outputLayer();
        return java.util.stream.IntStream.range(0, Math.max(0, out))
                .filter(i -> layers().get(i) instanceof LayerSpec.DenseSpec).boxed().toList();
    }

    static boolean hasWeights(LayerSpec l) {
        return l instanceof LayerSpec.DenseSpec || l instanceof LayerSpec.MaxoutSpec;
    }

    /** The activation right after layer i: its own, or a following activation layer; null if none. */
    Activation activationAfter(int i) {
        if (layers().get(i) instanceof LayerSpec.DenseSpec d && d.activation() != null) {
            return d.activation();
        }
        for (int j = i + 1; j < layers().size(); j++) {
            LayerSpec next = layers().get(j);
            if (next instanceof LayerSpec.ActivationSpec a) {
                return a.activation();
            }
            if (!(next instanceof LayerSpec.BatchNormSpec || next instanceof LayerSpec.DropoutSpec)) {
                return null;
            }
        }
        return null;
    }

    /** Where layer i's weight initializer is written: its own init, else model.init, else the layer. */
    Pos initPos(int i) {
        return has("model", "layers", i, "init") ? pos("model", "layers", i, "init")
                : has("model", "init") ? pos("model", "init") : pos("model", "layers", i);
    }

    /** The path of layer i's weight initializer as written: "model.layers[2].init" or "model.init". */
    String initPath(int i) {
        return has("model", "layers", i, "init") ? layer(i) + ".init" : "model.init";
    }

    /** The path of layer i's bias initializer as written: "model.layers[2].bias_init" or "model.bias_init". */
    String biasInitPath(int i) {
        return has("model", "layers", i, "bias_init") ? layer(i) + ".bias_init" : "model.bias_init";
    }

    /** "model.layers[0]" or "model.layers[0] and model.layers[1]" or "model.layers[0], [1] and [2]". */
    static String layers(List<Integer> list) {
        if (list.size() == 1) {
            return layer(list.get(0));
        }
        StringBuilder s = new StringBuilder(layer(list.get(0)));
        for (int k = 1; k < list.size(); k++) {
            s.append(k == list.size() - 1 ? " and " : ", ").append(layer(list.get(k)));
        }
        return s.toString();
    }

    /** Where layer i's bias initializer is written: its own bias_init, else model.bias_init, else the layer. */
    Pos biasInitPos(int i) {
        return has("model", "layers", i, "bias_init") ? pos("model", "layers", i, "bias_init")
                : has("model", "bias_init") ? pos("model", "bias_init") : pos("model", "layers", i);
    }

    /** An initializer as people name it: "he_normal", "normal(std 1)", "constant(0.5)". */
    static String describe(Initializer init) {
        if (init instanceof Normal n) {
            return "normal(std " + num(n.std()) + ")";
        }
        if (init instanceof Uniform u) {
            return "uniform(" + num(u.low()) + ", " + num(u.high()) + ")";
        }
        if (init instanceof Constant c) {
            return "constant(" + num(c.value()) + ")";
        }
        return init.name();
    }

    /** A number as short as it reads: 1, 0.01, 1e-07. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains("e")) { // 1.00e-05 → 1e-5
            return s.replaceAll("\\.?0+e", "e").replaceAll("e([-+]?)0*(\\d)", "e$1$2").replace("e+", "e");
        }
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }
}
