package deepgrid;

/**
 * The one unchecked exception family of deepgrid: every problem a user can cause
 * (a bad file, a bad value, a missing data set) is one of these, with a message
 * that carries its context. Anything else escaping is a bug.
 */
public class DeepgridException extends RuntimeException {
    public DeepgridException(String message) {
        super(message);
    }

    public DeepgridException(String message, Throwable cause) {
        super(message, cause);
    }
}
