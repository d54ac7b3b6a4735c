package deepgrid.nn.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.nn.Activation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values at chosen points against numbers computed independently (Python's math module:
 * erfc, exp, log1p, tanh — the expression is in each comment), to 1e-15 relative unless stated.
 */
class ActivationTest {
    private static final double TOL = 1e-15;

    static Stream<Named<Activation>> all() {
        return Stream.of(new Identity(), new Step(), new Sigmoid(), new Tanh(), new Relu(),
                new LeakyRelu(0.01), new Elu(1.0), new Softplus(), new Gelu(), new Silu())
                .map(a -> Named.of(a.name(), a));
    }

    @Test
    void namesAreTheYamlNames() {
        List<String> names = all().map(n -> n.getPayload().name()).toList();
        assertEquals(List.of("identity", "step", "sigmoid", "tanh", "relu", "leaky_relu", "elu",
                "softplus", "gelu", "silu"), names);
    }

    @ParameterizedTest
    @MethodSource("all")
    void finiteForLargeInputs(Activation f) {
        for (double z = -1000; z <= 1000; z += 0.5) {
            double y = f.apply(z);
            double d = f.derivative(z, y);
            assertTrue(Double.isFinite(y) && Double.isFinite(d), f.name() + "(" + z + ") = " + y + ", f' = " + d);
        }
    }

    @Test
    void sigmoid() {
        Sigmoid f = new Sigmoid();
        assertEquals(0.5, f.apply(0));
        close(0.7310585786300049, f.apply(1));                 // 1/(1+exp(-1))
        close(0.0066928509242848554, f.apply(-5));             // 1/(1+exp(5))
        close(0.10499358540350652, derivative(f, 2));          // e^−2/(1+e^−2)², 40-digit decimal
        assertEquals(0.25, derivative(f, 0));
        assertEquals(0.0, f.apply(-1000), 0.0);
        assertEquals(1.0, f.apply(1000));
    }

    @Test
    void tanh() {
        Tanh f = new Tanh();
        close(0.46211715726000974, f.apply(0.5));              // math.tanh(0.5)
        assertEquals(1.0, derivative(f, 0));
        assertEquals(-1.0, f.apply(-1000));
    }

    @Test
    void gelu() {
        Gelu f = new Gelu();
        close(0.8413447460685429, f.apply(1));                 // 1·Φ(1) = 0.5·erfc(−1/√2)
        close(-0.15865525393145707, f.apply(-1));              // −1·Φ(−1)
        close(-0.004049694094890287, f.apply(-3));             // −3·Φ(−3): the left tail keeps its digits
        close(1.0833154705876864, derivative(f, 1));           // Φ(1) + φ(1)
        assertEquals(0.5, derivative(f, 0));
        assertEquals(1000.0, f.apply(1000));
        assertEquals(0.0, f.apply(-1000), 0.0);
    }

    @Test
    void softplus() {
        Softplus f = new Softplus();
        close(Math.log(2), f.apply(0));
        close(1.3132616875182228, f.apply(1));                 // log1p(e)
        close(9.357622968839737e-14, f.apply(-30));            // log1p(exp(−30)): no cancellation to 0
        assertEquals(1000.0, f.apply(1000));
        assertEquals(0.0, f.apply(-1000), 0.0);
        assertEquals(0.5, derivative(f, 0));
    }

    @Test
    void silu() {
        Silu f = new Silu();
        close(0.7310585786300049, f.apply(1));                 // 1·s(1)
        close(-0.2384058440442351, f.apply(-2));               // −2·s(−2)
        close(0.9276705118714869, derivative(f, 1));           // s(1)(1 + 1·(1 − s(1)))
        assertEquals(0.5, derivative(f, 0));
        assertEquals(0.0, f.apply(-1000), 0.0);
    }

    @Test
    void elu() {
        close(-0.6321205588285577, new Elu(1.0).apply(-1));    // expm1(−1)
        close(-0.43233235838169365, new Elu(0.5).apply(-2));   // 0.5·expm1(−2)
        assertEquals(-1.0, new Elu(1.0).apply(-1000));         // saturates at −α
        assertEquals(-0.5, new Elu(0.5).apply(-1000));
        close(0.5 * Math.exp(-2), derivative(new Elu(0.5), -2));
        assertEquals(3.0, new Elu(1.0).apply(3));
    }

    @Test
    void piecewiseLinearUnits() {
        assertEquals(-0.02, new LeakyRelu(0.01).apply(-2), 1e-18);
        assertEquals(0.1, derivative(new LeakyRelu(0.1), -2));
        assertEquals(1.0, derivative(new LeakyRelu(0.1), 2));
        assertEquals(0.0, new Relu().apply(-3));
        assertEquals(-7.5, new Identity().apply(-7.5));
        assertEquals(1.0, derivative(new Identity(), 4));
    }

    /** The branch-free ReLU keeps PyTorch's values at the edges: f'(0) = 0, f'(tiniest z > 0) = 1, NaN stays NaN. */
    @Test
    void reluAtItsEdges() {
        Relu f = new Relu();
        assertEquals(0.0, derivative(f, 0.0));
        assertEquals(0.0, derivative(f, -0.0));
        assertEquals(0.0, derivative(f, -Double.MIN_VALUE));
        assertEquals(1.0, derivative(f, Double.MIN_VALUE));
        assertEquals(1.0, derivative(f, 1e300));
        assertEquals(Double.MIN_VALUE, f.apply(Double.MIN_VALUE));
        assertEquals(0.0, f.apply(-0.0));
        assertTrue(Double.isNaN(f.apply(Double.NaN)));
    }

    @Test
    void stepIsAThresholdWithoutGradient() {
        Step f = new Step();
        assertEquals(1.0, f.apply(0));
        assertEquals(1.0, f.apply(0.3));
        assertEquals(0.0, f.apply(-0.3));
        assertEquals(0.0, derivative(f, 0.3));
        assertEquals(0.0, derivative(f, -0.3));
    }

    private static double derivative(Activation f, double z) {
        return f.derivative(z, f.apply(z));
    }

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, TOL * Math.abs(expected), () -> "expected " + expected + " got " + actual);
    }
}
