package deepgrid.run.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slurm in miniature for tests without a cluster: {@link #submit} runs the script's array
 * tasks with bash (SLURM_ARRAY_TASK_ID set), at most K at a time as {@code %K} says, output
 * into the script's {@code --output} file; {@link #cancel} drops pending tasks and sends running
 * ones SIGTERM, as scancel does. {@link #hold} keeps tasks pending until {@link #release}.
 */
final class FakeSlurm implements Slurm {
    private static final Pattern ARRAY = Pattern.compile("#SBATCH --array=0-(\\d+)%(\\d+)");
    private static final Pattern OUTPUT = Pattern.compile("#SBATCH --output=(\\S+)");

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private int nextId = 100;
    private boolean held;
    final List<Path> scripts = new ArrayList<>();
    final List<Collection<String>> cancels = new ArrayList<>();

    private final class Job {
        final String id;
        final Path script;
        final String output;
        final int parallel;
        final List<Integer> pending = new ArrayList<>();
        final Map<Integer, Process> running = new LinkedHashMap<>();

        Job(String id, Path script, int tasks, int parallel, String output) {
            this.id = id;
            this.script = script;
            this.parallel = parallel;
            this.output = output;
            for (int k = 0; k < tasks; k++) {
                pending.add(k);
            }
        }

        /** Starts pending tasks while there is room; forgets ended ones. */
        void step() {
            running.values().removeIf(p -> !p.isAlive());
            while (!held && running.size() < parallel && !pending.isEmpty()) {
                int k = pending.remove(0);
                Path log = Path.of(output.replace("%A", id).replace("%a", Integer.toString(k)));
                ProcessBuilder b = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                b.environment().put("SLURM_ARRAY_TASK_ID", Integer.toString(k));
                b.environment().put("SLURM_ARRAY_JOB_ID", id);
                b.environment().putAll(SlurmCluster.SAME_KERNEL);
                try {
                    running.put(k, b.start());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    public synchronized String submit(Path script) {
        scripts.add(script);
        String text;
        try {
            text = Files.readString(script);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Matcher a = ARRAY.matcher(text);
        Matcher o = OUTPUT.matcher(text);
        if (!a.find() || !o.find()) {
            throw new IllegalArgumentException("not an array script: " + text);
        }
        String id = Integer.toString(nextId++);
        Job job = new Job(id, script, Integer.parseInt(a.group(1)) + 1, Integer.parseInt(a.group(2)), o.group(1));
        jobs.put(id, job);
        job.step();
        return id;
    }

    @Override
    public synchronized Set<String> queued(Collection<String> ids) {
        Set<String> out = new TreeSet<>();
        for (String id : ids) {
            Job j = jobs.get(id);
            if (j != null) {
                j.step();
                j.pending.forEach(k -> out.add(id + "_" + k));
                j.running.keySet().forEach(k -> out.add(id + "_" + k));
            }
        }
        return out;
    }

    @Override
    public synchronized void cancel(Collection<String> ids) {
        cancels.add(List.copyOf(ids));
        for (String id : ids) {
            Job j = jobs.get(id);
            if (j != null) {
                j.pending.clear();
                j.running.values().forEach(Process::destroy); // SIGTERM
            }
        }
    }

    synchronized void hold() {
        held = true;
    }

    synchronized void release() {
        held = false;
        jobs.values().forEach(Job::step);
    }

    /** Waits for every task process to end. */
    void drain() throws InterruptedException {
        while (true) {
            List<Process> alive = new ArrayList<>();
            synchronized (this) {
                jobs.values().forEach(j -> {
                    j.step();
                    alive.addAll(j.running.values());
                    if (!j.pending.isEmpty() && held) {
                        j.pending.clear();
                    }
                });
                if (alive.isEmpty() && jobs.values().stream().allMatch(j -> j.pending.isEmpty())) {
                    return;
                }
            }
            for (Process p : alive) {
                p.waitFor();
            }
            Thread.sleep(50);
        }
    }
}
