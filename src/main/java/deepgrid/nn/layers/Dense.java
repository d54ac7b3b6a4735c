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

/** Fully connected layer: z = x·W + b, with W (in × out) and b (1 × out). */
public final class Dense implements Layer {
    private final Param w;
    private final Param b;
    private final double[] dbRow;
    private FlatMatrix x; // (batch × in), kept for dW = xᵀ·dOut

    /** Draws W with {@code init} and b with {@code biasInit}; parameters are named "{name}.W" and "{name}.b". */
    public Dense(String name, int in, int out, Initializer init, Initializer biasInit, Rng rng) {
        Check.size("in", in);
        Check.size("out", out);
        this.w = new Param(name + ".W", Param.Role.WEIGHT, new FlatMatrix(in, out));
        this.b = new Param(name + ".b", Param.Role.BIAS, new FlatMatrix(1, out));
        init.fill(w.value().data(), in, out, rng);
        biasInit.fill(b.value().data(), in, out, rng);
        this.dbRow = new double[out];
    }

    @Override
    public RealMatrix forward(RealMatrix input, Phase phase) {
        x = FlatMatrix.of(input);
        Check.shape("x", x, -1, w.value().getRowDimension());
        FlatMatrix z = Kernel.multiply(x, w.value()); // (batch × out)
        Ops.addRowVector(z, b.value().data());
        return z;
    }

    @Override
    public RealMatrix backward(RealMatrix dOutput) {
        FlatMatrix dOut = FlatMatrix.of(dOutput);
        Check.shape("dOut", dOut, x.getRowDimension(), outWidth());
        Kernel.multiplyTransAInto(x, dOut, w.grad()); // dW = xᵀ·dOut (in × out)
        Ops.columnSumsInto(dOut, dbRow);
        System.arraycopy(dbRow, 0, b.grad().data(), 0, dbRow.length); // db = Σ_batch dOut
        return Kernel.multiplyTransB(dOut, w.value()); // dx = dOut·Wᵀ (batch × in)
    }

    @Override
    public List<Param> params() {
        return List.of(w, b);
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
