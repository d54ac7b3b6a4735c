package deepgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deepgrid.data.DataSize;
import deepgrid.data.DataSpec;
import deepgrid.data.DataLoader;
import deepgrid.data.Splits;
import deepgrid.data.sources.LogicTable;
import deepgrid.nn.LayerSpec;
import deepgrid.nn.initializers.XavierUniform;
import deepgrid.nn.initializers.Zeros;
import deepgrid.nn.optimizers.OptimizerSpec;
import deepgrid.nn.Penalty;
import deepgrid.nn.optimizers.Schedule;
import deepgrid.train.BatchSize;
import deepgrid.train.TrainingSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 6: what cannot fit in this JVM's memory is a validation error saying what
 * needs how much and how to raise -Xmx. The limit is given here, so the messages do not
 * depend on the heap of the JVM that runs the tests.
 */
class MemoryCheckTest {
    private static final long MB = 1 << 20;
    private static final Pos AT = new Pos("x.yaml", 3, 5);

    @Test
    void dataLargerThanTheHeapIsRefusedBeforeLoading() {
        Problems problems = new Problems();
        boolean fits = new MemoryCheck(problems, 256 * MB).data(new DataSize(70_000, 784), "data 'fashion-mnist'", AT,
                false);
        assertFalse(fits);
        assertEquals("x.yaml:3:5: data 'fashion-mnist' has 70000 samples of 784 features: at least 419 MB as numbers,"
                + " more than this JVM may use (256 MB, its -Xmx); raise it with DEEPGRID_JAVA_OPTS=-Xmx1g ./deepgrid ..."
                + " (the machine must have that much)", problems.list().get(0).toString());
        Problems spiral = new Problems();
        new MemoryCheck(spiral, 4096 * MB).data(new DataSize(300_000_000, 2), "data 'spiral'", AT, true);
        assertEquals("x.yaml:3:5: data 'spiral' has 300000000 samples of 2 features: at least 6.7 GB as numbers, more"
                + " than this JVM may use (4.0 GB, its -Xmx); use fewer samples, or raise it with"
                + " DEEPGRID_JAVA_OPTS=-Xmx7g ./deepgrid ... (the machine must have that much)", spiral.list().get(0).toString());
    }

    @Test
    void dataThatFitsOrWhoseSizeIsUnknownPasses() {
        Problems problems = new Problems();
        assertTrue(new MemoryCheck(problems, 256 * MB).data(new DataSize(60_000, 2), "data 'moons'", AT, true));
        assertTrue(new MemoryCheck(problems, 256 * MB).data(null, "data 'csv'", AT, false));
        assertTrue(problems.isEmpty());
    }

    @Test
    void aNetworkLargerThanTheHeapNamesItsLargestLayer() {
        Splits xor = new DataLoader().load(DataSpec.of(new LogicTable(LogicTable.Gate.XOR), 0));
        LayerSpec.Inits inits = new LayerSpec.Inits(new XavierUniform(), new Zeros());
        var model = new ModelBinder.Result(List.of(new LayerSpec.DenseSpec(8, null, inits, null),
                new LayerSpec.DenseSpec(10_000_000, null, inits, null), new LayerSpec.DenseSpec(1, null, inits, null)),
                List.of(new Pos("x.yaml", 4, 7), new Pos("x.yaml", 5, 7), new Pos("x.yaml", 6, 7)), AT, null);
        TrainingSpec training = new TrainingSpec(1, new BatchSize.Full(), TrainingSpec.Order.SHUFFLE,
                new TrainingSpec.Optimization(new OptimizerSpec.Sgd(0.1), new Schedule.Constant(), Penalty.NONE), 0, null);
        Problems problems = new Problems();
        new MemoryCheck(problems, 1024 * MB).network(model, xor, training);
        // weights 2·8 + 8·10⁷ + 10⁷·1 = 90000016, ×16 bytes; outputs 4 rows × (8 + 10⁷ + 1), ×8 bytes
        assertEquals("x.yaml:5:7: this network needs at least 1.6 GB (1.3 GB for 90000016 weights and their gradients,"
                + " 305 MB for the outputs of a batch of 4, 0 MB of data), more than this JVM may use (1.0 GB, its -Xmx);"
                + " use fewer units, or raise it with DEEPGRID_JAVA_OPTS=-Xmx2g ./deepgrid ... (the machine must have that"
                + " much)", problems.list().get(0).toString());
        Problems enough = new Problems();
        new MemoryCheck(enough, 4096 * MB).network(model, xor, training);
        assertTrue(enough.isEmpty(), enough.list().toString());
    }
}
