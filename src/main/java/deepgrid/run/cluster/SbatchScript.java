package deepgrid.run.cluster;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sbatch script of one job array: {@code #SBATCH} lines from the settings, then the task's
 * one command, {@code deepgrid task SUBMISSION $SLURM_ARRAY_TASK_ID}, run by the very Java and
 * deepgrid the driver runs (same paths on every node, as the results folder).
 */
public final class SbatchScript {
    private SbatchScript() {
    }

    /**
     * The script for {@code tasks} array tasks of {@code runs} runs of experiment {@code name},
     * whose task files are in {@code submission}; {@code workDir} is where tasks start (the
     * driver's working folder, so relative data paths mean the same).
     */
    public static String text(String name, int runs, int tasks, SlurmSettings s, Path submission, Path workDir,
            List<String> command) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append(String.format(Locale.ROOT, "# deepgrid: %d run%s of experiment %s in %d Slurm array task%s (%d run%s per task)%n",
                runs, runs == 1 ? "" : "s", name, tasks, tasks == 1 ? "" : "s", s.runsPerTask(), s.runsPerTask() == 1 ? "" : "s"));
        b.append("# task files: ").append(submission).append(" (each task trains the runs of its task-K.yaml)\n");
        line(b, "--job-name=deepgrid-" + name);
        line(b, "--array=0-" + (tasks - 1) + "%" + Math.min(s.parallel(), tasks));
        line(b, "--output=" + submission.resolve("logs").resolve("%A_%a.out"));
        line(b, "--chdir=" + workDir);
        line(b, "--ntasks=1");
        line(b, "--cpus-per-task=" + s.cpusPerTask());
        if (!s.partition().isEmpty()) {
            line(b, "--partition=" + s.partition());
        }
        if (!s.time().isEmpty()) {
            line(b, "--time=" + s.time());
        }
        if (!s.memory().isEmpty()) {
            line(b, "--mem=" + s.memory());
        }
        s.sbatch().forEach(o -> line(b, o));
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("task", submission.toString(), "--jobs", Integer.toString(s.cpusPerTask())));
        b.append("exec");
        cmd.forEach(a -> b.append(' ').append(quote(a)));
        b.append(" \"$SLURM_ARRAY_TASK_ID\"\n");
        return b.toString();
    }

    private static void line(StringBuilder b, String option) {
        b.append("#SBATCH ").append(option).append('\n');
    }

    /** {@code a} as one word of bash: as it is when it is plain, else in single quotes. */
    static String quote(String a) {
        return a.matches("[A-Za-z0-9_./=:,+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'";
    }

    /**
     * The command that runs this deepgrid: this JVM's java and options (without debugging and
     * agent options; {@code -Xmx} set to ¾ of {@code memoryMegabytes} when that is set, so
     * the JVM fits the task's memory), its class path made absolute, and {@code mainClass} (deepgrid's).
     */
    public static List<String> thisDeepgrid(long memoryMegabytes, String mainClass) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String o : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            boolean debug = o.startsWith("-javaagent") || o.startsWith("-agentlib") || o.startsWith("-agentpath")
                    || o.startsWith("-Xdebug") || o.startsWith("-Xrunjdwp");
            boolean heap = memoryMegabytes > 0 && (o.startsWith("-Xmx") || o.startsWith("-XX:MaxRAMPercentage"));
            if (!debug && !heap) {
                cmd.add(o);
            }
        }
        if (memoryMegabytes > 0) {
            cmd.add("-Xmx" + Math.max(64, memoryMegabytes * 3 / 4) + "m");
        }
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                cp.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(mainClass);
        return cmd;
    }
}
