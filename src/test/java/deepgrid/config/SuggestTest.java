package deepgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": misspellings, prefixes, case, and silence when nothing is close. */
class SuggestTest {
    private static final List<String> INITIALIZERS = List.of("zeros", "constant", "normal", "uniform", "lecun_normal",
            "lecun_uniform", "xavier_normal", "xavier_uniform", "he_normal", "he_uniform");
    private static final List<String> ACTIVATIONS = List.of("identity", "step", "sigmoid", "tanh", "relu",
            "leaky_relu", "elu", "softplus", "gelu", "silu");

    @Test
    void aPrefixSuggestsEveryNameItStarts() {
        assertEquals(" (did you mean xavier_normal or xavier_uniform?)", Suggest.didYouMean("xavier", INITIALIZERS));
        assertEquals(List.of("he_normal", "he_uniform"), Suggest.closest("he_", INITIALIZERS));
    }

    @Test
    void aMisspellingSuggestsTheClosestFirst() {
        assertEquals(" (did you mean adam or adamw?)", Suggest.didYouMean("adma",
                List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw")));
        assertEquals(" (did you mean cross_entropy?)", Suggest.didYouMean("crossentropy",
                List.of("mse", "cross_entropy", "binary_cross_entropy", "hinge", "squared_hinge")));
        assertEquals(" (did you mean epochs?)", Suggest.didYouMean("epoch", List.of("batch_size", "epochs", "shuffle")));
        assertEquals(List.of("relu", "elu", "gelu"), Suggest.closest("relu6", ACTIVATIONS));
    }

    @Test
    void aNameThatDiffersOnlyInCaseOrDashIsTheOneAnswer() {
        assertEquals(List.of("relu"), Suggest.closest("Relu", ACTIVATIONS));
        assertEquals(List.of("leaky_relu"), Suggest.closest("LEAKY-RELU", ACTIVATIONS));
        assertEquals(List.of("fashion-mnist"), Suggest.closest("fashion_mnist", List.of("mnist", "fashion-mnist")));
    }

    @Test
    void atMostThreeSuggestions() {
        assertEquals(3, Suggest.closest("lu", ACTIVATIONS).size());
    }

    @Test
    void nothingCloseSaysNothing() {
        assertEquals("", Suggest.didYouMean("transformer", ACTIVATIONS));
        assertEquals(List.of(), Suggest.closest("xyz", List.of()));
    }
}
