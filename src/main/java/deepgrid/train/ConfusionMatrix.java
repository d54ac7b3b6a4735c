package deepgrid.train;

import java.util.List;

/**
 * How the final network classifies one split: {@code counts[t][p]} samples of class t were
 * predicted as class p. {@code split} is "test", else "validation", else "train" (the first
 * that has samples); {@code mistakes} its most confidently wrong samples, most confident first.
 */
public record ConfusionMatrix(String split, long[][] counts, List<Mistake> mistakes) {
    /** A wrongly classified sample: its row in the split, classes, the probability given to the wrong class, and its inputs. */
    public record Mistake(int sample, int actual, int predicted, double probability, double[] x) {
        public Mistake {
            x = x.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }
    }

    public ConfusionMatrix {
        counts = java.util.Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
        mistakes = List.copyOf(mistakes);
    }

    @Override
    public long[][] counts() {
        return java.util.Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
    }
}
