package deepgrid.nn.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import deepgrid.config.Catalog;
import deepgrid.config.Problems;
import deepgrid.config.YamlReader;
import deepgrid.math.FlatMatrix;
import deepgrid.nn.Fixtures;
import deepgrid.nn.Loss;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every loss of the catalogue against PyTorch (scripts/make-loss-fixtures.py): the value and
 * the gradient with respect to the scores, each entry to 1e-12 relative
 * (|Δ| ≤ 1e-12·max(|expected|, 1e-3)). The loss is bound from the fixture's spec by the
 * catalogue, as a file's {@code loss:} would be.
 */
class LossReferenceTest {
    private static final double TOLERANCE = 1e-12;

    static JsonNode root() {
        return Fixtures.read("losses.json");
    }

    static Stream<Arguments> cases() throws IOException {
        return StreamSupport.stream(root().get("cases").spliterator(), false)
                .map(c -> Arguments.of(c.get("case").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valueAndGradientMatchPyTorch(String name, JsonNode c) throws IOException {
        Loss loss = bind(c.get("loss"));
        FlatMatrix scores = Fixtures.matrix(c.get("scores"));
        FlatMatrix targets = Fixtures.matrix(c.get("targets"));
        close(name + " value", c.get("value").doubleValue(), loss.value(scores, targets));
        double[] expected = Fixtures.matrix(c.get("gradient")).data();
        double[] actual = FlatMatrix.of(loss.gradient(scores, targets)).data();
        assertEquals(expected.length, actual.length, name + " gradient size");
        for (int i = 0; i < expected.length; i++) {
            close(name + " gradient[" + i + "]", expected[i], actual[i]);
        }
    }

    @Test
    void everyLossOfTheCatalogueHasAFixture() throws IOException {
        Set<String> covered = new HashSet<>();
        for (JsonNode c : root().get("cases")) {
            covered.add(bind(c.get("loss")).name());
        }
        assertEquals(Catalog.LOSSES.nameSet(), covered);
    }

    /** The loss a file's {@code loss:} holding this spec (a name or {type, options}) binds to. */
    private static Loss bind(JsonNode spec) throws IOException {
        Problems problems = new Problems();
        Loss loss = Catalog.LOSSES.bind(YamlReader.parseValue("fixture",
                new ObjectMapper().writeValueAsString(spec)), "loss", problems).value();
        assertTrue(problems.isEmpty(), problems.list().toString());
        assertNotNull(loss);
        return loss;
    }

    private static void close(String what, double expected, double actual) {
        double allowed = TOLERANCE * Math.max(Math.abs(expected), 1e-3);
        assertTrue(Math.abs(actual - expected) <= allowed, what + " is " + actual + ", PyTorch has " + expected
                + " (difference " + Math.abs(actual - expected) + ", allowed " + allowed + ")");
    }
}
