package deepgrid.run.results;

import deepgrid.config.ConfigText;
import deepgrid.run.RunResult;
import deepgrid.run.RunSpec;
import deepgrid.run.Status;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results folder of one experiment, held under its lock. A run trains in
 * {@code runs/.inflight/ID/} and is moved to {@code runs/ID/} whole when it ends, so a
 * run folder exists only for a finished run; {@code runs.csv} is rebuilt from those
 * folders and replaced atomically. Order of use: open, {@link #finished}, {@link #start}
 * each run, close.
 */
public final class ResultsStore implements AutoCloseable {
    private final Path dir;
    private final ResultsLock lock;
    private final List<String> gridPaths;
    private final List<String> order;

    private ResultsStore(Path dir, ResultsLock lock, List<String> gridPaths, List<String> order) {
        this.dir = dir;
        this.lock = lock;
        this.gridPaths = List.copyOf(gridPaths);
        this.order = List.copyOf(order);
    }

    /** Locks {@code dir}, removes what an interrupted process left, and rebuilds runs.csv. */
    public static ResultsStore open(Path dir, List<String> gridPaths, List<String> runOrder) throws IOException {
        ResultsLock lock = ResultsLock.acquire(dir);
        try {
            ResultsStore store = new ResultsStore(dir, lock, gridPaths, runOrder);
            store.recover();
            return store;
        } catch (IOException | RuntimeException e) {
            lock.close(); // e.g. a result.csv edited by hand: say so, and leave the folder free
            throw e;
        }
    }

    /**
     * Opens an existing results folder without its experiment file (for {@code deepgrid report}):
     * the grid columns and the run order are taken from its runs.csv, if it has one.
     */
    public static ResultsStore reopen(Path dir) throws IOException {
        List<String> grid = new ArrayList<>();
        List<String> order = new ArrayList<>();
        Path csv = dir.resolve("runs.csv");
        if (Files.isRegularFile(csv)) {
            try {
                List<Map<String, String>> rows = Csv.read(csv);
                rows.forEach(r -> order.add(r.get("run")));
                if (!rows.isEmpty()) {
                    List<String> header = new ArrayList<>(rows.get(0).keySet());
                    grid.addAll(header.subList(Columns.RUN_HEAD.size(), header.indexOf(Columns.RUN_TAIL.get(0))));
                }
            } catch (IOException | RuntimeException e) {
                grid.clear(); // a damaged runs.csv only loses the order: it is rebuilt from the run folders
                order.clear();
            }
        }
        return open(dir, grid, order);
    }

    public Path dir() {
        return dir;
    }

    /** Moves every earlier result into previous/TIMESTAMP/ (nothing is deleted) so the experiment starts over. */
    public void fresh() throws IOException {
        Path runs = dir.resolve("runs");
        Path csv = dir.resolve("runs.csv");
        if (!Files.exists(runs) && !Files.exists(csv)) {
            return;
        }
        Path previous = previousFolder();
        for (String name : List.of("runs", "runs.csv", "summary.csv", "comparisons.csv", "report.html")) {
            if (Files.exists(dir.resolve(name))) {
                Files.move(dir.resolve(name), previous.resolve(name));
            }
        }
    }

    /**
     * Moves the finished runs that are not in {@code current} (they belong to an earlier
     * version of the experiment file) to previous/TIMESTAMP/runs/, so that runs.csv and the
     * statistics describe the file as it is now. Nothing is deleted.
     */
    public synchronized void retireAllBut(Set<String> current) throws IOException {
        Path runs = dir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return;
        }
        List<Path> stale;
        try (var list = Files.list(runs)) {
            stale = list.filter(p -> !p.getFileName().toString().startsWith(".")
                    && !current.contains(p.getFileName().toString())).toList();
        }
        if (stale.isEmpty()) {
            return;
        }
        Path target = previousFolder().resolve("runs");
        Files.createDirectories(target);
        for (Path p : stale) {
            Files.move(p, target.resolve(p.getFileName()));
        }
    }

    private Path previousFolder() throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path previous = dir.resolve("previous").resolve(stamp);
        Files.createDirectories(previous);
        return previous;
    }

    /** Ids of runs that finished as completed or diverged (failed runs are redone). */
    public synchronized Set<String> finished() throws IOException {
        Set<String> done = new LinkedHashSet<>();
        for (Map<String, String> row : readResults()) {
            Status s = Status.parse(row.get("status"));
            if (s != Status.FAILED) {
                done.add(row.get("run"));
            }
        }
        return done;
    }

    /** Starts recording {@code run}: a fresh in-flight folder with its config.yaml written before training. */
    public RunRecorder start(RunSpec run) throws IOException {
        Path inflight = dir.resolve("runs").resolve(".inflight").resolve(run.id());
        AtomicFiles.deleteTree(inflight);
        Files.createDirectories(inflight);
        String header = "# deepgrid resolved configuration of run " + run.id() + "\n"
                + "# reproduce it alone with: deepgrid run config.yaml\n";
        AtomicFiles.write(inflight.resolve("config.yaml"),
                header + ConfigText.runFile(run.spec().resolved(), run.variant(), run.coordinates()));
        return new RunRecorder(this, run, inflight);
    }

    /** Called by a recorder when its run has ended: move the folder into place, then rebuild runs.csv. */
    synchronized void finish(RunResult result, Path inflight) throws IOException {
        Map<String, String> row = Columns.runRow(result);
        List<String> header = new ArrayList<>(row.keySet());
        AtomicFiles.write(inflight.resolve("result.csv"), Csv.row(header) + Csv.row(new ArrayList<>(row.values())));
        Path target = dir.resolve("runs").resolve(result.run().id());
        AtomicFiles.deleteTree(target); // only ever a failed earlier attempt: finished runs are skipped
        Files.move(inflight, target);
        rebuildRunsCsv();
    }

    /** Rewrites runs.csv from the run folders: plan order first, then any others by name. */
    public synchronized void rebuildRunsCsv() throws IOException {
        List<Map<String, String>> rows = readResults();
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
        rows.sort(java.util.Comparator.comparing((Map<String, String> r) -> rank.getOrDefault(r.get("run"), Integer.MAX_VALUE))
                .thenComparing(r -> r.get("run")));
        List<String> header = Columns.runHeader(gridPaths);
        List<String> extra = new ArrayList<>();
        rows.forEach(r -> r.keySet().stream().filter(k -> !header.contains(k) && !extra.contains(k)).forEach(extra::add));
        List<String> columns = new ArrayList<>(header.subList(0, Columns.RUN_HEAD.size() + gridPaths.size()));
        columns.addAll(extra); // grid columns of runs from an earlier version of the file
        columns.addAll(Columns.RUN_TAIL);
        StringBuilder text = new StringBuilder(Csv.row(columns));
        for (Map<String, String> r : rows) {
            text.append(Csv.row(columns.stream().map(c -> r.getOrDefault(c, "")).toList()));
        }
        AtomicFiles.write(dir.resolve("runs.csv"), text.toString());
    }

    private List<Map<String, String>> readResults() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        Path runs = dir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return rows;
        }
        try (var list = Files.list(runs)) {
            for (Path run : list.sorted().toList()) {
                Path result = run.resolve("result.csv");
                if (!run.getFileName().toString().startsWith(".") && Files.isRegularFile(result)) {
                    rows.addAll(Csv.read(result));
                }
            }
        }
        return rows;
    }

    private void recover() throws IOException {
        AtomicFiles.deleteTree(dir.resolve("runs").resolve(".inflight"));
        deleteTemps(dir);
        Path runs = dir.resolve("runs");
        if (Files.isDirectory(runs)) {
            try (var list = Files.list(runs)) {
                for (Path run : list.toList()) {
                    deleteTemps(run);
                }
            }
        }
        rebuildRunsCsv();
    }

    private static void deleteTemps(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var list = Files.list(folder)) {
            for (Path p : list.toList()) {
                if (p.getFileName().toString().contains(AtomicFiles.TEMP_MARK)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Removes the empty in-flight folder (a run still in it keeps it), then releases the folder. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(dir.resolve("runs").resolve(".inflight"));
        } catch (DirectoryNotEmptyException e) {
            // a run did not finish (its queue stopped on an error); the next open clears it
        } finally {
            lock.close();
        }
    }
}
