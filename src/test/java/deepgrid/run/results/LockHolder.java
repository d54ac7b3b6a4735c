package deepgrid.run.results;

import deepgrid.DeepgridException;
import java.nio.file.Path;
import java.util.List;

/**
 * A second process for {@link ResultsLockTest}: {@code hold DIR} opens the store, prints
 * "locked" and waits until killed or until its stdin closes; {@code try DIR} opens and
 * closes it at once and prints "acquired" or "refused: MESSAGE".
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("hold")) {
            try (ResultsStore store = ResultsStore.open(dir, List.of(), List.of())) {
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait: the test kills this process, or exits and closes our stdin
                }
            }
            return;
        }
        try (ResultsStore store = ResultsStore.open(dir, List.of(), List.of())) {
            System.out.println("acquired");
        } catch (DeepgridException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
