package deepgrid.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import deepgrid.math.FlatMatrix;
import deepgrid.nn.activations.Relu;
import deepgrid.nn.losses.CrossEntropy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training shortcuts give exactly the numbers of the plain path: {@link Network#gradients}
 * (which skips dL/dx of the data) writes the same parameter gradients as {@link Network#backward},
 * and layers that reuse their buffers give the same outputs when the batch size changes and back.
 */
class NetworkTest {

    static Stream<Named<GradientCheckTest.Case>> nets() {
        return Stream.of(Named.of("dense first", Nets.dense(new CrossEntropy())),
                Named.of("maxout first", Nets.maxout()),
                Named.of("activation first", Nets.activation(new Relu())),
                Named.of("deep mixed net", Nets.deepMixed()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nets")
    void gradientsMatchBackward(GradientCheckTest.Case c) {
        Network net = c.net();
        RealMatrix scores = net.scores(c.x(), Phase.TRAIN);
        net.freezeRandomness(); // the same dropout mask for both passes
        net.backward(scores, c.targets());
        List<double[]> viaBackward = grads(net);

        net.gradients(net.scores(c.x(), Phase.TRAIN), c.targets());
        List<double[]> viaGradients = grads(net);
        for (int i = 0; i < viaBackward.size(); i++) {
            assertArrayEquals(viaBackward.get(i), viaGradients.get(i), 0.0, net.params().get(i).name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nets")
    void outputsSurviveAChangeOfBatchSize(GradientCheckTest.Case c) {
        Network net = c.net();
        double[] before = FlatMatrix.of(net.scores(c.x(), Phase.EVAL)).data().clone();
        int[] firstThree = {0, 1, 2};
        net.scores(c.x().selectRows(firstThree, 0, 3), Phase.EVAL);
        double[] after = FlatMatrix.of(net.scores(c.x(), Phase.EVAL)).data();
        assertArrayEquals(before, after, 0.0);
    }

    private static List<double[]> grads(Network net) {
        List<double[]> out = new ArrayList<>();
        for (Param p : net.params()) {
            out.add(p.grad().data().clone());
        }
        return out;
    }
}
