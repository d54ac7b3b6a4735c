package deepgrid.math;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Helper threads that share the work of one call with the thread that owns them: {@link #run}
 * offers part i of {@code parts} to helper i, runs part 0 itself, then runs every part no
 * helper has taken yet, and returns when all are done. So a helper that the OS has not
 * scheduled (a busy machine) delays nothing: its part runs on the caller instead. Each thread
 * that multiplies gets its own helpers (see {@link Kernel}), so two runs training side by side
 * never wait for each other; helpers end when their owner does.
 *
 * <p>Why not OpenBLAS's own threads: on the small products of MNIST-sized layers (100 ×
 * 784 · 784 × 100) two single-threaded products on halves of the rows ran ~15% faster
 * than one two-threaded OpenBLAS product, and 2× faster beside one busy process; and the
 * same split makes the pure-Java kernel multithreaded too. A helper waits for work spinning
 * for {@link #SPIN_NANOS} (the gaps between the products of one batch are shorter), then
 * parks, so an idle run costs no CPU.
 */
final class Workers {
    /** How long an idle helper spins before it parks. */
    static final long SPIN_NANOS = 200_000;

    private final Helper[] helpers;

    /** {@code count} helper threads (daemons, started now) for the calling thread. */
    Workers(int count) {
        helpers = new Helper[count];
        for (int i = 0; i < count; i++) {
            helpers[i] = new Helper(Thread.currentThread());
            Thread t = new Thread(helpers[i], "deepgrid-kernel-" + i);
            t.setDaemon(true);
            helpers[i].thread = t;
            t.start();
        }
    }

    /** Ends the helper threads (when idle); the owner must not call {@link #run} afterwards. */
    void close() {
        for (Helper h : helpers) {
            h.closed = true;
            LockSupport.unpark(h.thread);
        }
    }

    /** The number of parts {@link #run} can share out at once: the helpers and the caller. */
    int threads() {
        return helpers.length + 1;
    }

    /** Runs part.accept(i) for i in [0, parts), sharing them with the helpers; rethrows the first failure. */
    void run(int parts, IntConsumer part) {
        if (parts > threads()) {
            throw new IllegalArgumentException("parts is " + parts + ", expected ≤ " + threads());
        }
        for (int i = 1; i < parts; i++) {
            helpers[i - 1].offer(part, i);
        }
        Throwable failure = attempt(part, 0);
        for (int i = 1; i < parts; i++) {
            Throwable e = helpers[i - 1].finish();
            failure = failure != null ? failure : e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private static Throwable attempt(IntConsumer part, int i) {
        try {
            part.accept(i);
            return null;
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    /** One helper thread and the part it is offered; whoever claims the part first (helper or owner) runs it. */
    private static final class Helper implements Runnable {
        private static final int IDLE = 0;
        private static final int OFFERED = 1;
        private static final int CLAIMED = 2;
        private static final int DONE = 3;

        private final Thread owner;
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private IntConsumer part; // written by the owner before OFFERED, read after claiming
        private int index;
        private Throwable failure;
        private Thread thread;
        private volatile boolean closed;

        Helper(Thread owner) {
            this.owner = owner;
        }

        void offer(IntConsumer p, int i) {
            part = p;
            index = i;
            failure = null;
            state.set(OFFERED); // publishes part, index and failure
            LockSupport.unpark(thread);
        }

        /** Runs the part here if the helper has not claimed it, else waits for the helper; returns its failure. */
        Throwable finish() {
            if (state.compareAndSet(OFFERED, CLAIMED)) {
                failure = attempt(part, index);
            } else {
                while (state.get() != DONE) {
                    Thread.onSpinWait(); // parts are equal, so the helper finishes about when the owner did
                }
            }
            part = null;
            state.set(IDLE);
            return failure;
        }

        @Override
        public void run() {
            while (awaitOffer()) {
                if (state.compareAndSet(OFFERED, CLAIMED)) {
                    failure = attempt(part, index);
                    state.set(DONE);
                }
            }
        }

        /** True once a part is offered; false when the owner has ended. */
        private boolean awaitOffer() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (state.get() != OFFERED) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else if (owner.isAlive() && !closed) {
                    LockSupport.parkNanos(this, 1_000_000_000L); // wakes now and then to see if the owner ended
                } else {
                    return false;
                }
            }
            return true;
        }
    }
}
