package deepgrid.config;

import deepgrid.nn.Loss;
import deepgrid.nn.losses.BinaryCrossEntropy;
import deepgrid.nn.losses.CategoricalHinge;
import deepgrid.nn.losses.CrossEntropy;
import deepgrid.nn.losses.Hinge;
import deepgrid.nn.losses.Huber;
import deepgrid.nn.losses.LogCosh;
import deepgrid.nn.losses.Mae;
import deepgrid.nn.losses.Mse;
import deepgrid.nn.losses.Poisson;
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
    static final Option DELTA = Option.number("delta", Huber.DEFAULT_DELTA, Huber.DELTA,
            "where the quadratic part turns linear");

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
                        o -> new SquaredHinge(o.number(MARGIN)))
                .add("mae", Mae.class, "mean over all elements of |y − t|, as PyTorch L1Loss", Mae::new)
                .add("huber", Huber.class, "mean of ½d² where |d| ≤ delta, else delta·(|d| − ½delta), d = y − t,"
                        + " as PyTorch HuberLoss", List.of(DELTA), o -> new Huber(o.number(DELTA)))
                .add("log_cosh", LogCosh.class, "mean over all elements of log(cosh(y − t)), as Keras log_cosh",
                        LogCosh::new)
                .add("categorical_hinge", CategoricalHinge.class, "max(0, neg − s_t + 1), neg = max(0, max_{j≠t}"
                        + " s_j): only the best wrong class counts, as Keras categorical_hinge", CategoricalHinge::new)
                .add("poisson", Poisson.class, "mean of e^s − t·s, s the log-rate, as PyTorch"
                        + " PoissonNLLLoss(log_input=True)", Poisson::new);
    }
}
