package deepgrid.run.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Claim holders for tests: a live process of this host (a {@code sleep}), a dead one (a
 * process that has exited), another host, this host before a reboot. Each writes claim
 * files as that holder would.
 */
final class Holders implements AutoCloseable {
    private final List<Process> started = new ArrayList<>();

    /** A process of this host that stays alive until {@link #close}. */
    Owner live() throws IOException {
        Process p = new ProcessBuilder("sleep", "600").start();
        started.add(p);
        long start = p.info().startInstant().orElseThrow().toEpochMilli();
        Owner me = Owner.self();
        return new Owner(me.host(), me.boot(), p.pid(), start, "live" + p.pid());
    }

    /** A process of this host that has ended. */
    Owner dead() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        long start = p.info().startInstant().map(Instant::toEpochMilli).orElse(1L);
        p.waitFor();
        Owner me = Owner.self();
        return new Owner(me.host(), me.boot(), p.pid(), start, "dead" + p.pid());
    }

    /** A process on another machine. */
    static Owner elsewhere() {
        return new Owner("another-host", "some-boot", 4242, 1_700_000_000_000L, "elsewhere1");
    }

    /** A process of this host from before a reboot (another boot id; its pid may even exist now). */
    static Owner beforeReboot() {
        Owner me = Owner.self();
        return new Owner(me.host(), "an-earlier-boot", me.pid(), me.started(), "reboot1");
    }

    /** Writes {@code owner}'s claim of {@code subject} into {@code dir}, touched {@code ago}. */
    static Path claim(Path dir, String subject, Owner owner, Duration lease, Duration ago) throws IOException {
        Files.createDirectories(dir);
        Path p = Files.writeString(dir.resolve(subject), new Claim(subject, owner, lease).text());
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(ago)));
        return p;
    }

    @Override
    public void close() {
        started.forEach(Process::destroyForcibly);
    }
}
