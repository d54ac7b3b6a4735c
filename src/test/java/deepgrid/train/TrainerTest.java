package deepgrid.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.data.DataSpec;
import deepgrid.data.DataLoader;
import deepgrid.data.Splits;
import deepgrid.data.sources.Blobs;
import deepgrid.data.sources.Sine;
import deepgrid.math.Rng;
import deepgrid.nn.Activation;
import deepgrid.nn.LayerSpec;
import deepgrid.nn.Loss;
import deepgrid.nn.Network;
import deepgrid.nn.NetworkBuilder;
import deepgrid.nn.Phase;
import deepgrid.nn.activations.Tanh;
import deepgrid.nn.initializers.XavierNormal;
import deepgrid.nn.initializers.Zeros;
import deepgrid.nn.losses.CrossEntropy;
import deepgrid.nn.losses.Mse;
import deepgrid.nn.optimizers.OptimizerSpec;
import deepgrid.nn.Penalty;
import deepgrid.nn.optimizers.Schedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final DataLoader LOADER = new DataLoader();
    private static final Splits BLOBS = LOADER.load(DataSpec.of(new Blobs(3, 1500, 2, 1.0, 0.2), 1));
    private static final Splits SINE = LOADER.load(DataSpec.of(new Sine(200, 0.1, 0.2), 1));

    private static Network net(Splits data, Loss loss, int out) {
        LayerSpec.Inits inits = new LayerSpec.Inits(new XavierNormal(), new Zeros());
        Activation tanh = new Tanh();
        List<LayerSpec> layers = List.of(new LayerSpec.DenseSpec(16, tanh, inits, null),
                new LayerSpec.DenseSpec(out, null, inits, null));
        return NetworkBuilder.build(layers, loss, data.train().features(), new Rng(3));
    }

    private static TrainingSpec spec(int epochs, OptimizerSpec opt, Schedule schedule, EarlyStopping stop) {
        return new TrainingSpec(epochs, new BatchSize.Fixed(32), TrainingSpec.Order.SHUFFLE,
                new TrainingSpec.Optimization(opt, schedule, Penalty.NONE), 0.0, stop);
    }

    @Test
    void epochZeroIsBeforeAnyUpdateAndTrainingLowersTheLoss() {
        Network net = net(BLOBS, new CrossEntropy(), 3);
        double before = new Trainer(net, BLOBS, spec(0, new OptimizerSpec.Sgd(0.1), new Schedule.Constant(), null),
                new Rng(3)).measure(Encoded.of(BLOBS.train(), net.lossFunction().targets())).loss();
        List<EpochMetrics> rows = new ArrayList<>();
        TrainResult r = new Trainer(net, BLOBS, spec(5, new OptimizerSpec.Sgd(0.1), new Schedule.Constant(), null),
                new Rng(3)).run(rows::add);
        assertEquals(6, rows.size(), "epoch 0 plus 5 epochs");
        assertEquals(before, rows.get(0).train().loss(), 0.0, "epoch 0 is the untrained network");
        assertTrue(rows.get(5).train().loss() < before / 2, "loss fell: " + rows.get(5).train().loss());
        assertEquals(TrainResult.Outcome.COMPLETED, r.outcome());
        assertEquals(5, r.epochs());
    }

    @Test
    void learningRateColumnFollowsTheSchedule() {
        List<EpochMetrics> rows = new ArrayList<>();
        new Trainer(net(BLOBS, new CrossEntropy(), 3), BLOBS,
                spec(4, new OptimizerSpec.Sgd(0.1), new Schedule.Step(2, 0.5), null), new Rng(3)).run(rows::add);
        double[] expected = {0.1, 0.1, 0.1, 0.05, 0.05}; // epoch 0 shows the first epoch's rate
        for (int e = 0; e < expected.length; e++) {
            assertEquals(expected[e], rows.get(e).lr(), 1e-15, "epoch " + e);
        }
    }

    @Test
    void aStopCheckEndsTheRunPrunedAfterTheEpochItStopsAtBeforeEarlyStopping() {
        List<EpochMetrics> rows = new ArrayList<>();
        List<Integer> asked = new ArrayList<>();
        EarlyStopping stop = new EarlyStopping(EarlyStopping.Metric.TRAIN_LOSS, 1, 1.0); // would stop after epoch 1
        TrainResult r = new Trainer(net(BLOBS, new CrossEntropy(), 3), BLOBS,
                spec(10, new OptimizerSpec.Sgd(1e-9), new Schedule.Constant(), stop), new Rng(3))
                .stopWhen(m -> asked.add(m.epoch()) && m.epoch() == 1).run(rows::add);
        assertEquals(TrainResult.Outcome.PRUNED, r.outcome(), "the pruner is asked before early stopping");
        assertEquals(1, r.epochs());
        assertEquals(List.of(1), asked, "never asked about epoch 0");
        assertEquals(2, rows.size(), "the epoch it stopped at is recorded");

        asked.clear();
        r = new Trainer(net(BLOBS, new CrossEntropy(), 3), BLOBS, spec(5, new OptimizerSpec.Sgd(0.1),
                new Schedule.Constant(), null), new Rng(3)).stopWhen(m -> asked.add(m.epoch()) && m.epoch() == 3).run(rows::add);
        assertEquals(TrainResult.Outcome.PRUNED, r.outcome());
        assertEquals(3, r.epochs());
        assertEquals(List.of(1, 2, 3), asked);
    }

    @Test
    void divergenceIsAStatusWithTheEpoch() {
        List<EpochMetrics> rows = new ArrayList<>();
        TrainResult r = new Trainer(net(SINE, new Mse(), 1), SINE,
                spec(50, new OptimizerSpec.Sgd(1e6), new Schedule.Constant(), null), new Rng(3)).run(rows::add);
        assertEquals(TrainResult.Outcome.DIVERGED, r.outcome());
        assertTrue(r.epochs() < 50, "stopped at " + r.epochs());
        assertTrue(r.reason().contains("at epoch " + r.epochs()), r.reason());
        assertEquals(r.epochs() + 1, rows.size(), "every epoch up to the divergence is recorded");
    }

    @Test
    void aDivergedNetworkHasNoAccuracy() {
        // issue 14 item 17: argmax over NaN scores gave accuracies (here 1/3) that meant nothing
        List<EpochMetrics> rows = new ArrayList<>();
        TrainResult r = new Trainer(net(BLOBS, new Mse(), 3), BLOBS,
                spec(50, new OptimizerSpec.Sgd(1e6), new Schedule.Constant(), null), new Rng(3)).run(rows::add);
        assertEquals(TrainResult.Outcome.DIVERGED, r.outcome());
        EpochMetrics last = rows.get(rows.size() - 1);
        assertTrue(!Double.isFinite(last.train().loss()), "the last epoch diverged: " + last.train().loss());
        assertTrue(Double.isNaN(last.train().accuracy()) && Double.isNaN(last.test().accuracy()),
                "no accuracy from a diverged network: " + last.train().accuracy() + ", " + last.test().accuracy());
        assertTrue(r.reason().matches("training loss became (NaN|infinite) at epoch [0-9]+"), r.reason());
        assertTrue(Double.isFinite(rows.get(0).train().accuracy()), "epoch 0 has one");
    }

    @Test
    void earlyStoppingWaitsPatienceEpochsWithoutImprovement() {
        // lr so small that nothing improves by more than min_delta: stop after exactly `patience` epochs
        EarlyStopping stop = new EarlyStopping(EarlyStopping.Metric.TRAIN_LOSS, 3, 1.0);
        TrainResult r = new Trainer(net(BLOBS, new CrossEntropy(), 3), BLOBS,
                spec(100, new OptimizerSpec.Sgd(1e-9), new Schedule.Constant(), stop), new Rng(3)).run(m -> { });
        assertEquals(3, r.epochs());
        assertEquals(0, r.best().epoch());
    }

    @Test
    void chunkedEvaluationEqualsOnePass() {
        Network net = net(BLOBS, new CrossEntropy(), 3);
        Encoded train = Encoded.of(BLOBS.train(), net.lossFunction().targets());
        assertTrue(train.size() > 1000, "the chunked path is exercised");
        SplitMetrics chunked = new Trainer(net, BLOBS, spec(1, new OptimizerSpec.Sgd(0.1), new Schedule.Constant(), null),
                new Rng(3)).measure(train);
        double whole = net.lossFunction().value(net.scores(train.x(), Phase.EVAL), train.targets());
        assertEquals(whole, chunked.loss(), 1e-12);
    }
}
