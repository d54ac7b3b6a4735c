package deepgrid.run.results;

import deepgrid.DeepgridException;
import deepgrid.config.ConfigText;
import deepgrid.run.RunSpec;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The results folder of one experiment — the one owner of its layout:
 * <pre>
 * results/NAME/runs.csv, summary.csv, comparisons.csv, report.html
 * results/NAME/runs/RUN/                 a finished run (config.yaml, metrics.csv, layers.csv, result.csv)
 * results/NAME/runs/.claims/RUN          who trains RUN now (see {@link Claims})
 * results/NAME/runs/.inflight/RUN.TOKEN/ RUN while its holder TOKEN trains it
 * results/NAME/.runners/TOKEN            each live deepgrid process working here
 * results/NAME/previous/TIME/            what --fresh and changed files moved aside
 * </pre>
 * Several processes (on one host or several sharing the folder) may work in it at once:
 * each run is claimed before it trains and moved into place whole when it ends. Opening
 * the folder clears only what dead processes left (stale claims, their in-flight folders,
 * their temporary files); the folder as a whole is never locked. Order of use:
 * {@link #open}, then per run {@link #claims()}, {@link #start}; {@link #close} at the end.
 */
public final class ResultsFolder implements AutoCloseable {
    public static final String RUNS_CSV = "runs.csv";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String COMPARISONS_CSV = "comparisons.csv";
    public static final String REPORT_HTML = "report.html";
    public static final String RUNS = "runs";
    public static final String RESULT_CSV = "result.csv";
    public static final String CONFIG_YAML = "config.yaml";
    public static final String METRICS_CSV = "metrics.csv";
    public static final String LAYERS_CSV = "layers.csv";
    static final String CLAIMS = ".claims";
    static final String INFLIGHT = ".inflight";
    static final String RUNNERS = ".runners";
    static final String PREVIOUS = "previous";
    /** Every derived file and folder that --fresh moves aside with the runs. */
    private static final List<String> FRESH_MOVES = List.of(RUNS, RUNS_CSV, SUMMARY_CSV, COMPARISONS_CSV, REPORT_HTML, "search", "slurm");

    private final Path dir;
    private final List<String> gridPaths;
    private final List<String> order = new ArrayList<>();
    private final Map<String, RunRecord> records = new HashMap<>();
    private final Claims claims;
    private final Claims runners;
    private final RunIndex index;
    private Claims.Held registration; // null for a read-only view

    private ResultsFolder(Path dir, List<String> gridPaths, List<String> planOrder) {
        this.dir = dir;
        this.gridPaths = List.copyOf(gridPaths);
        this.order.addAll(planOrder);
        this.claims = new Claims(runs().resolve(CLAIMS), stale -> deleteQuietly(inflight(stale.subject(), stale.owner().token())));
        this.runners = new Claims(dir.resolve(RUNNERS), stale -> { });
        this.index = new RunIndex(dir.resolve(RUNS_CSV));
    }

    /**
     * Opens {@code dir} for work: registers this process as a runner, clears what dead
     * processes left, reads the finished runs and repairs runs.csv. {@code gridPaths} are the
     * grid columns of runs.csv; {@code planOrder} the run ids in the order runs.csv lists them.
     */
    public static ResultsFolder open(Path dir, List<String> gridPaths, List<String> planOrder) throws IOException {
        checkFolder(dir);
        ResultsFolder f = new ResultsFolder(dir, gridPaths, planOrder);
        Files.createDirectories(f.runs());
        f.registration = f.runners.tryClaim(Owner.self().token())
                .orElseThrow(() -> new IllegalStateException("this process's token is taken"));
        try {
            f.recover();
            f.reconcile();
            return f;
        } catch (IOException | RuntimeException e) {
            f.registration.release();
            throw e;
        }
    }

    /** A read-only view of {@code dir} (for {@code plan}): nothing is registered, cleared or rewritten. */
    public static ResultsFolder view(Path dir) {
        return new ResultsFolder(dir, List.of(), List.of());
    }

    /** Opens an existing folder without its experiment file (for {@code deepgrid report}): columns and order from runs.csv. */
    public static ResultsFolder reopen(Path dir) throws IOException {
        List<String> grid = new ArrayList<>();
        List<String> order = new ArrayList<>();
        Path csv = dir.resolve(RUNS_CSV);
        if (Files.isRegularFile(csv, LinkOption.NOFOLLOW_LINKS)) {
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

    /** A results path must be a folder or not exist yet; a file or a dangling link is refused with what it is. */
    private static void checkFolder(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.isSymbolicLink(dir)) {
            throw new DeepgridException(dir + " is a symbolic link to something that does not exist; expected a results folder");
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new DeepgridException(dir + " is a file, not a folder; move it away or choose another --out");
        }
    }

    public Path dir() {
        return dir;
    }

    /** The claims of the runs in this folder. */
    public Claims claims() {
        return claims;
    }

    /** The record of run {@code id} if it has a folder in place (finished by any process). */
    public synchronized Optional<RunRecord> record(String id) {
        RunRecord r = records.get(id);
        if (r == null) {
            Path result = runs().resolve(id).resolve(RESULT_CSV);
            if (Files.isRegularFile(result, LinkOption.NOFOLLOW_LINKS)) {
                r = RunRecord.read(result);
                records.put(id, r);
            }
        }
        return Optional.ofNullable(r);
    }

    /** The rows of a finished run's metrics.csv; empty when it has none (a run that failed before epoch 0). */
    public List<Map<String, String>> epochs(String id) {
        Path file = runs().resolve(id).resolve(METRICS_CSV);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try {
            return Csv.read(file);
        } catch (IOException e) {
            throw new DeepgridException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every finished run's record (a read-only view reads them now). */
    public synchronized java.util.Collection<RunRecord> finishedRecords() throws IOException {
        readRecords();
        return List.copyOf(records.values());
    }

    /** Where a run stands, for {@code plan}. */
    public enum State { DONE, FAILED, RUNNING, NEW }

    /** Run {@code id}'s state: finished (done or failed, from its folder), claimed by a live process, or not started. */
    public State state(String id) throws IOException {
        Optional<RunRecord> r = record(id);
        if (r.isPresent()) {
            return r.get().status().isFinished() ? State.DONE : State.FAILED;
        }
        Optional<Claims.Found> c = claims.read(id);
        return c.isPresent() && !c.get().isStale(Instant.now()) ? State.RUNNING : State.NEW;
    }

    /** Adds {@code id} to the order of runs.csv (a sweep handed it out); known ids keep their place. */
    public synchronized void expect(String id) {
        if (!order.contains(id)) {
            order.add(id);
        }
    }

    /**
     * The run ids in plan order (the planned ones, then those sweeps handed out since): the
     * order runs.csv is rewritten in, and the order the statistics follow while runs.csv still
     * lists runs as they finished.
     */
    public synchronized List<String> planOrder() {
        return List.copyOf(order);
    }

    /** True when another live deepgrid process is registered in this folder. */
    public boolean othersAtWork() throws IOException {
        Path d = dir.resolve(RUNNERS);
        for (String token : list(d)) {
            Optional<Claims.Found> f = runners.read(token);
            if (f.isPresent() && !token.equals(Owner.self().token()) && !f.get().isStale(Instant.now())) {
                return true;
            }
        }
        return false;
    }

    /** Moves every earlier result into previous/TIME/ (nothing is deleted); refused while another process works here. */
    public synchronized void fresh() throws IOException {
        if (othersAtWork()) {
            throw new DeepgridException(dir + " is in use by another deepgrid process; --fresh needs the folder alone:"
                    + " wait for it to finish or stop it");
        }
        Path previous = null;
        for (String name : FRESH_MOVES) {
            if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                previous = previous == null ? previousFolder() : previous;
                Files.move(dir.resolve(name), previous.resolve(name));
            }
        }
        records.clear();
        Files.createDirectories(runs());
    }

    /**
     * Moves the finished runs not in {@code current} (they belong to an earlier version of the
     * experiment file) to previous/TIME/runs/, so that runs.csv and the statistics describe the
     * file as it is now. Left alone while another process works here (it may be running them).
     */
    public synchronized void retireAllBut(Set<String> current) throws IOException {
        retireIf(r -> !current.contains(r.id()));
    }

    /** As {@link #retireAllBut}, for the finished runs that {@code stale} says are of an earlier version (a search's). */
    public synchronized void retireIf(java.util.function.Predicate<RunRecord> stale) throws IOException {
        if (othersAtWork()) {
            return;
        }
        List<String> retired = records.values().stream().filter(stale).map(RunRecord::id).sorted().toList();
        if (retired.isEmpty()) {
            return;
        }
        Path target = Files.createDirectories(previousFolder().resolve(RUNS));
        for (String id : retired) {
            Files.move(runs().resolve(id), target.resolve(id));
            records.remove(id);
        }
        reconcile();
    }

    /** Starts recording {@code run} under {@code claim}: a fresh in-flight folder with its config.yaml written before training. */
    public RunRecorder start(RunSpec run, Claims.Held claim) throws IOException {
        Path inflight = inflight(run.id(), claim.token());
        AtomicFiles.deleteTree(inflight);
        Files.createDirectories(inflight);
        String header = "# deepgrid resolved configuration of run " + run.id() + "\n"
                + "# reproduce it alone with: deepgrid run config.yaml\n";
        String config;
        try {
            config = header + ConfigText.runFile(run.spec().resolved(), run.variant(), run.coordinates());
        } catch (DeepgridException e) { // it was valid when planned; the run fails and says why (its result.csv)
            config = "# deepgrid: run " + run.id() + " could not be bound when it started: "
                    + deepgrid.Printable.escape(e.getMessage()).replace("\n", " ") + "\n";
        }
        Files.writeString(inflight.resolve(CONFIG_YAML), config);
        return new RunRecorder(this, run, claim, inflight);
    }

    /** The group commit's step for this folder: each run into place, its claim released, then the rows appended. */
    void commit(List<GroupCommit.Pending> group) {
        List<GroupCommit.Pending> placed = new ArrayList<>();
        for (GroupCommit.Pending p : group) {
            try {
                place(p);
                placed.add(p);
            } catch (IOException | RuntimeException e) {
                p.done().accept(e);
            }
        }
        try {
            appendIndex(placed.stream().map(GroupCommit.Pending::record).toList());
            placed.forEach(p -> p.done().accept(null));
        } catch (IOException | RuntimeException e) {
            placed.forEach(p -> p.done().accept(e));
        }
    }

    /** Drops a trained run that will not be recorded: its in-flight folder and its claim. */
    void discard(GroupCommit.Pending p) {
        deleteQuietly(p.inflight());
        releaseQuietly(p.claim());
    }

    private void place(GroupCommit.Pending p) throws IOException {
        String id = p.record().id();
        if (p.claim().lost()) {
            deleteQuietly(p.inflight());
            throw new ClaimLostException("run " + id + " was taken over by another process (this one was judged dead);"
                    + " its result was dropped");
        }
        Path target = runs().resolve(id);
        synchronized (this) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                records.remove(id);
                if (record(id).filter(r -> r.status().isFinished()).isPresent()) {
                    deleteQuietly(p.inflight()); // recorded meanwhile by a process that took the claim over
                    throw new ClaimLostException("run " + id + " was recorded by another process meanwhile; this result was dropped");
                }
                // a failed earlier attempt: moved aside, with any file a user put there, never deleted
                Path aside = Files.createDirectories(previousFolder().resolve(RUNS));
                Files.move(target, aside.resolve(id));
            }
            Files.move(p.inflight(), target);
            records.put(id, p.record().at(target.resolve(RESULT_CSV)));
        }
        p.claim().release();
    }

    private synchronized void appendIndex(List<RunRecord> placed) throws IOException {
        if (!placed.isEmpty() && !index.append(placed)) {
            reconcile();
        }
    }

    /** Rewrites runs.csv from the run folders when it does not list exactly them, in order; checks the result once more. */
    public synchronized void reconcile() throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            readRecords(); // another process may have finished runs meanwhile, even between our rewrite and now
            List<RunRecord> rows = ordered();
            List<String> header = RunIndex.header(gridPaths, rows);
            if (index.matches(header, rows)) {
                return;
            }
            index.rewrite(header, rows);
        }
    }

    /** The finished runs: the planned (and handed-out) ones in that order, then any others by id. */
    private List<RunRecord> ordered() {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.putIfAbsent(order.get(i), i);
        }
        return records.values().stream().sorted(Comparator.comparing((RunRecord r) -> rank.getOrDefault(r.id(), Integer.MAX_VALUE))
                .thenComparing(RunRecord::id)).toList();
    }

    /**
     * Brings the records up to date with the run folders: reads the new ones (and failed ones,
     * which a retrain replaces), forgets the ones gone. A finished run's folder never changes.
     */
    private synchronized void readRecords() throws IOException {
        List<String> present = list(runs()).stream().filter(id -> !id.startsWith(".")).toList();
        records.keySet().retainAll(Set.copyOf(present));
        for (String id : present) {
            RunRecord known = records.get(id);
            Path result = runs().resolve(id).resolve(RESULT_CSV);
            if ((known == null || !known.status().isFinished()) && Files.isRegularFile(result, LinkOption.NOFOLLOW_LINKS)) {
                records.put(id, RunRecord.read(result));
            }
        }
    }

    /** Clears what dead processes left: their claims (with their in-flight folders) and temporary files. */
    private void recover() throws IOException {
        for (String token : list(dir.resolve(RUNNERS))) {
            if (!token.contains(AtomicFiles.TEMP_MARK)) {
                runners.read(token).filter(f -> f.isStale(Instant.now())).ifPresent(f -> deleteQuietly(dir.resolve(RUNNERS).resolve(token)));
            }
        }
        Path claimDir = runs().resolve(CLAIMS);
        for (String id : list(claimDir)) {
            if (!id.contains(AtomicFiles.TEMP_MARK)) {
                Optional<Claims.Found> f = claims.read(id);
                if (f.isPresent() && f.get().isStale(Instant.now())) {
                    claims.tryClaim(id).ifPresent(this::releaseQuietly); // the take-over clears its in-flight folder
                }
            }
        }
        for (String name : list(runs().resolve(INFLIGHT))) {
            int dot = name.lastIndexOf('.');
            String id = dot < 0 ? name : name.substring(0, dot);
            String token = dot < 0 ? "" : name.substring(dot + 1);
            Optional<Claims.Found> f = claims.read(id);
            boolean held = f.isPresent() && f.get().claim() != null && f.get().claim().owner().token().equals(token);
            if (!held) {
                deleteQuietly(runs().resolve(INFLIGHT).resolve(name)); // no claim names it: its holder is gone
            }
        }
        // run folders are written whole before they move into place: temp files live only up here
        for (Path folder : List.of(dir, runs(), claimDir, dir.resolve(RUNNERS))) {
            deleteOrphanTemps(folder);
        }
    }

    /** Leaves the folder: runs.csv repaired and in order, this process's registration removed, empty bookkeeping folders gone. */
    @Override
    public void close() throws IOException {
        if (registration == null) {
            return; // a view
        }
        try {
            GroupCommit.get().flush();
            reconcile();
        } finally {
            registration.release();
            for (Path empty : List.of(runs().resolve(INFLIGHT), runs().resolve(CLAIMS), dir.resolve(RUNNERS))) {
                try {
                    Files.deleteIfExists(empty);
                } catch (DirectoryNotEmptyException e) {
                    // another process works here
                }
            }
        }
    }

    /** Leaves the folder at once (a signal): this process's registration removed; runs.csv is repaired by the next start. */
    public void abandon() {
        if (registration != null) {
            releaseQuietly(registration);
        }
    }

    Path runs() {
        return dir.resolve(RUNS);
    }

    private Path inflight(String id, String token) {
        return runs().resolve(INFLIGHT).resolve(id + "." + token);
    }

    /** A new previous/TIME/ folder. */
    Path previousFolder() throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        return Files.createDirectories(dir.resolve(PREVIOUS).resolve(stamp));
    }

    private static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (var l = Files.list(folder)) {
            return l.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private static void deleteOrphanTemps(Path folder) throws IOException {
        for (String name : list(folder)) {
            Path p = folder.resolve(name);
            if (name.contains(AtomicFiles.TEMP_MARK) && AtomicFiles.isOrphanTemp(p)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void releaseQuietly(Claims.Held held) {
        try {
            held.release();
        } catch (IOException e) {
            // a stale claim we could not delete is judged stale again next time
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            AtomicFiles.deleteTree(p);
        } catch (IOException e) {
            // left for the next start
        }
    }

    /** For tests: the records as read, by id. */
    synchronized Map<String, RunRecord> records() {
        return new LinkedHashMap<>(records);
    }
}
