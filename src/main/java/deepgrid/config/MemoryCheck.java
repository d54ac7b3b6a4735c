package deepgrid.config;

import deepgrid.Memory;
import deepgrid.data.DataSize;
import deepgrid.data.Splits;
import deepgrid.nn.LayerSpec;
import deepgrid.train.Trainer;
import deepgrid.train.TrainingSpec;
import java.util.List;

/**
 * Refuses, while validating, a data set or a network that cannot fit: in one array at all
 * (whatever the memory: a layer of 10⁹ units × 784 inputs), or in the memory this JVM may
 * use. The memory test is a lower bound — every input and target, every weight and its
 * gradient, and the outputs of one batch, all held at once while training — so it refuses
 * only what surely cannot fit; a run that needs more than the bound still runs out of
 * memory as a failed run with a message saying so.
 */
record MemoryCheck(Problems problems, long maxMemory) {
    static final long MAX_ARRAY = DataSize.MAX_ARRAY;

    /** Before loading: false (with a problem at {@code pos}) when data of this size cannot fit. */
    boolean data(DataSize size, String source, Pos pos, boolean samplesGiven) {
        if (size == null) {
            return true; // a CSV file: its size is known once read
        }
        String what = source + " has " + size.rows() + " samples of " + size.features() + " features";
        if (!size.fitsAnArray()) {
            problems.add(pos, what + " (" + String.format("%.0f", size.values()) + " numbers), more than one array can"
                    + " hold (" + MAX_ARRAY + "); use fewer samples");
            return false;
        }
        if (size.bytes() > maxMemory) {
            problems.add(pos, what + ": at least " + Memory.bytes(size.bytes()) + " as numbers, more than this JVM may"
                    + " use (" + Memory.bytes(maxMemory) + ", its -Xmx); " + (samplesGiven ? "use fewer samples, or " : "")
                    + Memory.raise(size.bytes()));
            return false;
        }
        return true;
    }

    /** After loading: every layer's arrays fit, and all of it together fits in this JVM's memory. */
    void network(ModelBinder.Result model, Splits splits, TrainingSpec training) {
        List<LayerSpec> layers = model.layers();
        if (layers.isEmpty()) {
            return;
        }
        int n = splits.train().size();
        long rows = Math.max(training.batchSize().resolve(n), Math.min(Trainer.EVAL_CHUNK,
                Math.max(n, Math.max(splits.validation().size(), splits.test().size()))));
        int width = splits.train().features();
        double weights = 0;
        double outputs = 0;
        int largest = 0;
        double largestBytes = -1;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            long w = l.weights(width);
            int out = l.outWidth(width);
            String where = "model.layers[" + i + "]: ";
            if (w > MAX_ARRAY) {
                problems.add(model.positions().get(i), where + out + " units × " + width + " inputs make " + w
                        + " weights, more than one array can hold (" + MAX_ARRAY + "); use fewer units");
                return;
            }
            if ((double) rows * out > MAX_ARRAY) {
                problems.add(model.positions().get(i), where + "a batch of " + rows + " samples through " + out
                        + " units is " + String.format("%.0f", (double) rows * out) + " numbers, more than one array can"
                        + " hold (" + MAX_ARRAY + "); use fewer units or a smaller batch_size");
                return;
            }
            double bytes = 2.0 * w * Double.BYTES + (double) rows * out * Double.BYTES;
            if (bytes > largestBytes) {
                largest = i;
                largestBytes = bytes;
            }
            weights += w;
            outputs += (double) rows * out;
            width = out;
        }
        checkTotal(model.positions().get(largest), weights, outputs, rows, dataBytes(splits));
    }

    private void checkTotal(Pos pos, double weights, double outputs, long rows, double data) {
        double w = 2 * weights * Double.BYTES; // each weight and its gradient
        double o = outputs * Double.BYTES;
        double total = w + o + data;
        if (total > maxMemory) {
            problems.add(pos, "this network needs at least " + Memory.bytes(total) + " (" + Memory.bytes(w) + " for "
                    + String.format("%.0f", weights) + " weights and their gradients, " + Memory.bytes(o)
                    + " for the outputs of a batch of " + rows + ", " + Memory.bytes(data) + " of data), more than this JVM"
                    + " may use (" + Memory.bytes(maxMemory) + ", its -Xmx); use fewer units, or " + Memory.raise(total));
        }
    }

    private static double dataBytes(Splits s) {
        double rows = (double) s.train().size() + s.validation().size() + s.test().size();
        return rows * (s.train().features() + s.train().targets()) * Double.BYTES;
    }
}
