package deepgrid.nn.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import deepgrid.math.FlatMatrix;
import deepgrid.nn.Param;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Clipping by global norm by hand and against PyTorch's clip_grad_norm_ (fixture, 1e-12 relative). */
class GradientClippingTest {
    private static List<Param> params(double[] wGrad, double[] bGrad) {
        Param w = new Param("W", Param.Role.WEIGHT, new FlatMatrix(1, wGrad.length));
        Param b = new Param("b", Param.Role.BIAS, new FlatMatrix(1, bGrad.length));
        System.arraycopy(wGrad, 0, w.grad().data(), 0, wGrad.length);
        System.arraycopy(bGrad, 0, b.grad().data(), 0, bGrad.length);
        return List.of(w, b);
    }

    @Test
    void aLongGradientIsShrunkToMaxNormAcrossAllParams() {
        // the norm is taken over W and b together: √(3² + 4²) = 5
        List<Param> p = params(new double[] {3, 0}, new double[] {4});
        assertEquals(5.0, GradientClipping.clipByGlobalNorm(p, 1.0));
        double scale = 1.0 / (5.0 + 1e-6);
        assertArrayEquals(new double[] {3 * scale, 0}, p.get(0).grad().data(), 1e-15);
        assertArrayEquals(new double[] {4 * scale}, p.get(1).grad().data(), 1e-15);
    }

    @Test
    void aShortGradientIsLeftAlone() {
        List<Param> p = params(new double[] {3, 0}, new double[] {4});
        assertEquals(5.0, GradientClipping.clipByGlobalNorm(p, 10.0));
        assertArrayEquals(new double[] {3, 0}, p.get(0).grad().data());
        assertArrayEquals(new double[] {4}, p.get(1).grad().data());
    }

    static Stream<Arguments> pytorch() {
        return OptimizerFixture.list("clipping").stream()
                .map(c -> Arguments.of(c.get("max_norm").doubleValue(), c));
    }

    @ParameterizedTest(name = "max_norm={0}")
    @MethodSource("pytorch")
    void matchesPyTorch(double maxNorm, JsonNode c) {
        List<Param> p = OptimizerFixture.initialParams();
        OptimizerFixture.setGradients(p, OptimizerFixture.list("gradients").get(0));
        double norm = GradientClipping.clipByGlobalNorm(p, maxNorm);
        assertEquals(c.get("norm").doubleValue(), norm, 1e-12 * norm);
        OptimizerFixture.assertClose("clipped dW", c.get("after").get("W"), p.get(0).grad());
        OptimizerFixture.assertClose("clipped db", c.get("after").get("b"), p.get(1).grad());
    }
}
