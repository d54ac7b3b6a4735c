package deepgrid.nn;

/** Whether a forward pass trains (dropout drops, batch norm uses batch statistics) or evaluates. */
public enum Phase {
    TRAIN,
    EVAL
}
