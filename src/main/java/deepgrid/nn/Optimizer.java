package deepgrid.nn;

import java.util.List;

/**
 * Updates parameters from their gradients. Order of use: create one per run (its
 * state — velocities, moment estimates — starts empty), then call {@link #step} once
 * per batch with the same parameter objects every time.
 */
public interface Optimizer {
    /** Updates every {@code value} in place from its {@code grad}, with learning rate {@code lr}. */
    void step(List<Param> params, double lr);
}
