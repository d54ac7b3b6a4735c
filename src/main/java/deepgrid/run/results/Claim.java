package deepgrid.run.results;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A claim on one run (or a runner's registration): who holds it and for how long a silent
 * holder is trusted. The file is a few "key: value" lines, written whole before it is
 * linked into place, so it is never seen half-written. Its modification time is the
 * holder's heartbeat: the holder touches it every {@code lease / 4}.
 *
 * <p>A claim is stale when its holder is known dead from this host (same host and boot,
 * process gone), or when its heartbeat is older than its lease (another host, which may
 * have crashed or lost the shared file system). The lease assumes the hosts' clocks agree
 * to well within the lease (NTP); see the README's "Running on several machines".
 */
public record Claim(String subject, Owner owner, Duration lease) {
    /** The lease of this process's claims: {@code DEEPGRID_LEASE_SECONDS} (default 60, at least 2). */
    public static Duration defaultLease() {
        String s = System.getenv("DEEPGRID_LEASE_SECONDS");
        try {
            return Duration.ofSeconds(s == null || s.isBlank() ? 60 : Math.max(2, Long.parseLong(s.strip())));
        } catch (NumberFormatException e) {
            throw new deepgrid.DeepgridException("DEEPGRID_LEASE_SECONDS=" + s + " is not a number of seconds ≥ 2");
        }
    }

    /** A claim of {@code subject} by this process with the default lease. */
    static Claim mine(String subject) {
        return new Claim(subject, Owner.self(), defaultLease());
    }

    /** True when this process holds it. */
    boolean isMine() {
        return owner.token().equals(Owner.self().token());
    }

    /**
     * True when its holder is known dead (a process of this host that is gone, or one from
     * before this host's last boot), or when a holder on another host has been silent for
     * longer than its lease ({@code touched}: its last heartbeat).
     */
    boolean isStale(Instant touched, Instant now) {
        if (isMine()) {
            return false;
        }
        if (owner.isOfThisBoot()) {
            return owner.isDeadHere(); // a live process of this host is trusted however long it is silent
        }
        return owner.isDeadHere() || Duration.between(touched, now).compareTo(lease) > 0;
    }

    String text() {
        StringBuilder s = new StringBuilder("subject: ").append(subject).append('\n');
        owner.fields().forEach((k, v) -> s.append(k).append(": ").append(v).append('\n'));
        return s.append("lease_seconds: ").append(lease.toSeconds()).append('\n').toString();
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** The claim in {@code text}, or null when it is not a whole claim (then its age alone decides). */
    static Claim parse(String text) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                f.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        Owner owner = Owner.of(f);
        try {
            return owner == null || f.get("subject") == null ? null
                    : new Claim(f.get("subject"), owner, Duration.ofSeconds(Long.parseLong(f.get("lease_seconds"))));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
