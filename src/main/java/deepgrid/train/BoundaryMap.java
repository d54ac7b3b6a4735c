package deepgrid.train;

/**
 * What a network with two inputs predicts over a square grid at one epoch: for every cell
 * centre (x1[i], x2[j]) the predicted class and its probability (NaN when the loss gives
 * scores, not probabilities), row by row: index j·x1.length + i. Coordinates are the
 * network's inputs (after data.normalize).
 */
public record BoundaryMap(int epoch, double[] x1, double[] x2, int[] predicted, double[] probability) {
    public BoundaryMap {
        if (predicted.length != x1.length * x2.length || probability.length != predicted.length) {
            throw new IllegalArgumentException("a " + x1.length + "×" + x2.length + " grid needs " + x1.length * x2.length
                    + " predictions, found " + predicted.length + " and " + probability.length);
        }
        x1 = x1.clone();
        x2 = x2.clone();
        predicted = predicted.clone();
        probability = probability.clone();
    }

    @Override
    public double[] x1() {
        return x1.clone();
    }

    @Override
    public double[] x2() {
        return x2.clone();
    }

    @Override
    public int[] predicted() {
        return predicted.clone();
    }

    @Override
    public double[] probability() {
        return probability.clone();
    }
}
