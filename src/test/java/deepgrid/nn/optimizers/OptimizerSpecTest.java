package deepgrid.nn.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import deepgrid.math.FlatMatrix;
import deepgrid.nn.Optimizer;
import deepgrid.nn.Param;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** YAML names, defaults, validation messages, and that every run's optimizer starts with its own empty state. */
class OptimizerSpecTest {
    static List<OptimizerSpec> specs() {
        return List.of(new OptimizerSpec.Sgd(0.1), new OptimizerSpec.Momentum(0.1), new OptimizerSpec.Nesterov(0.1),
                new OptimizerSpec.Adagrad(0.1), new OptimizerSpec.Rmsprop(0.01), new OptimizerSpec.Adam(0.01),
                new OptimizerSpec.AdamW(0.01));
    }

    @Test
    void yamlNamesAndDefaults() {
        assertEquals(List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"),
                specs().stream().map(OptimizerSpec::name).toList());
        assertEquals(new OptimizerSpec.Momentum(0.1, 0.9), new OptimizerSpec.Momentum(0.1));
        assertEquals(new OptimizerSpec.Nesterov(0.1, 0.9), new OptimizerSpec.Nesterov(0.1));
        assertEquals(new OptimizerSpec.Adagrad(0.1, 1e-10), new OptimizerSpec.Adagrad(0.1));
        assertEquals(new OptimizerSpec.Rmsprop(0.01, 0.99, 1e-8), new OptimizerSpec.Rmsprop(0.01));
        assertEquals(new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8), new OptimizerSpec.Adam(0.01));
        assertEquals(new OptimizerSpec.AdamW(0.01, 0.9, 0.999, 1e-8, 0.01), new OptimizerSpec.AdamW(0.01));
    }

    private static Param param(double value, double grad) {
        Param p = new Param("W", Param.Role.WEIGHT, FlatMatrix.of(new double[][] {{value, value}}));
        p.grad().data()[0] = grad;
        p.grad().data()[1] = -grad;
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void twoOptimizersFromOneSpecDoNotShareState(OptimizerSpec spec) {
        Optimizer first = spec.create();
        Optimizer second = spec.create();
        assertNotSame(first, second);
        Param a = param(1.0, 0.5);
        for (int k = 0; k < 3; k++) {
            first.step(List.of(a), spec.lr()); // builds up velocity / moments in first
        }
        Param b = param(1.0, 0.5);
        second.step(List.of(b), spec.lr());
        Param reference = param(1.0, 0.5);
        spec.create().step(List.of(reference), spec.lr());
        assertArrayEquals(reference.value().data(), b.value().data(), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void stateIsKeptPerParameter(OptimizerSpec spec) {
        // two equal-shaped params with different gradients must evolve as if stepped alone
        Param a = param(1.0, 0.5);
        Param b = param(1.0, -2.0);
        Optimizer shared = spec.create();
        Param aAlone = param(1.0, 0.5);
        Optimizer alone = spec.create();
        for (int k = 0; k < 3; k++) {
            shared.step(List.of(a, b), spec.lr());
            alone.step(List.of(aAlone), spec.lr());
        }
        assertArrayEquals(aAlone.value().data(), a.value().data(), 0.0);
    }

    @Test
    void invalidValuesAreNamed() {
        assertEquals("lr: found 0, expected a finite number > 0",
                assertThrows(IllegalArgumentException.class, () -> new OptimizerSpec.Sgd(0)).getMessage());
        assertEquals("momentum: found 1, expected a finite number ≥ 0 and < 1",
                assertThrows(IllegalArgumentException.class, () -> new OptimizerSpec.Momentum(0.1, 1)).getMessage());
        assertEquals("beta2: found -0.5, expected a finite number ≥ 0 and < 1",
                assertThrows(IllegalArgumentException.class,
                        () -> new OptimizerSpec.Adam(0.1, 0.9, -0.5, 1e-8)).getMessage());
        assertEquals("eps: found 0, expected a finite number > 0",
                assertThrows(IllegalArgumentException.class, () -> new OptimizerSpec.Adagrad(0.1, 0)).getMessage());
        assertEquals("weight_decay: found -0.01, expected a finite number ≥ 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new OptimizerSpec.AdamW(0.1, 0.9, 0.999, 1e-8, -0.01)).getMessage());
        assertEquals("lr: found Infinity, expected a finite number > 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new OptimizerSpec.Rmsprop(Double.POSITIVE_INFINITY)).getMessage());
    }
}
