package deepgrid.run.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A one-node Slurm cluster on loopback for a test class, started and stopped by
 * scripts/slurm-cluster in a fresh folder; runs deepgrid and Slurm's commands against it.
 */
final class SlurmCluster implements AutoCloseable {
    private final Path dir;

    private SlurmCluster(Path dir) {
        this.dir = dir;
    }

    /** Installs Slurm if missing and starts the cluster in {@code dir} (fresh). */
    static SlurmCluster start(Path dir) throws Exception {
        SlurmCluster c = new SlurmCluster(dir);
        Path log = dir.resolveSibling(dir.getFileName() + ".start.log");
        Process p = new ProcessBuilder("scripts/slurm-cluster", "start", dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail("the Slurm cluster did not start: " + Files.readString(log));
        }
        return c;
    }

    Map<String, String> env() {
        return Map.of("SLURM_CONF", dir.resolve("slurm.conf").toString());
    }

    /** Runs a Slurm command; its standard output. */
    String slurm(String... cmd) throws Exception {
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        b.environment().putAll(env());
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    /** {@code deepgrid ARGS} in a JVM of its own (as the tasks it submits will be), output into {@code log}. */
    Process deepgrid(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "-XX:+UseSerialGC",
                "-Xmx256m", "deepgrid.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().putAll(env());
        return b.start();
    }

    /** Stops the daemons by pid (and any task still running). */
    @Override
    public void close() throws Exception {
        Process p = new ProcessBuilder("scripts/slurm-cluster", "stop", dir.toString()).inheritIO().start();
        p.waitFor(120, TimeUnit.SECONDS);
    }
}
