package deepgrid.report;

import deepgrid.DeepgridException;
import deepgrid.config.ConfigException;
import deepgrid.config.Node;
import deepgrid.config.Problem;
import deepgrid.config.YamlReader;
import deepgrid.run.grid.search.Assignment;
import deepgrid.run.grid.search.Confirmation;
import deepgrid.run.grid.search.Curves;
import deepgrid.run.grid.search.Replay;
import deepgrid.run.grid.search.Search;
import deepgrid.run.grid.search.SearchBinder;
import deepgrid.run.grid.search.SearchSpec;
import deepgrid.run.grid.search.SearchTables;
import deepgrid.run.grid.search.Table;
import deepgrid.run.grid.search.TrialRecord;
import deepgrid.run.results.SearchFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds every search folder of an experiment (design/search.md §7) from its space.yaml and
 * the run folders alone: the search is replayed ({@link Replay}) over the runs whose result.csv
 * names it, exactly as the run that made them did, and trials.csv, history.csv, rungs.csv,
 * importance.csv and confirm.csv are written whole (and search/arms.csv for grid × search).
 * No state outside the run folders exists, so a crash cannot leave these files wrong for
 * longer than the next rebuild.
 */
final class SearchResults {
    /** One search as the page shows it: where, which arm, its replay, and the tables written. */
    record One(String hash, String arm, SearchSpec spec, Search search, Replay.State state, Map<String, Table> tables,
            List<String> warnings, Map<String, SearchFolder.SearchRun> runs) {
    }

    /** Every search of the folder, and the comparison of their arms (null with fewer than two). */
    record All(List<One> searches, Table arms, String armsVerdict) {
        boolean isEmpty() {
            return searches.isEmpty();
        }
    }

    private SearchResults() {
    }

    /** Rebuilds the search folders of {@code experimentDir}; a search whose space.yaml cannot be read is a note. */
    static All rebuild(Path experimentDir, RunFiles files) {
        List<One> out = new ArrayList<>();
        try {
            List<String> hashes = SearchFolder.hashes(experimentDir);
            if (hashes.isEmpty()) {
                return new All(List.of(), null, "");
            }
            Map<String, List<SearchFolder.SearchRun>> runs = SearchFolder.runs(experimentDir);
            for (String hash : hashes) {
                One one = one(experimentDir, hash, runs.getOrDefault(hash, List.of()), files);
                if (one != null) {
                    write(experimentDir, one);
                    out.add(one);
                }
            }
            ArmComparison arms = ArmComparison.of(out);
            if (arms != null) {
                SearchFolder.writeTable(experimentDir, null, SearchFolder.ARMS_CSV, arms.table().header(),
                        arms.table().rows());
                return new All(out, arms.table(), arms.verdict());
            }
            return new All(out, null, "");
        } catch (IOException e) {
            throw new DeepgridException("cannot rebuild the search results of " + experimentDir + ": " + e.getMessage(), e);
        }
    }

    private static One one(Path experimentDir, String hash, List<SearchFolder.SearchRun> runs, RunFiles files)
            throws IOException {
        Path space = SearchFolder.dir(experimentDir, hash).resolve(SearchFolder.SPACE_YAML);
        SearchSpec spec;
        try {
            Node node = YamlReader.parse(space.toString(), SearchFolder.readSpace(experimentDir, hash)
                    .getBytes(StandardCharsets.UTF_8));
            spec = SearchBinder.bind(node, 0, node.pos());
        } catch (ConfigException e) {
            files.note(space + " could not be read (" + RunFiles.firstLine(e) + "); its search is left out of this page");
            return null;
        }
        Search search = new Search(spec);
        Replay.State state = Replay.of(search, new FolderRuns(runs, spec.objective().metric()));
        Map<Integer, Assignment> params = new HashMap<>();
        state.records().forEach(r -> params.put(r.trial(), r.proposal().params()));
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put(SearchFolder.TRIALS_CSV, SearchTables.trials(search, state.records()));
        tables.put(SearchFolder.HISTORY_CSV, SearchTables.history(search, state.records()));
        tables.put(SearchFolder.RUNGS_CSV, SearchTables.rungs(search, state.records()));
        tables.put(SearchFolder.IMPORTANCE_CSV, SearchTables.importance(search, state.records()));
        tables.put(SearchFolder.CONFIRM_CSV, SearchTables.confirm(search, state.confirmed(), params));
        List<String> warnings = new ArrayList<>();
        spec.warnings().forEach(w -> warnings.add(w.message()));
        if (state.searched(search)) {
            SearchTables.edgeWarnings(search, state.records()).stream().map(Problem::message).forEach(warnings::add);
        }
        Map<String, SearchFolder.SearchRun> byId = new LinkedHashMap<>();
        runs.forEach(r -> byId.put(r.record().id(), r));
        return new One(hash, armLabel(runs), spec, search, state, tables, warnings, byId);
    }

