package deepgrid.train;

import deepgrid.math.Check;
import deepgrid.math.Range;

/** How many samples one gradient step sees: a fixed number (1 = stochastic GD) or the whole training set. */
public sealed interface BatchSize permits BatchSize.Fixed, BatchSize.Full {
    /** The batch size for a training set of n samples. */
    int resolve(int n);

    /** Mini-batches of {@code size} (the last one may be smaller). */
    record Fixed(int size) implements BatchSize {
        /** A batch size: ≥ 1. */
        public static final Range SIZE = Range.atLeast(1);

        public Fixed {
            Check.in("batch_size", size, SIZE);
        }

        @Override
        public int resolve(int n) {
            return Math.max(1, Math.min(size, n));
        }

        @Override
        public String toString() {
            return Integer.toString(size);
        }
    }

    /** Full-batch gradient descent: one step per epoch over every training sample. */
    record Full() implements BatchSize {
        @Override
        public int resolve(int n) {
            return Math.max(1, n);
        }

        @Override
        public String toString() {
            return "full";
        }
    }
}
