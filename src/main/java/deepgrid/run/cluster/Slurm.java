package deepgrid.run.cluster;

import deepgrid.DeepgridException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The three Slurm commands the launcher uses: {@code sbatch}, {@code squeue}, {@code scancel}.
 * No accounting ({@code sacct}) is needed: how a run ended is read from its files, and squeue
 * only tells which array tasks are still queued or running.
 */
public interface Slurm {
    /** Submits {@code script}; the job id sbatch answers. */
    String submit(Path script);

    /**
     * The array tasks of {@code jobs} still in Slurm's queue (pending, running, suspended,
     * requeued, completing), as "JOB_TASK"; null when squeue could not answer (try again later).
     */
    Set<String> queued(Collection<String> jobs);

    /** Cancels {@code jobs} (every task of each array); Slurm sends their tasks SIGTERM. */
    void cancel(Collection<String> jobs);

    /** The commands on this machine's PATH. */
    static Slurm commands() {
        return new Commands();
    }

    /** sbatch, squeue and scancel run as processes, each with a time limit. */
    final class Commands implements Slurm {
        private static final long LIMIT_SECONDS = 120;

        @Override
        public String submit(Path script) {
            Result r = run(List.of("sbatch", "--parsable", script.toString()));
            String out = r.out.strip();
            if (r.code != 0 || !out.matches("\\d+(;\\S+)?")) {
                throw new DeepgridException("sbatch refused the job (exit " + r.code + "): " + oneLine(r.err + " " + out)
                        + "; the script is " + script);
            }
            int semi = out.indexOf(';');
            return semi < 0 ? out : out.substring(0, semi); // "123;cluster" on a multi-cluster setup
        }

        @Override
        public Set<String> queued(Collection<String> jobs) {
            if (jobs.isEmpty()) {
                return Set.of();
            }
            Result r = run(List.of("squeue", "--noheader", "--array", "--format=%F|%K|%T", "--jobs=" + String.join(",", jobs)));
            if (r.code != 0) {
                // every job id unknown: they all left the queue long ago (purged after MinJobAge)
                return r.err.contains("Invalid job id") ? Set.of() : null;
            }
            return parseQueue(r.out);
        }

        @Override
        public void cancel(Collection<String> jobs) {
            if (!jobs.isEmpty()) {
                List<String> cmd = new ArrayList<>(List.of("scancel"));
                cmd.addAll(jobs);
                Result r = run(cmd);
                if (r.code != 0) {
                    throw new DeepgridException("scancel " + String.join(" ", jobs) + " failed (exit " + r.code + "): "
                            + oneLine(r.err));
                }
            }
        }

        private record Result(int code, String out, String err) {
        }

        private static Result run(List<String> cmd) {
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            } catch (IOException e) {
                throw new DeepgridException("cannot run " + cmd.get(0) + " (" + e.getMessage() + "): --launcher slurm needs"
                        + " Slurm's commands (sbatch, squeue, scancel) on the PATH of this machine");
            }
            CompletableFuture<String> out = read(p.getInputStream());
            CompletableFuture<String> err = read(p.getErrorStream());
            try {
                if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "", cmd.get(0) + " did not answer within " + LIMIT_SECONDS + " s");
                }
                return new Result(p.exitValue(), out.join(), err.join());
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                return new Result(-1, "", cmd.get(0) + " interrupted");
            }
        }

        private static CompletableFuture<String> read(InputStream in) {
            return CompletableFuture.supplyAsync(() -> {
                try (in) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
        }

        private static String oneLine(String s) {
            return s.strip().replaceAll("\\s*\\n\\s*", "; ");
        }
    }

    /**
     * squeue's lines "JOB|TASKS|STATE" → "JOB_TASK" for every task; TASKS is one index, or a
     * pending array's ranges ("2-5%2", "1,3,7-9").
     */
    static Set<String> parseQueue(String text) {
        Set<String> tasks = new HashSet<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\|");
            if (f.length < 2 || f[0].isEmpty()) {
                continue;
            }
            String ranges = f[1].replaceFirst("%\\d+$", "");
            if (ranges.equals("N/A")) {
                continue; // not an array job
            }
            for (String part : ranges.split(",")) {
                String[] ends = part.split("-");
                try {
                    int lo = Integer.parseInt(ends[0].strip());
                    int hi = ends.length > 1 ? Integer.parseInt(ends[1].strip()) : lo;
                    for (int i = lo; i <= hi; i++) {
                        tasks.add(f[0] + "_" + i);
                    }
                } catch (NumberFormatException e) {
                    // not a task list: ignored
                }
            }
        }
        return tasks;
    }
}
