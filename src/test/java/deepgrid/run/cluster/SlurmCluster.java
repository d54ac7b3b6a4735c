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
        Map<String, String> env = new java.util.HashMap<>(env());
        env.putAll(SAME_KERNEL);
        return process(log, env, args);
    }

    /**
     * Every process of a comparison on the same kernel: the kernel is chosen per process by a
     * start-up timing that a loaded machine can tip, and the native and Java kernels may round
     * the last bits differently. The drivers pass it to their tasks (sbatch exports the environment).
     */
    static final Map<String, String> SAME_KERNEL = Map.of("DEEPGRID_KERNEL", "java");

    /** {@code deepgrid ARGS} in a JVM of its own with {@code env} added, output into {@code log}. */
    static Process process(Path log, Map<String, String> env, String... args) throws IOException {
        // this JVM's options, as the tasks will have them (a driver passes its own on), with a 255 MB heap
        List<String> cmd = new ArrayList<>(SbatchScript.thisDeepgrid(340, "deepgrid.cli.Main"));
        cmd.add(1, "-XX:+UseSerialGC");
        cmd.addAll(List.of(args));
        // Ctrl-C as a terminal sends it: a build started in the background of a non-interactive
        // shell (`bash .ci/run &`) hands SIGINT down ignored, and a JVM started so never sees it;
        // env resets it to the default, then execs java (the same pid)
        cmd.addAll(0, List.of("env", "--default-signal=INT"));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().putAll(env);
        return b.start();
    }

    /** Runs {@code deepgrid ARGS} to its end with {@code env}; its output, after checking it exited with 0. */
    static String run(Path log, Map<String, String> env, String... args) throws Exception {
        Process p = process(log, env, args);
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("deepgrid " + String.join(" ", args) + " did not end: " + Files.readString(log));
        }
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** Stops the daemons by pid (and any task still running). */
    @Override
    public void close() throws Exception {
        Process p = new ProcessBuilder("scripts/slurm-cluster", "stop", dir.toString()).inheritIO().start();
        p.waitFor(120, TimeUnit.SECONDS);
    }
}
