package deepgrid.report;

import deepgrid.report.html.Fmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A few plain sentences on a run's last epoch in layers.csv, so the charts need not be
 * decoded to see the headline: how the gradient norm at the input end compares with the
 * output end (100× and more smaller is the textbook picture of vanishing gradients), and
 * the largest fraction of dead or saturated units.
 */
final class LayerFindings {
    /** A ratio this large between the two ends of the network gets a name. */
    private static final double STRIKING = 100;

    private LayerFindings() {
    }

    static String describe(LayerRows layers) {
        List<String> sentences = new ArrayList<>();
        gradients(layers.with("gradient_norm")).ifPresent(sentences::add);
        List<LayerRows.Layer> activations = layers.with("dead_fraction");
        worst(layers.with("saturated_fraction"), "saturated_fraction", "saturated units").ifPresent(sentences::add);
        worst(activations.stream().filter(l -> !l.has("saturated_fraction")).toList(), "dead_fraction", "dead units")
                .ifPresent(sentences::add);
        return sentences.isEmpty() ? "Last epoch: no gradient or unit statistics." : String.join(" ", sentences);
    }

    private static Optional<String> gradients(List<LayerRows.Layer> withGradient) {
        if (withGradient.isEmpty()) {
            return Optional.empty();
        }
        LayerRows.Layer first = withGradient.get(0);
        LayerRows.Layer last = withGradient.get(withGradient.size() - 1);
        double g0 = first.last("gradient_norm");
        double g1 = last.last("gradient_norm");
        if (first == last) {
            return Optional.of("Last epoch: gradient norm " + Fmt.sig(g0, 2) + " (layer " + first.label() + ").");
        }
        String text = "Last epoch: gradient norm " + Fmt.sig(g0, 2) + " at layer " + first.label() + ", "
                + Fmt.sig(g1, 2) + " at layer " + last.label();
        if (g0 > 0 && g1 / g0 >= 10) {
            text += ": " + Fmt.sig(g1 / g0, 2) + "× smaller at the input end"
                    + (g1 / g0 >= STRIKING ? " (vanishing gradients)" : "");
        } else if (g1 > 0 && g0 / g1 >= 10) {
            text += ": " + Fmt.sig(g0 / g1, 2) + "× larger at the input end"
                    + (g0 / g1 >= STRIKING ? " (exploding gradients)" : "");
        }
        return Optional.of(text + ".");
    }

    /** "Dead units: up to 12% (layer 4 relu)." or "No dead units." for the layers given. */
    private static Optional<String> worst(List<LayerRows.Layer> layers, String column, String what) {
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        LayerRows.Layer worst = layers.stream().max(Comparator.comparingDouble(l -> finite(l.last(column)))).get();
        double v = finite(worst.last(column));
        if (v == 0) {
            return Optional.of("No " + what + ".");
        }
        String capital = Character.toUpperCase(what.charAt(0)) + what.substring(1);
        return Optional.of(capital + ": up to " + Fmt.sig(100 * v, 2) + "% (layer " + worst.label() + ").");
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
