package deepgrid.nn.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import deepgrid.nn.Optimizer;
import deepgrid.nn.Param;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer against PyTorch: five steps on a 3×2 weight and a 1×2 bias with the
 * fixture's gradients and per-step learning rates; after each step both must agree with
 * PyTorch's float64 values to 1e-12 relative (|Δ| ≤ 1e-12·max(|expected|, 1e-3)).
 * The fixture comes from scripts/make-optimizer-fixtures.py.
 */
class OptimizerReferenceTest {
    static Stream<Arguments> cases() {
        return OptimizerFixture.list("cases").stream().map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorchStepByStep(String name, JsonNode c) {
        OptimizerSpec spec = OptimizerFixture.spec(c.get("optimizer"));
        assertEquals(c.get("optimizer").get("type").asText(), spec.name());
        List<Param> params = OptimizerFixture.initialParams();
        Optimizer optimizer = spec.create();
        List<JsonNode> gradients = OptimizerFixture.list("gradients");
        for (int k = 0; k < gradients.size(); k++) {
            OptimizerFixture.setGradients(params, gradients.get(k));
            optimizer.step(params, c.get("lrs").get(k).doubleValue());
            JsonNode expected = c.get("steps").get(k);
            OptimizerFixture.assertClose(name + " step " + (k + 1) + " W", expected.get("W"), params.get(0).value());
            OptimizerFixture.assertClose(name + " step " + (k + 1) + " b", expected.get("b"), params.get(1).value());
        }
    }
}
