package deepgrid.run.queue;

/**
 * What happens when SIGINT (Ctrl-C) or SIGTERM ends the process while a queue runs: the
 * action registered here runs once, on the JVM's shutdown, before the process exits with
 * 130 or 143. {@link #close} withdraws it when the queue ends normally.
 */
final class Signals implements AutoCloseable {
    private final Thread hook;

    private Signals(Thread hook) {
        this.hook = hook;
    }

    static Signals watch(Runnable onSignal) {
        Thread hook = new Thread(onSignal, "deepgrid-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Signals(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook runs
        }
    }
}
