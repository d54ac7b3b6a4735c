package deepgrid;

import java.io.IOException;

/**
 * deepgrid could not write what it makes (results, a report) because the disk or the file
 * system failed: full, read-only, permission denied. Not a problem with the user's files,
 * so the exit status is 1 (like a failed run), not 2 (invalid input).
 */
public class WriteFailure extends DeepgridException {
    /** "cannot write FILE: reason". */
    public WriteFailure(Object file, IOException cause) {
        super("cannot write " + file + ": " + IoReason.reason(cause), cause);
    }
}
