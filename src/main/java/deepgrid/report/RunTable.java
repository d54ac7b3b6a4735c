package deepgrid.report;

import deepgrid.DeepgridException;
import deepgrid.run.results.Csv;
import deepgrid.run.results.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The finished runs of one experiment, read from {@code runs/*}{@code /result.csv} (never
 * from runs.csv, which is itself rebuilt from those files), with the grid columns: every
 * column between {@code seed} and {@code epochs} (or a search's {@code search} column), in
 * the order they first appear.
 */
public record RunTable(List<String> gridColumns, List<RunRow> rows) {
    public RunTable {
        gridColumns = List.copyOf(gridColumns);
        rows = List.copyOf(rows);
    }

    /**
     * Reads every finished run of {@code experimentDir}, in the plan order that runs.csv
     * records (the queue rewrites it in plan order when it ends, and {@code deepgrid report}
     * repairs it first). Folders starting with '.' (runs still in flight) are skipped; runs
     * runs.csv does not list follow by folder name.
     */
    public static RunTable read(Path experimentDir) {
        return read(experimentDir, planRank(experimentDir));
    }

    /**
     * As {@link #read(Path)}, with the plan order given: {@code planOrder} lists run ids in
     * the order of the plan (grid points in the file's order, seeds in repeat order); runs it
     * does not list follow by folder name. The queue uses it while runs.csv still grows in the
     * order runs finish, so the statistics never depend on that order.
     */
    public static RunTable read(Path experimentDir, List<String> planOrder) {
        Map<String, Integer> rank = new HashMap<>();
        planOrder.forEach(id -> rank.putIfAbsent(id, rank.size()));
        return read(experimentDir, rank);
    }

    private static RunTable read(Path experimentDir, Map<String, Integer> rank) {
        if (!Files.isDirectory(experimentDir)) {
            throw new DeepgridException(experimentDir + " does not exist; run the experiment first");
        }
        List<String> columns = new ArrayList<>();
        List<RunRow> rows = new ArrayList<>();
        for (Path file : resultFiles(experimentDir.resolve("runs"))) {
            RunRecord record = RunRecord.read(file);
            Map<String, String> cells = record.cells();
            rows.add(new RunRow(file, cells, record.status(), record.seed()));
            List<String> header = new ArrayList<>(cells.keySet());
            int end = header.contains("search") ? header.indexOf("search") : header.indexOf("epochs"); // a search's bookkeeping
            header.subList(header.indexOf("seed") + 1, end).stream()
                    .filter(c -> !columns.contains(c)).forEach(columns::add);
        }
        if (rows.isEmpty()) {
            throw new DeepgridException(experimentDir + " has no finished runs (no runs/*/result.csv yet)");
        }
        rows.sort(Comparator.comparing(r -> rank.getOrDefault(r.cell("run"), Integer.MAX_VALUE))); // stable: then by folder
        return new RunTable(columns, rows);
    }

    /** The same table with only the runs whose id is in {@code ids} (all of them when none is). */
    public RunTable only(java.util.Collection<String> ids) {
        java.util.Set<String> keep = new java.util.HashSet<>(ids);
        List<RunRow> kept = rows.stream().filter(r -> keep.contains(r.cell("run"))).toList();
        return kept.isEmpty() ? this : new RunTable(gridColumns, kept);
    }

    /** The grid columns of a row; a column its file lacks reads as "". */
    public List<String> coordinates(RunRow row) {
        return gridColumns.stream().map(row::cell).toList();
    }

    private static List<Path> resultFiles(Path runs) {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (var list = Files.list(runs)) {
            return list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> p.resolve("result.csv")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new DeepgridException("cannot list " + runs + ": " + e.getMessage(), e);
        }
    }

    /** Run id → position in runs.csv; empty when runs.csv is missing or unreadable, as it only sets the order. */
    private static Map<String, Integer> planRank(Path experimentDir) {
        Map<String, Integer> rank = new HashMap<>();
        Path runsCsv = experimentDir.resolve("runs.csv");
        if (!Files.isRegularFile(runsCsv)) {
            return rank;
        }
        try {
            for (Map<String, String> row : Csv.read(runsCsv)) {
                rank.putIfAbsent(row.getOrDefault("run", ""), rank.size());
            }
        } catch (IOException | DeepgridException e) {
            rank.clear(); // order by folder name instead; the data itself never comes from runs.csv
        }
        return rank;
    }
}
