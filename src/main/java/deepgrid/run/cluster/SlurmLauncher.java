package deepgrid.run.cluster;

import deepgrid.DeepgridException;
import deepgrid.run.RunSpec;
import deepgrid.run.queue.Launcher;
import deepgrid.run.queue.Progress;
import deepgrid.run.results.Claims;
import deepgrid.run.results.ResultsFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Trains runs as Slurm job arrays ({@code --launcher slurm}). Runs handed to {@link #launch}
 * are submitted together at the next {@link #await}: per experiment, one array of
 * {@code ceil(runs / runs_per_task)} tasks ({@code sbatch --parsable --array=0-(N−1)%K}), each
 * task training its runs with {@code deepgrid task} into the shared results folder, claiming
 * and recording them as the local launcher does. A search's later runs are submitted as
 * further arrays as its window opens.
 *
 * <p>The driver learns how a run ended from its folder (no accounting needed): a run is
 * {@code RECORDED} when its folder appears in place; it is {@code LOST} when its array task has
 * left Slurm's queue ({@code squeue}) without recording it and no live process holds its
 * claim (cancelled, failed, or its node died: its claim then expires with its lease). A run
 * another live process holds when it is launched is {@code HELD_ELSEWHERE}. {@link #close}
 * cancels ({@code scancel}) the jobs of runs not yet recorded, and says so.
 */
public final class SlurmLauncher implements Launcher {
    /** How often run folders are looked at, and Slurm's queue. */
    static final long LOOK_MILLIS = 500;
    static final long SQUEUE_MILLIS = 3000;
    /** Runs in Slurm's queue at most (as tasks): more are submitted as these end. */
    private static final int MAX_QUEUED_TASKS = SlurmSettings.MAX_ARRAY;

    /** Where and how one experiment's runs are submitted. */
    public record Target(SlurmSettings settings, List<String> gridPaths) {
    }

    private final Slurm slurm;
    private final Map<String, Target> targets;
    private final Path workDir;
    private final Progress progress;
    private final String mainClass;
    private final List<Pending> buffer = new ArrayList<>();
    private final Map<Pending, Tracked> tracked = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();
    private long nextLook;
    private long nextQueue;
    private boolean closed;

    /**
     * A launcher submitting through {@code slurm}; {@code targets} by experiment name;
     * {@code workDir} is where tasks start; news lines go to {@code progress}; {@code mainClass}
     * is deepgrid's (the tasks run {@code java ... mainClass task ...}).
     */
    public SlurmLauncher(Slurm slurm, Map<String, Target> targets, Path workDir, Progress progress, String mainClass) {
        this.slurm = slurm;
        this.targets = Map.copyOf(targets);
        this.workDir = workDir.toAbsolutePath().normalize();
        this.progress = progress;
        this.mainClass = mainClass;
    }

    private record Pending(RunSpec run, ResultsFolder folder) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pending p && p.run.id().equals(run.id()) && p.folder == folder;
        }

        @Override
        public int hashCode() {
            return Objects.hash(run.id(), System.identityHashCode(folder));
        }
    }

    /** A submitted run: its array task, and its folder as it was before (a failed earlier attempt's, or none). */
    private record Tracked(String job, int task, Object before, Path log) {
        String name() {
            return job + "_" + task;
        }
    }

    @Override
    public synchronized int room() {
        return closed ? 0 : Math.max(0, MAX_QUEUED_TASKS * chunk() - buffer.size() - tracked.size());
    }

    private int chunk() {
        return targets.values().stream().mapToInt(t -> t.settings().runsPerTask()).min().orElse(1);
    }

    @Override
    public synchronized void launch(RunSpec run, ResultsFolder folder) {
        if (heldElsewhere(run, folder)) {
            events.add(new Event(run, folder, Kind.HELD_ELSEWHERE, null));
            notifyAll();
            return;
        }
        buffer.add(new Pending(run, folder));
    }

    private static boolean heldElsewhere(RunSpec run, ResultsFolder folder) {
        try {
            Optional<Claims.Found> c = folder.claims().read(run.id());
            return c.isPresent() && !c.get().isStale(Instant.now());
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public List<Event> await(long millis) throws InterruptedException {
        submitBuffered();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (this) {
            while (events.isEmpty() && !closed) {
                long now = System.nanoTime();
                if (now - nextLook >= 0) {
                    look(now);
                    nextLook = now + TimeUnit.MILLISECONDS.toNanos(LOOK_MILLIS);
                    continue;
                }
                long wait = Math.min(deadline, nextLook) - now;
                if (deadline - now <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, wait));
            }
            List<Event> news = new ArrayList<>(events);
            events.clear();
            return news;
        }
    }

    /** Submits the runs launched since the last call: per experiment, arrays of at most MAX_ARRAY tasks. */
    private void submitBuffered() {
        List<Pending> batch;
        synchronized (this) {
            if (buffer.isEmpty() || closed) {
                return;
            }
            batch = new ArrayList<>(buffer);
            buffer.clear();
        }
        Map<ResultsFolder, List<RunSpec>> byFolder = new LinkedHashMap<>();
        batch.forEach(p -> byFolder.computeIfAbsent(p.folder, f -> new ArrayList<>()).add(p.run));
        for (var e : byFolder.entrySet()) {
            ResultsFolder folder = e.getKey();
            String experiment = folder.dir().getFileName().toString();
            Target target = targets.get(experiment);
            if (target == null) {
                throw new IllegalStateException("no Slurm settings for experiment " + experiment);
            }
            List<List<RunSpec>> chunks = chunks(e.getValue(), target.settings().runsPerTask());
            for (int from = 0; from < chunks.size(); from += SlurmSettings.MAX_ARRAY) {
                submit(folder, experiment, target, chunks.subList(from, Math.min(chunks.size(), from + SlurmSettings.MAX_ARRAY)));
            }
        }
    }

    static List<List<RunSpec>> chunks(List<RunSpec> runs, int size) {
        List<List<RunSpec>> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i += size) {
            out.add(List.copyOf(runs.subList(i, Math.min(runs.size(), i + size))));
        }
        return out;
    }

    private void submit(ResultsFolder folder, String experiment, Target target, List<List<RunSpec>> tasks) {
        Path submission = newSubmission(folder.dir());
        int runs = tasks.stream().mapToInt(List::size).sum();
        Map<Pending, Object> before = new LinkedHashMap<>();
        try {
            Files.createDirectories(submission.resolve("logs"));
            for (int k = 0; k < tasks.size(); k++) {
                TaskFiles.write(submission, k, experiment, target.gridPaths(), tasks.get(k));
                for (RunSpec r : tasks.get(k)) {
                    before.put(new Pending(r, folder), folderKey(folder, r.id()));
                }
            }
            String script = SbatchScript.text(experiment, runs, tasks.size(), target.settings(), submission, workDir,
                    SbatchScript.thisDeepgrid(target.settings().memoryMegabytes(), mainClass));
            deepgrid.run.results.AtomicFiles.write(submission.resolve("job.sh"), script);
        } catch (IOException x) {
            throw new UncheckedIOException("cannot write the Slurm task files in " + submission + ": " + x.getMessage(), x);
        }
        String job = slurm.submit(submission.resolve("job.sh"));
        try {
            deepgrid.run.results.AtomicFiles.write(submission.resolve("job-id"), job + "\n");
        } catch (IOException x) {
            // only for people reading the folder
        }
        synchronized (this) {
            if (closed) { // stopped (a signal) while sbatch ran: this job is cancelled too
                slurm.cancel(List.of(job));
                progress.note("deepgrid: cancelled Slurm job " + job + " (scancel), submitted as deepgrid stopped");
                return;
            }
            for (int k = 0; k < tasks.size(); k++) {
                for (RunSpec r : tasks.get(k)) {
                    Pending p = new Pending(r, folder);
                    tracked.put(p, new Tracked(job, k, before.get(p), submission.resolve("logs").resolve(job + "_" + k + ".out")));
                }
            }
            nextQueue = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SQUEUE_MILLIS);
        }
        progress.note(String.format("deepgrid: submitted %d run%s of %s to Slurm as job %s (array 0-%d%%%d, %d run%s per task);"
                + " logs in %s", runs, runs == 1 ? "" : "s", experiment, job, tasks.size() - 1,
                Math.min(target.settings().parallel(), tasks.size()), target.settings().runsPerTask(),
                target.settings().runsPerTask() == 1 ? "" : "s", submission.resolve("logs")));
    }

    /** A new folder results/NAME/slurm/TIME-RANDOM for one submission. */
    private static Path newSubmission(Path experimentDir) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        byte[] r = new byte[3];
        new SecureRandom().nextBytes(r);
        return experimentDir.resolve(SLURM).resolve(stamp + "-" + HexFormat.of().formatHex(r));
    }

    /** The folder the Slurm launcher keeps in an experiment's results folder. */
    public static final String SLURM = "slurm";

    /** What identifies run {@code id}'s folder in place now (its file key and result's time), or null without one. */
    private static Object folderKey(ResultsFolder folder, String id) {
        Path dir = folder.dir().resolve(ResultsFolder.RUNS).resolve(id);
        try {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            BasicFileAttributes r = Files.readAttributes(dir.resolve(ResultsFolder.RESULT_CSV), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return List.of(String.valueOf(a.fileKey()), a.creationTime(), r.lastModifiedTime());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Looks at the run folders (every call) and at Slurm's queue (every SQUEUE_MILLIS); posts what ended. */
    private void look(long now) {
        if (tracked.isEmpty()) {
            return;
        }
        Set<ResultsFolder> changed = new LinkedHashSet<>();
        List<Pending> recorded = new ArrayList<>();
        Map<ResultsFolder, Set<String>> present = new java.util.HashMap<>(); // one listing per folder, not a stat per run
        for (var e : tracked.entrySet()) {
            Set<String> names = present.computeIfAbsent(e.getKey().folder, SlurmLauncher::runFolders);
            if (names.contains(e.getKey().run.id()) && isRecorded(e.getKey(), e.getValue())) {
                recorded.add(e.getKey());
                changed.add(e.getKey().folder);
            }
        }
        if (now - nextQueue >= 0) {
            nextQueue = now + TimeUnit.MILLISECONDS.toNanos(SQUEUE_MILLIS);
            Set<String> jobs = tracked.values().stream().map(Tracked::job).collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> queued = slurm.queued(jobs);
            if (queued != null) {
                for (var e : tracked.entrySet()) {
                    Pending p = e.getKey();
                    Tracked t = e.getValue();
                    if (recorded.contains(p) || queued.contains(t.name()) || heldElsewhere(p.run, p.folder)) {
                        continue;
                    }
                    if (isRecorded(p, t)) { // recorded just before its task left the queue
                        recorded.add(p);
                        changed.add(p.folder);
                    } else {
                        events.add(new Event(p.run, p.folder, Kind.LOST, new IllegalStateException("its Slurm task "
                                + t.name() + " left the queue without recording it (cancelled, failed, or its node died);"
                                + " see " + workDir.relativize(t.log.toAbsolutePath()))));
                    }
                }
            }
        }
        for (ResultsFolder f : changed) {
            try {
                f.reconcile(); // reads the new results (a failed run's new attempt too) and brings runs.csv up to date
            } catch (IOException x) {
                // runs.csv is repaired at the end; the results themselves are read from the run folders
            }
        }
        for (Pending p : recorded) {
            events.add(new Event(p.run, p.folder, Kind.RECORDED, null));
        }
        for (Event e : events) {
            tracked.remove(new Pending(e.run(), e.folder()));
        }
    }

    /** The names in a results folder's runs/ (finished runs, and the bookkeeping folders). */
    private static Set<String> runFolders(ResultsFolder folder) {
        try (var list = Files.list(folder.dir().resolve(ResultsFolder.RUNS))) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException | UncheckedIOException e) {
            return Set.of();
        }
    }

    private static boolean isRecorded(Pending p, Tracked t) {
        Object now = folderKey(p.folder, p.run.id());
        return now != null && !now.equals(t.before);
    }

    /** Cancels the jobs of runs not recorded yet (a signal, or the queue stopping on an error), and says so. */
    @Override
    public void close() {
        Set<String> jobs;
        int runs;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            jobs = tracked.values().stream().map(Tracked::job).collect(Collectors.toCollection(LinkedHashSet::new));
            runs = tracked.size();
            tracked.clear();
            buffer.clear();
            notifyAll();
        }
        if (jobs.isEmpty()) {
            return;
        }
        String list = String.join(", ", jobs);
        try {
            slurm.cancel(jobs);
            progress.note("deepgrid: cancelled Slurm job" + (jobs.size() == 1 ? " " : "s ") + list + " (scancel) with "
                    + runs + " run" + (runs == 1 ? "" : "s") + " not finished; their tasks release their runs;"
                    + " rerun the same command to submit what is missing");
        } catch (DeepgridException e) {
            progress.note("deepgrid: could not cancel Slurm job" + (jobs.size() == 1 ? " " : "s ") + list + ": "
                    + e.getMessage() + "; cancel them with scancel " + String.join(" ", jobs));
        }
    }

    /** For tests: the runs submitted and not yet ended. */
    synchronized Set<String> tracked() {
        Set<String> ids = new HashSet<>();
        tracked.keySet().forEach(p -> ids.add(p.run.id()));
        return ids;
    }
}
