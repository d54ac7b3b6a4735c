package deepgrid.run.queue;

import deepgrid.data.DataLoader;
import deepgrid.run.RunResult;
import deepgrid.run.RunSpec;
import deepgrid.run.results.Claims;
import deepgrid.run.results.ResultsFolder;
import deepgrid.run.results.RunRecorder;
import deepgrid.train.EpochMetrics;
import deepgrid.train.HealthEvent;
import deepgrid.train.TrainingLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Trains runs on {@code jobs} threads of this process (one run per thread; {@code --jobs}),
 * sharing one {@link DataLoader} so each data set is loaded once. Each thread claims its
 * run, trains it, and hands it to the group commit; the thread is free for the next run
 * while the commit records this one.
 */
public final class LocalLauncher implements Launcher {
    private final DataLoader loader;
    private final int jobs;
    private final Progress progress;
    private final ExecutorService pool;
    private final List<Event> events = new ArrayList<>();
    private final Set<RunRecorder> training = ConcurrentHashMap.newKeySet();
    private int busy;

    public LocalLauncher(DataLoader loader, int jobs, Progress progress) {
        this.loader = loader;
        this.jobs = Math.max(1, jobs);
        this.progress = progress;
        this.pool = Executors.newFixedThreadPool(this.jobs, r -> {
            Thread t = new Thread(r, "deepgrid-run");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized int room() {
        return jobs - busy;
    }

    @Override
    public synchronized void launch(RunSpec run, ResultsFolder folder) {
        busy++;
        pool.execute(() -> work(run, folder));
    }

    @Override
    public synchronized List<Event> await(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        int room = jobs - busy;
        while (events.isEmpty() && jobs - busy == room) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        List<Event> news = new ArrayList<>(events);
        events.clear();
        return news;
    }

    private void work(RunSpec run, ResultsFolder folder) {
        try {
            Optional<Claims.Held> claim = folder.claims().tryClaim(run.id());
            if (claim.isEmpty()) {
                post(Event.of(run, folder, Kind.HELD_ELSEWHERE));
                return;
            }
            if (folder.record(run.id()).filter(r -> r.status().isFinished()).isPresent()) {
                claim.get().release(); // another process finished it just before we claimed it
                post(Event.of(run, folder, Kind.RECORDED_ELSEWHERE));
                return;
            }
            train(run, folder, claim.get());
        } catch (IOException | RuntimeException e) {
            post(new Event(run, folder, Kind.NOT_RECORDED, e));
        } finally {
            synchronized (this) {
                busy--;
                notifyAll();
            }
        }
    }

    private void train(RunSpec run, ResultsFolder folder, Claims.Held claim) throws IOException {
        try (RunRecorder recorder = folder.start(run, claim)) {
            training.add(recorder);
            RunResult r = RunExecutor.execute(run, loader, recorder, new TrainingLog() {
                @Override
                public void epoch(EpochMetrics m) {
                    progress.epoch(run, m, run.spec().training().epochs()); // bound by now (a failed binding fails the run)
                }

                @Override
                public void event(HealthEvent e) {
                    progress.event(run, e); // one stderr line per new training-health event (issue 11)
                }
            });
            recorder.finish(r, failure -> post(failure == null ? Event.of(run, folder, Kind.RECORDED)
                    : failure instanceof deepgrid.run.results.ClaimLostException ? Event.of(run, folder, Kind.HELD_ELSEWHERE)
                    : new Event(run, folder, Kind.NOT_RECORDED, failure)));
        } finally {
            training.removeIf(r -> r.run() == run);
        }
    }

    private synchronized void post(Event e) {
        events.add(e);
        notifyAll();
    }

    /** Abandons the runs still training (a signal): their folders removed, their claims released. */
    @Override
    public void close() {
        pool.shutdownNow();
        for (RunRecorder r : training) {
            try {
                r.close();
            } catch (IOException e) {
                // its claim goes stale with this process; the next start clears it
            }
        }
    }

    /** How many runs are training now. */
    public int training() {
        return training.size();
    }
}
