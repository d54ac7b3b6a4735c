package deepgrid.run.results;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who holds a claim: a process, named so that any other process can tell whether it is
 * still alive. On the same host (same host name and boot id) a process is alive when its
 * pid exists and started at the recorded moment (a reused pid started later); on another
 * host, or after a reboot, only the claim's lease can tell (see {@link Claim#isStale}).
 * {@code token} is random per process: it tells two holders apart even where pids repeat.
 */
public record Owner(String host, String boot, long pid, long started, String token) {
    private static final Owner SELF = detect();

    /** This process. */
    public static Owner self() {
        return SELF;
    }

    /** True when this owner is a process of this host since its last boot: its pid tells whether it lives. */
    boolean isOfThisBoot() {
        return host.equals(self().host) && boot.equals(self().boot);
    }

    /** True when this owner is known dead from this host: same host and boot, and its process is gone. */
    boolean isDeadHere() {
        Owner me = self();
        if (!host.equals(me.host)) {
            return false; // another machine: only the lease can tell
        }
        if (!boot.equals(me.boot)) {
            return true; // this machine rebooted since: every process of that boot is gone
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                .map(s -> s.toEpochMilli() != started).orElse(true);
    }

    /** "pid 123 on node1 since 2026-11-30T04:40:00Z", for messages. */
    public String describe() {
        return "pid " + pid + " on " + host + " since " + java.time.Instant.ofEpochMilli(started);
    }

    /** The owner's fields as "key: value" lines. */
    Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("host", host);
        f.put("boot", boot);
        f.put("pid", Long.toString(pid));
        f.put("started", Long.toString(started));
        f.put("token", token);
        return f;
    }

    /** The owner named by {@code fields}, or null when a field is missing or malformed. */
    static Owner of(Map<String, String> fields) {
        try {
            Owner o = new Owner(fields.get("host"), fields.get("boot"), Long.parseLong(fields.get("pid")),
                    Long.parseLong(fields.get("started")), fields.get("token"));
            return o.host() == null || o.boot() == null || o.token() == null ? null : o;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static Owner detect() {
        ProcessHandle me = ProcessHandle.current();
        long started = me.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return new Owner(hostName(), bootId(), me.pid(), started, HexFormat.of().formatHex(random));
    }

    private static String hostName() {
        for (Path p : new Path[] {Path.of("/proc/sys/kernel/hostname"), Path.of("/etc/hostname")}) {
            try {
                String h = Files.readString(p).strip();
                if (!h.isEmpty()) {
                    return h;
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: ask Java below
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Linux's id of this boot; "unknown" elsewhere (then a reboot is only noticed by the lease). */
    private static String bootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
