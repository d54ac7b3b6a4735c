package deepgrid.lint;

import deepgrid.config.Pos;
import deepgrid.nn.Activation;
import deepgrid.nn.Initializer;
import deepgrid.nn.LayerSpec;
import deepgrid.nn.NetworkBuilder;
import deepgrid.nn.initializers.Constant;
import deepgrid.nn.initializers.Normal;
import deepgrid.nn.initializers.Uniform;
import deepgrid.nn.initializers.Zeros;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules about how the weights start (Glorot &amp; Bengio 2010; He et al. 2015, arXiv:1502.01852). */
final class InitRules {
    /** A net with at least this many hidden dense layers is deep enough for a poor initializer to show. */
    static final int DEEP = 3;
    /** A fixed std this many times away from √(1/fan_in) is flagged. */
    static final double SCALE_FACTOR = 5;

    private InitRules() {
    }

    /** The hidden layers of {@code s} grouped by where their weight initializer is written. */
    private static Map<Pos, List<Integer>> byInitPos(Subject s, List<Integer> layers) {
        Map<Pos, List<Integer>> groups = new LinkedHashMap<>();
        layers.forEach(i -> groups.computeIfAbsent(s.initPos(i), p -> new ArrayList<>()).add(i));
        return groups;
    }

    private static Initializer weights(Subject s, int i) {
        LayerSpec l = s.layers().get(i);
        return l instanceof LayerSpec.DenseSpec d ? d.inits().weights() : ((LayerSpec.MaxoutSpec) l).inits().weights();
    }

    /**
     * A constant on a hidden layer's weights when nothing else tells its units apart: the next
     * weight layer starts constant too (every unit gets the same gradient and they stay copies),
     * or the weights are 0 before a ReLU with a bias ≤ 0 (every unit outputs 0 and, ReLU's slope
     * at 0 being 0, gets no gradient). A constant layer followed by random weights is left alone:
     * those weights break the symmetry after one step.
     */
    static final class ConstantInit implements Rule {
        @Override
        public String id() {
            return "constant-init";
        }

        @Override
        public void check(Subject s, Findings out) {
            List<Integer> symmetric = new ArrayList<>();
            List<Integer> dead = new ArrayList<>();
            int output = s.outputLayer();
            for (int i = 0; i < output; i++) {
                if (!Subject.hasWeights(s.layers().get(i)) || !constant(weights(s, i))) {
                    continue;
                }
                if (constant(weights(s, nextWeights(s, i)))) {
                    symmetric.add(i);
                } else if (zeroInput(s, i) && s.activationAfter(i) != null && s.activationAfter(i).name().equals("relu")) {
                    dead.add(i);
                }
            }
            byInitPos(s, symmetric).forEach((pos, layers) -> {
                boolean one = layers.size() == 1;
                out.add(pos, s.initPath(layers.get(0)) + ": " + Subject.describe(weights(s, layers.get(0)))
                        + " gives every unit of hidden layer" + (one ? " " : "s ") + Subject.layers(layers)
                        + " the same weights in and out, so all " + (one ? "its" : "their") + " units get the same"
                        + " gradient and stay identical (" + (one ? "the layer works" : "each layer works") + " like a"
                        + " single unit); use a random initializer: he_normal for ReLU, xavier_normal for sigmoid or tanh");
            });
            byInitPos(s, dead).forEach((pos, layers) -> out.add(pos, s.initPath(layers.get(0)) + ": "
                    + Subject.describe(weights(s, layers.get(0))) + " before relu in " + Subject.layers(layers)
                    + ": every unit outputs relu(0) = 0 and, ReLU's slope at 0 being 0, gets no gradient, so the"
                    + " layer never learns; use he_normal"));
        }

        private static boolean constant(Initializer init) {
            return init instanceof Zeros || init instanceof Constant;
        }

        /** Whether layer i's units all see 0: zero weights and a bias that is a constant ≤ 0. */
        private static boolean zeroInput(Subject s, int i) {
            LayerSpec l = s.layers().get(i);
            Initializer w = weights(s, i);
            Initializer b = l instanceof LayerSpec.DenseSpec d ? d.inits().bias() : ((LayerSpec.MaxoutSpec) l).inits().bias();
            boolean zeroWeights = w instanceof Zeros || w instanceof Constant c && c.value() == 0;
            return zeroWeights && (b instanceof Zeros || b instanceof Constant c && c.value() <= 0);
        }

        /** The next dense or maxout layer after i. */
        private static int nextWeights(Subject s, int i) {
            int j = i + 1;
            while (!Subject.hasWeights(s.layers().get(j))) {
                j++;
            }
            return j;
        }
    }

