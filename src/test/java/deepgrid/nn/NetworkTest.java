package deepgrid.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
 * Training shortcuts give exactly the numbers of the plain path: {@link Network#backward}
 * (whose first layer skips dL/dx of the data) writes the same parameter gradients as
 * {@link Network#backwardToInput}; what a Network returns is the caller's to keep; and layers
 * that reuse their buffers give the same outputs when the batch size changes and back.
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
    void skippingTheInputGradientLeavesTheParameterGradientsAlike(GradientCheckTest.Case c) {
        Network net = c.net();
        RealMatrix scores = net.scores(c.x(), Phase.TRAIN);
        net.freezeRandomness(); // the same dropout mask for both passes
        net.backwardToInput(scores, c.targets());
        List<double[]> withInput = grads(net);

        net.backward(net.scores(c.x(), Phase.TRAIN), c.targets());
        List<double[]> without = grads(net);
        for (int i = 0; i < withInput.size(); i++) {
            assertArrayEquals(withInput.get(i), without.get(i), 0.0, net.params().get(i).name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nets")
    void everyResultIsTheCallersToKeep(GradientCheckTest.Case c) {
        Network net = c.net();
        net.freezeRandomness();
        RealMatrix scores = net.scores(c.x(), Phase.TRAIN);
        double[] scoresSeen = FlatMatrix.of(scores).data().clone();
        RealMatrix dx = net.backwardToInput(scores, c.targets());
        double[] dxSeen = FlatMatrix.of(dx).data().clone();
        RealMatrix prediction = net.predict(c.x());
        double[] predictionSeen = FlatMatrix.of(prediction).data().clone();
        List<RealMatrix> outputs = net.layerOutputs(c.x(), Phase.EVAL);
        double[] lastOutputSeen = FlatMatrix.of(outputs.get(outputs.size() - 1)).data().clone();
        assertArrayEquals(FlatMatrix.of(net.scores(c.x(), Phase.EVAL)).data(), lastOutputSeen, 0.0,
                "the last layer's output is the scores");

        // more passes, on other inputs: every buffer inside the layers is overwritten
        FlatMatrix other = FlatMatrix.of(c.x()).copy();
        java.util.Arrays.setAll(other.data(), i -> other.data()[i] * -3 + 1);
        net.backwardToInput(net.scores(other, Phase.TRAIN), c.targets());
        net.predict(other);
        net.layerOutputs(other, Phase.EVAL);

        assertArrayEquals(scoresSeen, FlatMatrix.of(scores).data(), 0.0, "scores");
        assertArrayEquals(dxSeen, FlatMatrix.of(dx).data(), 0.0, "dL/dx");
        assertArrayEquals(predictionSeen, FlatMatrix.of(prediction).data(), 0.0, "prediction");
        assertArrayEquals(lastOutputSeen, FlatMatrix.of(outputs.get(outputs.size() - 1)).data(), 0.0, "outputs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nets")
    void aLayerToldNotToComputeTheInputGradientReturnsNone(GradientCheckTest.Case c) {
        Network net = c.net();
        RealMatrix a = c.x();
        for (Layer layer : net.layers()) {
            a = layer.forward(a, Phase.TRAIN);
        }
        RealMatrix d = net.lossFunction().gradient(a, c.targets());
        for (int i = net.layers().size() - 1; i >= 0; i--) {
            Layer layer = net.layers().get(i);
            RealMatrix dx = layer.backward(d, i > 0);
            if (i == 0) {
                assertNull(dx, layer.describe() + " as the first layer");
            } else {
                assertNotNull(dx, layer.describe());
                d = dx;
            }
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
