package deepgrid.run.results;

import deepgrid.DeepgridException;

/** A run this process trained was taken over meanwhile by another process (this one was judged dead): its result is dropped. */
public final class ClaimLostException extends DeepgridException {
    ClaimLostException(String message) {
        super(message);
    }
}
