package deepgrid.lint;

import deepgrid.config.Pos;
import deepgrid.nn.LayerSpec;
import deepgrid.nn.initializers.Constant;
import deepgrid.nn.initializers.Zeros;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rules about the order and kind of layers. */
final class LayerRules {
    private LayerRules() {
    }

    /** step in a trained net: its gradient is 0 everywhere, so nothing before it learns. */
    static final class StepActivation implements Rule {
        @Override
        public String id() {
            return "step-activation";
        }

        @Override
        public void check(Subject s, Findings out) {
            if (s.spec().training().epochs() == 0) {
                return;
            }
            List<LayerSpec> layers = s.layers();
            for (int i = 0; i < layers.size(); i++) {
                boolean step = layers.get(i) instanceof LayerSpec.DenseSpec d && d.activation() != null
                        && d.activation().name().equals("step")
                        || layers.get(i) instanceof LayerSpec.ActivationSpec a && a.activation().name().equals("step");
                if (step) {
                    out.add(s.pos("model", "layers", i, "activation"), Subject.layer(i) + ".activation: step has zero"
                            + " gradient everywhere, so the layers before it never learn (only layers after it do);"
                            + " use sigmoid, a smooth step, or relu");
                }
            }
        }
    }

    /** Dropout as the last layer: it zeroes the scores the loss sees. */
    static final class DropoutOnOutput implements Rule {
        @Override
        public String id() {
            return "dropout-on-output";
        }

        @Override
        public void check(Subject s, Findings out) {
            int last = s.layers().size() - 1;
            if (last > 0 && s.layers().get(last) instanceof LayerSpec.DropoutSpec) {
                out.add(s.pos("model", "layers", last, "dropout"), Subject.layer(last) + ": dropout after the output"
                        + " layer zeroes some of the scores the loss sees (its softmax or sigmoid comes right after),"
                        + " so every training prediction is partly random; put dropout between hidden layers, before"
                        + " the output layer");
            }
        }
    }

    /** A non-zero bias right before batch norm: the batch mean subtracts it away. */
    static final class BiasBeforeBatchNorm implements Rule {
        @Override
        public String id() {
            return "bias-before-batchnorm";
        }

        @Override
        public void check(Subject s, Findings out) {
            List<LayerSpec> layers = s.layers();
            Map<Pos, List<Integer>> byPos = new LinkedHashMap<>();
            for (int i = 0; i < layers.size(); i++) {
                if (!(layers.get(i) instanceof LayerSpec.DenseSpec d)) {
                    continue;
                }
                boolean ownNorm = d.batchnorm() != null;
                boolean nextNorm = d.activation() == null && i + 1 < layers.size()
                        && layers.get(i + 1) instanceof LayerSpec.BatchNormSpec;
                var bias = d.inits().bias();
                boolean zero = bias instanceof Zeros || bias instanceof Constant c && c.value() == 0;
                if ((ownNorm || nextNorm) && !zero) {
                    byPos.computeIfAbsent(s.biasInitPos(i), p -> new ArrayList<>()).add(i);
                }
            }
            byPos.forEach((pos, list) -> {
                var d = (LayerSpec.DenseSpec) layers.get(list.get(0));
                out.add(pos, s.biasInitPath(list.get(0)) + ": " + Subject.describe(d.inits().bias()) + " has no effect on "
                        + Subject.layers(list) + ": the batch norm right after " + (list.size() == 1 ? "it" : "each of them")
                        + " subtracts every unit's batch mean, which removes the bias (its gradient is 0), and batch"
                        + " norm's shift β does its job; remove bias_init");
            });
        }
    }

    /** Two linear layers in a row are one linear map. */
    static final class LinearStack implements Rule {
        @Override
        public String id() {
            return "linear-stack";
        }

        @Override
        public void check(Subject s, Findings out) {
            List<LayerSpec> layers = s.layers();
            for (int i = 0; i < layers.size(); i++) {
                if (!(layers.get(i) instanceof LayerSpec.DenseSpec d) || d.activation() != null || d.batchnorm() != null) {
                    continue;
                }
                int j = i + 1;
                while (j < layers.size() && layers.get(j) instanceof LayerSpec.DropoutSpec) {
                    j++;
                }
                if (j < layers.size() && layers.get(j) instanceof LayerSpec.DenseSpec next) {
                    out.add(s.pos("model", "layers", i, "dense"), Subject.layer(i) + ": dense(" + d.units() + ") has no"
                            + " activation and feeds " + Subject.layer(j) + " dense(" + next.units() + ") directly:"
                            + " two linear layers in a row are one linear map, so this layer adds weights but no"
                            + " expressiveness; add activation: relu (or tanh)");
                }
            }
        }
    }

    /** Batch norm that will see a batch of one sample: its variance is 0 and its output the constant β. */
    static final class BatchNormOnOneSample implements Rule {
        @Override
        public String id() {
            return "batchnorm-one-sample";
        }

        @Override
        public void check(Subject s, Findings out) {
            int normAt = firstBatchNorm(s.layers());
            int n = s.data().train().size();
            if (normAt < 0 || s.spec().training().epochs() == 0 || n < 2) {
                return;
            }
            int batch = s.spec().training().batchSize().resolve(n);
            String where = " and " + Subject.layer(normAt) + " has batch norm";
            if (batch == 1) {
                out.add(s.pos("training", "batch_size"), "training.batch_size: 1" + where + ": a batch of one sample has"
                        + " variance 0, so batch norm outputs its shift β whatever the input and the layers before it"
                        + " learn nothing; use batch_size 16 or more, or remove batchnorm");
            } else if (n % batch == 1) {
                int better = batch - 1;
                while (better > 2 && n % better == 1) {
                    better--;
                }
                out.add(s.pos("training", "batch_size"), "training.batch_size: " + batch + " leaves a last batch of 1"
                        + " sample in every epoch (" + n + " = " + (n / batch) + " × " + batch + " + 1)" + where
                        + ": on that batch it outputs β whatever the input (PyTorch refuses such a batch);"
                        + " use a batch size that leaves more, e.g. " + better);
            }
        }

        private static int firstBatchNorm(List<LayerSpec> layers) {
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i) instanceof LayerSpec.BatchNormSpec
                        || layers.get(i) instanceof LayerSpec.DenseSpec d && d.batchnorm() != null) {
                    return i;
                }
            }
            return -1;
        }
    }
}
