package deepgrid.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The confusion matrix of the final network on the held-out split, with its most confidently wrong samples. */
final class Confusions {
    private Confusions() {
    }

    static ConfusionMatrix of(Diagnostics.Data data, Predictions predictions, int maxMistakes) {
        Encoded split = data.held();
        int k = Math.max(2, split.classes());
        int[] actual = Predictions.labels(split.targets());
        Predictions.Result r = predictions.of(split);
        long[][] counts = new long[k][k];
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < actual.length; i++) {
            counts[actual[i]][r.classes()[i]]++;
            if (actual[i] != r.classes()[i] && !Double.isNaN(r.probability()[i])) {
                wrong.add(i);
            }
        }
        wrong.sort(Comparator.comparingDouble((Integer i) -> -r.probability()[i]).thenComparingInt(i -> i));
        List<ConfusionMatrix.Mistake> mistakes = new ArrayList<>();
        for (int i : wrong.subList(0, Math.min(maxMistakes, wrong.size()))) {
            double[] x = new double[split.inputs().cols()];
            for (int j = 0; j < x.length; j++) {
                x[j] = split.inputs().get(i, j);
            }
            mistakes.add(new ConfusionMatrix.Mistake(i, actual[i], r.classes()[i], r.probability()[i], x));
        }
        return new ConfusionMatrix(data.heldName(), counts, mistakes);
    }
}
