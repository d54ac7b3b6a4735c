package deepgrid.config;

import deepgrid.nn.Loss;
import deepgrid.nn.losses.BinaryCrossEntropy;
import deepgrid.nn.losses.CrossEntropy;
import deepgrid.nn.losses.Hinge;
import deepgrid.nn.losses.Mse;
import deepgrid.nn.losses.SquaredHinge;
import java.util.List;

/**
 * The losses of the catalogue ({@code loss:}), each with its class, options and the formula of
 * its value as a one-line description; its output activation and the targets it accepts are the
 * loss's own answers ({@link Loss#outputActivation()}, {@link Loss#targets()}).
 */
final class Losses {
    private Losses() {
    }

    static final Option MARGIN = Option.number("margin", Hinge.DEFAULT_MARGIN, Hinge.MARGIN,
            "how far the target's score must beat every other");

    static Family<Loss> family() {
        return new Family<Loss>("loss")
                .add("mse", Mse.class, "mean over all elements of (y − t)², as PyTorch MSELoss", Mse::new)
                .add("cross_entropy", CrossEntropy.class, "−log softmax(s)[t], as PyTorch CrossEntropyLoss",
                        CrossEntropy::new)
                .add("binary_cross_entropy", BinaryCrossEntropy.class, "−[t log σ(s) + (1−t) log(1−σ(s))], from"
                        + " the scores, as PyTorch BCEWithLogitsLoss", BinaryCrossEntropy::new)
                .add("hinge", Hinge.class, "Σ_{j≠t} max(0, s_j − s_t + margin), the multiclass SVM loss of CS231n"
                        + " (PyTorch's MultiMarginLoss also divides by the classes)", List.of(MARGIN),
                        o -> new Hinge(o.number(MARGIN)))
                .add("squared_hinge", SquaredHinge.class, "Σ_{j≠t} max(0, s_j − s_t + margin)²", List.of(MARGIN),
                        o -> new SquaredHinge(o.number(MARGIN)));
    }
}
