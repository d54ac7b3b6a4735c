package deepgrid.run.results;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps this process's claims alive: one daemon thread touches every held claim every
 * quarter of the lease, and marks a claim lost when another process has taken it over.
 * It ends with the process, so a dead process's claims age past their lease.
 */
final class Heartbeat {
    private static final Heartbeat INSTANCE = new Heartbeat();

    private final Set<Claims.Held> held = ConcurrentHashMap.newKeySet();
    private volatile Thread thread;

    static Heartbeat get() {
        return INSTANCE;
    }

    void add(Claims.Held claim) {
        held.add(claim);
        start();
    }

    void remove(Claims.Held claim) {
        held.remove(claim);
    }

    private synchronized void start() {
        if (thread != null) {
            return;
        }
        Duration beat = Claim.defaultLease().dividedBy(4);
        thread = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(beat.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                held.forEach(Claims.Held::renew);
            }
        }, "deepgrid-heartbeat");
        thread.setDaemon(true);
        thread.start();
    }
}