    private static void write(Path experimentDir, One one) throws IOException {
        for (var e : one.tables().entrySet()) {
            SearchFolder.writeTable(experimentDir, one.hash(), e.getKey(), e.getValue().header(), e.getValue().rows());
        }
    }

    /** The arm's name: its variant and grid values, as the runs of its search record them ("" without a grid). */
    private static String armLabel(List<SearchFolder.SearchRun> runs) {
        if (runs.isEmpty()) {
            return "";
        }
        Map<String, String> cells = runs.get(0).record().cells();
        List<String> parts = new ArrayList<>();
        boolean inGrid = false;
        for (var e : cells.entrySet()) {
            if (e.getKey().equals("search")) {
                break;
            }
            if (inGrid || e.getKey().equals("variant") && !e.getValue().isEmpty()) {
                parts.add(inGrid ? e.getKey() + "=" + e.getValue() : e.getValue());
            }
            inGrid = inGrid || e.getKey().equals("seed");
        }
        return String.join(" · ", parts);
    }

    /**
     * The runs of the best configuration of each search: the confirmation runs of its best
     * confirmed trial, else the runs of its best completed trial so far. summary.csv,
     * comparisons.csv and the page's curves describe these ("tuned A vs tuned B").
     */
    static List<String> bestRuns(All all) {
        List<String> out = new ArrayList<>();
        for (One one : all.searches()) {
            List<Confirmation.Row> rows = one.state().confirmed();
            if (!rows.isEmpty()) {
                int t = rows.get(0).trial();
                one.state().records().stream().filter(r -> r.trial() == t && r.proposal().phase() == Search.Phase.CONFIRM)
                        .forEach(r -> out.addAll(r.runs()));
                continue;
            }
            var o = one.spec().objective();
            one.state().records().stream()
                    .filter(r -> r.proposal().phase() != Search.Phase.CONFIRM && r.duplicateOf() < 0 && r.result() != null
                            && r.result().state() == deepgrid.run.grid.search.TrialState.COMPLETED)
                    .min(Comparator.comparing((TrialRecord r) -> r.result().objective(o), o.goal().bestFirst()))
                    .ifPresent(r -> out.addAll(r.runs()));
        }
        return out;
    }

    /** The runs of one search as the replay asks for them: by trial, phase and parameters, in seed order. */
    private record FolderRuns(List<SearchFolder.SearchRun> runs, String metric) implements Replay.Runs {
        @Override
        public List<Replay.RunFacts> search(int trial, Map<String, String> params) {
            return find(trial, false, params);
        }

        @Override
        public List<Replay.RunFacts> confirm(int trial, Map<String, String> params) {
            return find(trial, true, params);
        }

        private List<Replay.RunFacts> find(int trial, boolean confirm, Map<String, String> params) {
            List<Replay.RunFacts> out = new ArrayList<>();
            for (SearchFolder.SearchRun r : runs) {
                if (r.record().cell("trial").equals(Integer.toString(trial))
                        && r.record().cell("phase").equals(Search.Phase.CONFIRM.csvName()) == confirm && r.matches(params)) {
                    var curve = Curves.of(r.record().status(), r.metrics(), metric);
                    int epochs = r.epochs() >= 0 ? r.epochs() : Math.max(0, r.metrics().size() - 1);
                    out.add(new Replay.RunFacts(r.record().id(), r.record().seed(), curve, r.record().number("seconds"),
                            epochs));
                }
            }
            out.sort(Comparator.comparingLong(Replay.RunFacts::seed));
            return out;
        }
    }
}
