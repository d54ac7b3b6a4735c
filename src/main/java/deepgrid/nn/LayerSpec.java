package deepgrid.nn;

import deepgrid.math.Rng;
import java.util.List;

/** What one entry of {@code model.layers} asks for; builds the layer(s) once the input width is known. */
public interface LayerSpec {
    /** The layers this entry stands for (a dense with batchnorm and activation is three), in order. */
    List<Layer> build(int inWidth, Rng rng);

    /** Output width given the input width. */
    int outWidth(int inWidth);
}
