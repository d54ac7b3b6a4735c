package deepgrid.nn.losses;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.nn.Loss;
import deepgrid.nn.TargetKind;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Softmax cross-entropy, −Σ_j t_j log softmax(s)_j averaged over the batch (= −log
 * softmax(s)[class] for one-hot t), as PyTorch's {@code CrossEntropyLoss}. Fused with
 * softmax, its gradient is (softmax(s) − t) / batch.
 */
public record CrossEntropy() implements Loss {
    @Override
    public double value(RealMatrix scores, RealMatrix targets) {
        FlatMatrix s = FlatMatrix.of(scores);
        FlatMatrix t = FlatMatrix.of(targets);
        Check.sameShape("targets", t, "scores", s);
        int n = s.getRowDimension();
        int k = s.getColumnDimension();
        double[] sd = s.data();
        double[] td = t.data();
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            double logSum = logSumExp(sd, i * k, k);
            for (int j = 0; j < k; j++) {
                double tij = td[i * k + j];
                if (tij != 0.0) {
                    total -= tij * (sd[i * k + j] - logSum);
                }
            }
        }
        return n == 0 ? 0.0 : total / n;
    }

    @Override
    public RealMatrix gradient(RealMatrix scores, RealMatrix targets) {
        FlatMatrix p = softmax(FlatMatrix.of(scores));
        FlatMatrix t = FlatMatrix.of(targets);
        Check.sameShape("targets", t, "scores", p);
        double[] pd = p.data();
        double[] td = t.data();
        double inv = 1.0 / p.getRowDimension();
        for (int i = 0; i < pd.length; i++) {
            pd[i] = (pd[i] - td[i]) * inv;
        }
        return p;
    }

    @Override
    public RealMatrix output(RealMatrix scores) {
        return softmax(FlatMatrix.of(scores));
    }

    @Override
    public String outputActivation() {
        return "softmax";
    }

    @Override
    public boolean outputsProbabilities() {
        return true;
    }

    @Override
    public TargetKind targets() {
        return TargetKind.CLASSES;
    }

    @Override
    public String name() {
        return "cross_entropy";
    }

    /** Row-wise softmax as a new matrix. */
    static FlatMatrix softmax(FlatMatrix s) {
        int n = s.getRowDimension();
        int k = s.getColumnDimension();
        double[] sd = s.data();
        double[] out = new double[sd.length];
        for (int i = 0; i < n; i++) {
            int base = i * k;
            // subtract the row max so exp() cannot overflow
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, sd[base + j]);
            }
            double sum = 0.0;
            for (int j = 0; j < k; j++) {
                out[base + j] = Math.exp(sd[base + j] - max);
                sum += out[base + j];
            }
            for (int j = 0; j < k; j++) {
                out[base + j] /= sum;
            }
        }
        return new FlatMatrix(n, k, out);
    }

    /** log Σ_j exp(d[from + j]) over k values, computed without overflow. */
    static double logSumExp(double[] d, int from, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, d[from + j]);
        }
        double sum = 0.0;
        for (int j = 0; j < k; j++) {
            sum += Math.exp(d[from + j] - max);
        }
        return max + Math.log(sum);
    }
}
