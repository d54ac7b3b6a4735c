package deepgrid.nn.optimizers;

import com.fasterxml.jackson.databind.JsonNode;
import deepgrid.math.FlatMatrix;
import deepgrid.nn.Fixtures;
import deepgrid.nn.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fixtures/optimizers.json, written by scripts/make-optimizer-fixtures.py with
 * PyTorch in float64, and turns its pieces into deepgrid values.
 */
final class OptimizerFixture {
    /** Agreement required with PyTorch: |actual − expected| ≤ TOLERANCE·max(|expected|, 1e-3). */
    static final double TOLERANCE = 1e-12;

    private static JsonNode root;

    private OptimizerFixture() {
    }

    static synchronized JsonNode root() {
        if (root == null) {
            root = Fixtures.read("optimizers.json");
        }
        return root;
    }

    static List<JsonNode> list(String key) {
        List<JsonNode> out = new ArrayList<>();
        root().get(key).forEach(out::add);
        return out;
    }

    /** The fixture's W (a weight) and b (a bias), at their initial values. */
    static List<Param> initialParams() {
        JsonNode initial = root().get("initial");
        return List.of(new Param("W", Param.Role.WEIGHT, Fixtures.matrix(initial.get("W"))),
                new Param("b", Param.Role.BIAS, Fixtures.matrix(initial.get("b"))));
    }

    /** Copies the {W, b} gradients of {@code step} into the params' grads. */
    static void setGradients(List<Param> params, JsonNode step) {
        setData(params.get(0).grad(), step.get("W"));
        setData(params.get(1).grad(), step.get("b"));
    }

    static void setData(FlatMatrix target, JsonNode rows) {
        double[] source = Fixtures.matrix(rows).data();
        System.arraycopy(source, 0, target.data(), 0, source.length);
    }

    /** The spec the experiment file would bind from {@code node}, with the same keys. */
    static OptimizerSpec spec(JsonNode n) {
        double lr = n.get("lr").doubleValue();
        switch (n.get("type").asText()) {
            case "sgd": return new OptimizerSpec.Sgd(lr);
            case "momentum": return new OptimizerSpec.Momentum(lr, n.get("momentum").doubleValue());
            case "nesterov": return new OptimizerSpec.Nesterov(lr, n.get("momentum").doubleValue());
            case "adagrad": return new OptimizerSpec.Adagrad(lr, n.get("eps").doubleValue());
            case "rmsprop": return new OptimizerSpec.Rmsprop(lr, n.get("rho").doubleValue(), n.get("eps").doubleValue());
            case "adam": return new OptimizerSpec.Adam(lr, n.get("beta1").doubleValue(),
                    n.get("beta2").doubleValue(), n.get("eps").doubleValue());
            case "adamw": return new OptimizerSpec.AdamW(lr, n.get("beta1").doubleValue(),
                    n.get("beta2").doubleValue(), n.get("eps").doubleValue(), n.get("weight_decay").doubleValue());
            default: throw new IllegalArgumentException("unknown optimizer in fixture: " + n);
        }
    }

    /** Throws unless every entry of {@code actual} agrees with {@code expected} within {@link #TOLERANCE}. */
    static void assertClose(String what, JsonNode expected, FlatMatrix actual) {
        double[] e = Fixtures.matrix(expected).data();
        double[] a = actual.data();
        for (int i = 0; i < e.length; i++) {
            double allowed = TOLERANCE * Math.max(Math.abs(e[i]), 1e-3);
            if (!(Math.abs(a[i] - e[i]) <= allowed)) {
                throw new AssertionError(what + "[" + i + "] is " + a[i] + ", PyTorch has " + e[i]
                        + " (difference " + Math.abs(a[i] - e[i]) + ", allowed " + allowed + ")");
            }
        }
    }
}
