package deepgrid.run.queue;

import deepgrid.IoReason;
import deepgrid.config.ConfigException;
import deepgrid.config.Pos;
import deepgrid.config.Problems;
import deepgrid.data.DataLoader;
import deepgrid.run.Planner;
import deepgrid.run.RunResult;
import deepgrid.run.RunSpec;
import deepgrid.run.Status;
import deepgrid.run.results.ResultsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Files and folders → one queue of runs. Order of use: {@link #files}, {@link #plan}
 * (every run of every file is validated before any trains), then {@link #run}, which
 * skips finished runs, trains the rest on {@code jobs} threads (one run per thread), and
 * records each as it ends. Data sets are loaded once and shared by all runs.
 */
public final class Queue {
    /** Whether to keep finished results (resume) or move them aside and start over. */
    public enum Start { RESUME, FRESH }

    /** How many runs the queue had and how they ended. */
    public record Outcome(int total, int skipped, int completed, int diverged, int failed) {
    }

    private final DataLoader loader;
    private final Path out;
    private final Consumer<Path> afterRun;

    /** A queue writing under {@code out}; {@code afterRun} is called with the experiment folder after each run (e.g. to rebuild its report). */
    public Queue(DataLoader loader, Path out, Consumer<Path> afterRun) {
        this.loader = loader;
        this.out = out;
        this.afterRun = afterRun;
    }

    /** A queue that only plans, or runs without a report. */
    public Queue(DataLoader loader, Path out) {
        this(loader, out, dir -> { });
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

    /** Trains every unfinished run of {@code plans} on {@code jobs} threads, reporting to {@code progress}. */
    public Outcome run(List<Planner.Plan> plans, int jobs, Start start, Progress progress) throws IOException {
        List<ResultsStore> stores = new ArrayList<>();
        try {
            List<Runnable> tasks = new ArrayList<>();
            int total = plans.stream().mapToInt(p -> p.runs().size()).sum();
            Tally tally = new Tally();
            for (Planner.Plan plan : plans) {
                ResultsStore store = open(plan, start);
                stores.add(store);
                Set<String> finished = store.finished();
                for (RunSpec run : plan.runs()) {
                    if (finished.contains(run.id())) {
                        progress.skipped(run);
                        tally.skipped++;
                    } else {
                        tasks.add(() -> tally.add(trainOne(store, run, progress)));
                    }
                }
            }
            runAll(tasks, jobs);
            return new Outcome(total, tally.skipped, tally.completed, tally.diverged, tally.failed);
        } finally {
            for (ResultsStore s : stores) {
                s.close();
            }
        }
    }

    private ResultsStore open(Planner.Plan plan, Start start) throws IOException {
        List<String> order = plan.runs().stream().map(RunSpec::id).toList();
        ResultsStore store = ResultsStore.open(out.resolve(plan.experiment()), plan.gridPaths(), order);
        try {
            if (start == Start.FRESH) {
                store.fresh();
            } else {
                store.retireAllBut(new java.util.HashSet<>(order)); // runs of an earlier version of the file
            }
            store.rebuildRunsCsv();
            return store;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private RunResult trainOne(ResultsStore store, RunSpec run, Progress progress) {
        try (var recorder = store.start(run)) {
            int epochs = run.spec().training().epochs();
            RunResult r = RunExecutor.execute(run, loader, recorder, m -> progress.epoch(run, m, epochs));
            recorder.finish(r);
            synchronized (store) {
                afterRun.accept(store.dir());
            }
            progress.finished(r);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record run " + run.id() + " in " + store.dir(), e);
        }
    }

    private static void runAll(List<Runnable> tasks, int jobs) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
            Thread t = new Thread(r, "deepgrid-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = tasks.stream().<Future<?>>map(pool::submit).toList();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts of how runs ended; updated from the worker threads. */
    private static final class Tally {
        int skipped;
        int completed;
        int diverged;
        int failed;

        synchronized void add(RunResult r) {
            if (r.status() == Status.COMPLETED) {
                completed++;
            } else if (r.status() == Status.DIVERGED) {
                diverged++;
            } else {
                failed++;
            }
        }
    }
}
