package deepgrid;

import java.util.Locale;

/**
 * The memory of this JVM: how much deepgrid may use (its {@code -Xmx}), and what to tell the
 * user when something does not fit. {@code ./deepgrid} takes JVM options from
 * {@code DEEPGRID_JAVA_OPTS} (default {@code -Xmx4g}).
 */
public final class Memory {
    private static final double GB = 1L << 30;

    private Memory() {
    }

    /** The most memory this JVM may use, in bytes. */
    public static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Bytes in words: "512 MB", "4.0 GB". */
    public static String bytes(double b) {
        return b < GB ? String.format(Locale.ROOT, "%.0f MB", b / (1 << 20)) : String.format(Locale.ROOT, "%.1f GB", b / GB);
    }

    /** "raise it with DEEPGRID_JAVA_OPTS=-Xmx8g ./deepgrid ..." for a JVM that should have at least {@code needed} bytes. */
    public static String raise(double needed) {
        long gb = Math.max(1, (long) Math.ceil(needed / GB));
        return "raise it with DEEPGRID_JAVA_OPTS=-Xmx" + gb + "g ./deepgrid ... (the machine must have that much)";
    }

    /** "this JVM may use 4.0 GB (-Xmx)". */
    public static String limit() {
        return "this JVM may use " + bytes(max()) + " (its -Xmx)";
    }

    /** The message for an OutOfMemoryError while doing {@code what} ("loading data 'fashion-mnist'", "training run X"). */
    public static String outOfMemory(String what, OutOfMemoryError e) {
        return "out of memory (" + e.getMessage() + ") in " + what + ": it needs more than the " + bytes(max())
                + " this JVM may use (its -Xmx); " + raise(2.0 * max())
                + ", or use less data, a smaller network or fewer --jobs";
    }
}
