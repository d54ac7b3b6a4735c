package deepgrid.nn.layers;

import deepgrid.math.Check;
import deepgrid.math.FlatMatrix;
import deepgrid.math.Kernel;
import deepgrid.math.Ops;
import deepgrid.math.Rng;
import deepgrid.nn.Initializer;
import deepgrid.nn.Layer;
import deepgrid.nn.Param;
import deepgrid.nn.Phase;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Fully connected layer: z = x·W + b, with W (in × out) and b (1 × out). The output z and
 * the input gradient dx are buffers reused while the batch size stays the same.
 */
public final class Dense implements Layer {
    private final Param w;
    private final Param b;
    private FlatMatrix x; // (batch × in), kept for dW = xᵀ·dOut
    private FlatMatrix z; // (batch × out)
    private FlatMatrix dx; // (batch × in)

    /** Draws W with {@code init} and b with {@code biasInit}; parameters are named "{name}.W" and "{name}.b". */
    public Dense(String name, int in, int out, Initializer init, Initializer biasInit, Rng rng) {
        Check.size("in", in);
        Check.size("out", out);
        this.w = new Param(name + ".W", Param.Role.WEIGHT, new FlatMatrix(in, out));
        this.b = new Param(name + ".b", Param.Role.BIAS, new FlatMatrix(1, out));
        init.fill(w.value().data(), in, out, rng);
        biasInit.fill(b.value().data(), in, out, rng);
    }

    @Override
    public RealMatrix forward(RealMatrix input, Phase phase) {
        x = FlatMatrix.of(input);
        Check.shape("x", x, -1, inWidth());
        z = FlatMatrix.reuse(z, x.getRowDimension(), outWidth());
        Kernel.multiplyInto(x, w.value(), z); // (batch × out)
        Ops.addRowVector(z, b.value().data());
        return z;
    }

    /** dW = xᵀ·dOut and db = Σ_batch dOut; then, when asked, dx = dOut·Wᵀ. */
    @Override
    public RealMatrix backward(RealMatrix dOutput, boolean inputGradient) {
        FlatMatrix dOut = FlatMatrix.of(dOutput);
        Check.shape("dOut", dOut, x.getRowDimension(), outWidth());
        Kernel.multiplyTransAInto(x, dOut, w.grad()); // (in × out)
        Ops.columnSumsInto(dOut, b.grad().data()); // (1 × out)
        if (!inputGradient) {
            return null; // the first layer: skips the widest product on image data (batch × inputs)
        }
        dx = FlatMatrix.reuse(dx, dOut.getRowDimension(), inWidth());
        return Kernel.multiplyTransBInto(dOut, w.value(), dx); // (batch × in)
    }

    @Override
    public List<Param> params() {
        return List.of(w, b);
    }

    private int inWidth() {
        return w.value().getRowDimension();
    }

    @Override
    public int outWidth() {
        return w.value().getColumnDimension();
    }

    @Override
    public String describe() {
        return "dense(" + outWidth() + ")";
    }
}
