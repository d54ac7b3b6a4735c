package deepgrid.run.queue;

import deepgrid.IoReason;
import deepgrid.config.ConfigException;
import deepgrid.config.Pos;
import deepgrid.config.Problems;
import deepgrid.data.DataLoader;
import deepgrid.run.Planner;
import deepgrid.run.RunSpec;
import deepgrid.run.Status;
import deepgrid.math.Kernel;
import deepgrid.run.results.Claims;
import deepgrid.run.results.KernelMix;
import deepgrid.run.results.ResultsFolder;
import deepgrid.run.results.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Files and folders → one queue of runs. Order of use: {@link #files}, {@link #plan}
 * (every run of every file is validated before any trains), then {@link #run}: it asks each
 * file's sweep for runs whenever the launcher has room (files in order), skips runs whose
 * folder is already in place, hands the rest to the launcher, and learns from the results
 * folders how each ended. Runs that another process holds are waited for, and taken over if
 * that process dies. Statistics and the report page are rebuilt in the background.
 */
public final class Queue {
    /** Whether to keep finished results (resume) or move them aside and start over. */
    public enum Start { RESUME, FRESH }

    /** How many runs the queue had and how they ended ({@code elsewhere}: trained by another process meanwhile). */
    public record Outcome(int total, int skipped, int completed, int diverged, int failed, int pruned, int elsewhere,
            int lost) {
        public Outcome(int total, int skipped, int completed, int diverged, int failed) {
            this(total, skipped, completed, diverged, failed, 0, 0, 0);
        }
    }

    /** How often, at most, a results folder's statistics and report are rebuilt while runs finish. */
    static final long REPORT_EVERY_MILLIS = 3000;
    /** How often runs held by other processes are looked at. */
    private static final long POLL_MILLIS = 200;

    /** How a progress line marks a run another process trained. */
    private static final String BY_OTHER = ", by another process";

    private final DataLoader loader;
    private final Path out;
    private final BiConsumer<Path, List<String>> report;

    /**
     * A queue writing under {@code out}; {@code report} rebuilds an experiment folder's
     * statistics and page, given the folder's run ids in plan order (runs.csv lists them in
     * the order they finish until the queue ends, and the statistics must not depend on that).
     */
    public Queue(DataLoader loader, Path out, BiConsumer<Path, List<String>> report) {
        this.loader = loader;
        this.out = out;
        this.report = report;
    }

    /** A queue that only plans, or runs without a report. */
    public Queue(DataLoader loader, Path out) {
        this(loader, out, (dir, planOrder) -> { });
    }

    public DataLoader loader() {
        return loader;
    }

    /** Every experiment file named, once: files as given, folders as their *.yaml / *.yml in name order. */
    public static List<Path> files(List<Path> args) {
        Problems problems = new Problems();
        List<Path> files = new ArrayList<>();
        for (Path a : args) {
            if (Files.isDirectory(a)) {
                try (var list = Files.list(a)) {
                    List<Path> found = list.filter(p -> p.toString().matches(".*\\.ya?ml$") && Files.isRegularFile(p))
                            .sorted().toList();
                    if (found.isEmpty()) {
                        problems.add(Pos.of(a.toString()), "folder has no .yaml files");
                    }
                    files.addAll(found);
                } catch (IOException e) {
                    problems.add(Pos.of(a.toString()), "cannot list folder: " + e.getMessage());
                }
            } else if (!Files.exists(a)) {
                problems.add(Pos.of(a.toString()), IoReason.noSuchFile(a));
            } else {
                files.add(a);
            }
        }
        problems.throwIfAny();
        return dedupe(files);
    }

    /** The files without repeats (the same file named twice, or inside a folder also named): first place wins. */
    private static List<Path> dedupe(List<Path> files) {
        var seen = new java.util.HashSet<Path>();
        return files.stream().filter(f -> seen.add(f.toAbsolutePath().normalize())).toList();
    }

    /** Plans every file; all problems of all files at once. */
    public List<Planner.Plan> plan(List<Path> files, List<String> sets) {
        Problems problems = new Problems();
        List<Planner.Plan> plans = new ArrayList<>();
        Map<String, Path> names = new HashMap<>();
        for (Path f : files) {
            try {
                Planner.Plan p = Planner.plan(f, sets, loader::load);
                Path other = names.putIfAbsent(p.experiment(), f);
                if (other != null) {
                    problems.add(Pos.of(f.toString()), "experiment name '" + p.experiment() + "' is also used by "
                            + other + "; give one of them another name:");
                }
                plans.add(p);
            } catch (ConfigException e) {
                problems.addAll(e);
            }
        }
        problems.throwIfAny();
        return plans;
    }

    /** Trains every unfinished run of {@code plans} with {@code launcher}, reporting to {@code progress}. */
    public Outcome run(List<Planner.Plan> plans, Launcher launcher, Start start, Progress progress, PrintWriter err)
            throws IOException {
        Tally tally = new Tally();
        List<Experiment> exps = new ArrayList<>();
        Map<Path, ResultsFolder> folders = new ConcurrentHashMap<>(); // read by the report thread
        try (ReportScheduler reports = new ReportScheduler(dir -> report.accept(dir, folders.get(dir).planOrder()),
                REPORT_EVERY_MILLIS, err)) {
            for (Planner.Plan plan : plans) {
                Experiment e = open(plan, start);
                exps.add(e);
                folders.put(e.folder.dir(), e.folder);
                KernelMix.warning(e.folder.dir(), e.folder.finishedRecords(), Kernel.info())
                        .ifPresent(w -> err.println("deepgrid: " + w));
            }
            Signals signals = Signals.watch(() -> stopped(launcher, tally, exps, progress, err));
            try {
                loop(exps, launcher, tally, progress, reports);
                // a search's files follow from its runs: rebuilt at the end even when every run was done (a crash
                // between the last run and the last rebuild must not leave them behind)
                exps.stream().filter(e -> e.plan.sweep() instanceof deepgrid.run.grid.SearchSweep)
                        .forEach(e -> reports.changed(e.folder.dir()));
            } finally {
                signals.close();
            }
            int total = exps.stream().mapToInt(e -> e.seen).sum();
            return tally.outcome(total);
        } finally {
            launcher.close();
            closeAll(exps);
        }
    }

    private void loop(List<Experiment> exps, Launcher launcher, Tally tally, Progress progress, ReportScheduler reports)
            throws IOException {
        while (true) {
            fill(exps, launcher, tally, progress);
            if (exps.stream().allMatch(Experiment::finished)) {
                return;
            }
            List<Launcher.Event> news;
            try {
                news = launcher.await(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (Launcher.Event e : news) {
                Experiment exp = of(exps, e.folder());
                switch (e.kind()) {
                    case RECORDED -> ended(exp, e.run(), "", tally, progress, reports);
                    case RECORDED_ELSEWHERE -> ended(exp, e.run(), BY_OTHER, tally, progress, reports);
                    case HELD_ELSEWHERE -> exp.waiting.put(e.run().id(), e.run());
                    case NOT_RECORDED -> throw notRecorded(e);
                    case LOST -> {
                        tally.lost++;
                        progress.lost(exp.plan.experiment(), e.run(), e.failure() == null ? "" : e.failure().getMessage());
                    }
                }
                exp.launched.remove(e.run().id());
            }
            for (Experiment exp : exps) {
                pollWaiting(exp, launcher, tally, progress, reports);
            }
        }
    }

    /** Hands runs to the launcher while it has room: each file's sweep in turn; finished runs are skipped. */
    private void fill(List<Experiment> exps, Launcher launcher, Tally tally, Progress progress) {
        for (Experiment exp : exps) {
            while (launcher.room() > 0) {
                List<RunSpec> next = exp.plan.sweep().next(exp.outcomes, 1);
                if (next.isEmpty()) {
                    break;
                }
                RunSpec run = next.get(0);
                exp.seen++;
                progress.total(exps.stream().mapToInt(Experiment::expected).sum());
                exp.folder.expect(run.id());
                if (exp.folder.record(run.id()).filter(r -> r.status().isFinished()).isPresent()) {
                    progress.skipped(run);
                    tally.skipped++;
                } else {
                    exp.launched.put(run.id(), run);
                    launcher.launch(run, exp.folder);
                }
            }
        }
    }

    private static void ended(Experiment exp, RunSpec run, String by, Tally tally, Progress progress,
            ReportScheduler reports) {
        RunRecord r = exp.folder.record(run.id()).orElseThrow(() -> new IllegalStateException(
                "run " + run.id() + " was recorded but has no result.csv in " + exp.folder.dir()));
        tally.add(r.status(), !by.isEmpty());
        progress.finished(exp.plan.experiment(), r, by);
        reports.changed(exp.folder.dir());
    }

    /** Runs another process holds: done when their folder appears; launched again when their claim is gone or stale. */
    private static void pollWaiting(Experiment exp, Launcher launcher, Tally tally, Progress progress,
            ReportScheduler reports) throws IOException {
        for (RunSpec run : List.copyOf(exp.waiting.values())) {
            if (exp.folder.record(run.id()).isPresent()) {
                exp.waiting.remove(run.id());
                ended(exp, run, BY_OTHER, tally, progress, reports);
                continue;
            }
            Optional<Claims.Found> holder = exp.folder.claims().read(run.id());
            if ((holder.isEmpty() || holder.get().isStale(Instant.now())) && launcher.room() > 0) {
                exp.waiting.remove(run.id());
                exp.launched.put(run.id(), run);
                launcher.launch(run, exp.folder);
            }
        }
    }

    private static UncheckedIOException notRecorded(Launcher.Event e) {
        String why = e.failure() == null ? "unknown" : e.failure().getMessage();
        IOException io = e.failure() instanceof IOException x ? x : new IOException(why, e.failure());
        return new UncheckedIOException("cannot record run " + e.run().id() + " in " + e.folder().dir() + ": " + why, io);
    }

    private Experiment open(Planner.Plan plan, Start start) throws IOException {
        List<String> order = plan.runs().stream().map(RunSpec::id).toList();
        ResultsFolder folder = ResultsFolder.open(out.resolve(plan.experiment()), plan.gridPaths(), order);
        try {
            if (start == Start.FRESH) {
                folder.fresh();
            } else if (plan.sweep().complete()) {
                folder.retireAllBut(new java.util.HashSet<>(order)); // runs of an earlier version of the file
            }
            plan.sweep().open(folder);
            return new Experiment(plan, folder);
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    private static void closeAll(List<Experiment> exps) throws IOException {
        IOException first = null;
        for (Experiment e : exps) {
            try {
                e.folder.close();
            } catch (IOException x) {
                first = first == null ? x : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static Experiment of(List<Experiment> exps, ResultsFolder folder) {
        return exps.stream().filter(e -> e.folder == folder).findFirst().orElseThrow();
    }

    /** The one line a signal leaves: what is done, what was lost, how to go on. */
    private static void stopped(Launcher launcher, Tally tally, List<Experiment> exps, Progress progress, PrintWriter err) {
        int inFlight = exps.stream().mapToInt(e -> e.launched.size()).sum();
        launcher.close();
        deepgrid.run.results.GroupCommit.stopAll();
        exps.forEach(e -> e.folder.abandon());
        progress.endLine();
        err.printf("deepgrid: stopped by a signal: %d runs done, %d in flight lost; rerun the same command to resume%n",
                tally.done(), inFlight);
        err.flush();
    }

    /** One file's plan and results folder while the queue runs. */
    private static final class Experiment {
        final Planner.Plan plan;
        final ResultsFolder folder;
        final Map<String, RunSpec> launched = new LinkedHashMap<>();
        final Map<String, RunSpec> waiting = new LinkedHashMap<>();
        final deepgrid.run.grid.Outcomes outcomes;
        int seen;

        Experiment(Planner.Plan plan, ResultsFolder folder) {
            this.plan = plan;
            this.folder = folder;
            this.outcomes = new FolderOutcomes(folder, launched, waiting);
        }

        int expected() {
            return Math.max(seen, plan.sweep().expected());
        }

        boolean finished() {
            return plan.sweep().done() && launched.isEmpty() && waiting.isEmpty();
        }
    }

    /**
     * A sweep's view of its runs: read from the results folder, whoever trained them. A run in
     * flight has no result yet, even when the folder still holds a failed earlier attempt.
     */
    private record FolderOutcomes(ResultsFolder folder, Map<String, RunSpec> launched, Map<String, RunSpec> waiting)
            implements deepgrid.run.grid.Outcomes {
        @Override
        public Optional<RunRecord> result(String id) {
            if (launched.containsKey(id) || waiting.containsKey(id)) {
                return Optional.empty();
            }
            return folder.record(id);
        }

        @Override
        public List<Map<String, String>> epochs(String id) {
            return folder.epochs(id);
        }
    }

    /** Counts of how runs ended. */
    private static final class Tally {
        int skipped;
        int completed;
        int diverged;
        int failed;
        int pruned;
        int elsewhere;
        int lost;

        synchronized void add(Status s, boolean byOther) {
            if (byOther) {
                elsewhere++;
                return;
            }
            switch (s) {
                case COMPLETED -> completed++;
                case DIVERGED -> diverged++;
                case FAILED -> failed++;
                case PRUNED -> pruned++;
            }
        }

        synchronized int done() {
            return skipped + completed + diverged + failed + pruned + elsewhere + lost;
        }

        synchronized Outcome outcome(int total) {
            return new Outcome(total, skipped, completed, diverged, failed, pruned, elsewhere, lost);
        }
    }
}