    /** He with sigmoid/tanh, or Xavier/LeCun with ReLU, in a deep net. */
    static final class InitForActivation implements Rule {
        private static final Set<String> SYMMETRIC = Set.of("sigmoid", "tanh");
        private static final Set<String> RELU = Set.of("relu", "leaky_relu");
        private static final Set<String> HE = Set.of("he_normal", "he_uniform");
        private static final Set<String> GLOROT = Set.of("xavier_normal", "xavier_uniform", "lecun_normal", "lecun_uniform");

        @Override
        public String id() {
            return "init-activation";
        }

        @Override
        public void check(Subject s, Findings out) {
            List<Integer> hidden = s.hiddenDense();
            if (hidden.size() < DEEP) {
                return;
            }
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int i : hidden) {
                Activation a = s.activationAfter(i);
                String init = weights(s, i).name();
                if (a != null && (SYMMETRIC.contains(a.name()) && HE.contains(init)
                        || RELU.contains(a.name()) && GLOROT.contains(init))) {
                    groups.computeIfAbsent(init + " " + a.name() + " " + s.initPos(i), k -> new ArrayList<>()).add(i);
                }
            }
            groups.values().forEach(layers -> warn(s, layers, out));
        }

        private static void warn(Subject s, List<Integer> layers, Findings out) {
            int first = layers.get(0);
            String init = weights(s, first).name();
            String act = s.activationAfter(first).name();
            String what = s.initPath(first) + ": " + init + " with " + act + " in " + layers.size() + " hidden layers: ";
            if (HE.contains(init)) {
                out.add(s.initPos(first), what + "He's variance 2/fan_in is made for ReLU, which zeroes half of its"
                        + " inputs; " + act + " units get twice the variance that keeps the signal steady and drift"
                        + " into their flat tails, where gradients vanish; use xavier_normal or xavier_uniform");
            } else {
                out.add(s.initPos(first), what + init + " keeps the variance of activations that are symmetric"
                        + " around 0; " + act + " zeroes half of its inputs, so the signal's variance halves at every"
                        + " layer and the deep layers see almost nothing; use he_normal or he_uniform");
            }
        }
    }

    /** A fixed-scale normal or uniform init whose std is far from √(1/fan_in) in a deep net (the textbook's std 1 and 0.01). */
    static final class InitScale implements Rule {
        @Override
        public String id() {
            return "init-scale";
        }

        @Override
        public void check(Subject s, Findings out) {
            List<Integer> hidden = s.hiddenDense();
            if (hidden.size() < DEEP) {
                return;
            }
            // layers fed by another hidden layer: the first one's fan_in is the data's width
            byInitPos(s, hidden.subList(1, hidden.size())).forEach((pos, layers) -> check(s, pos, layers, out));
        }

        private static void check(Subject s, Pos pos, List<Integer> layers, Findings out) {
            double[] factors = layers.stream().mapToDouble(i -> std(weights(s, i)) * Math.sqrt(fanIn(s, i))).toArray();
            boolean large = java.util.Arrays.stream(factors).allMatch(f -> f >= SCALE_FACTOR);
            boolean small = java.util.Arrays.stream(factors).allMatch(f -> f <= 1 / SCALE_FACTOR);
            if (!large && !small) {
                return;
            }
            int first = layers.get(0);
            int fanIn = fanIn(s, first);
            double ideal = 1 / Math.sqrt(fanIn);
            double factor = factors[0];
            String ratio = large ? Subject.num(factor) + "× the" : "1/" + Subject.num(1 / factor) + " of the";
            String effect = large ? "signals grow from layer to layer (sigmoid and tanh units pile up at their ends,"
                    + " where gradients vanish)"
                    : "signals shrink from layer to layer, so deep units all output about the same (sigmoid: 0.5)"
                    + " and gradients vanish";
            String more = layers.size() == 1 ? "" : " and " + (layers.size() - 1) + " more hidden layer"
                    + (layers.size() == 2 ? "" : "s");
            out.add(pos, s.initPath(first) + ": " + Subject.describe(weights(s, first)) + " is " + ratio + " std"
                    + " √(1/fan_in) = " + Subject.num(ideal) + " that keeps the signal's variance steady through "
                    + Subject.layer(first) + " (" + fanIn + " inputs)" + more + ": " + effect
                    + "; use xavier_normal (sigmoid, tanh) or he_normal (ReLU)");
        }

        /** The std of a fixed-scale initializer; NaN for the others (never flagged). */
        private static double std(Initializer init) {
            if (init instanceof Normal n) {
                return n.std();
            }
            if (init instanceof Uniform u) {
                return (u.high() - u.low()) / Math.sqrt(12);
            }
            return Double.NaN;
        }

        private static int fanIn(Subject s, int i) {
            return NetworkBuilder.outWidth(s.layers().subList(0, i), s.data().train().features());
        }
    }
}
