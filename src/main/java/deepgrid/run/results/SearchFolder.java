package deepgrid.run.results;

import deepgrid.DeepgridException;
import deepgrid.config.Node;
import deepgrid.config.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search folders of an experiment (design/search.md §7), owned here like the rest of the
 * layout:
 * <pre>
 * results/NAME/search/HASH/space.yaml     the search block, normalised (written before any trial)
 * results/NAME/search/HASH/trials.csv, history.csv, rungs.csv, importance.csv, confirm.csv
 * results/NAME/search/arms.csv            grid × search: the arms' tuned configurations compared
 * </pre>
 * Everything but space.yaml is derived from the run folders (a run's result.csv names its
 * search, trial and phase), so it is rebuilt whole, and atomically, whenever the report is.
 * Nothing here follows a symbolic link: a link where a search folder or file should be is refused.
 */
public final class SearchFolder {
    public static final String SEARCH = "search";
    public static final String SPACE_YAML = "space.yaml";
    public static final String TRIALS_CSV = "trials.csv";
    public static final String HISTORY_CSV = "history.csv";
    public static final String RUNGS_CSV = "rungs.csv";
    public static final String IMPORTANCE_CSV = "importance.csv";
    public static final String CONFIRM_CSV = "confirm.csv";
    public static final String ARMS_CSV = "arms.csv";

    /**
     * One finished run of a search as its folder holds it.
     *
     * @param epochs the epochs its config.yaml asked for (training.epochs), which place its rungs
     */
    public record SearchRun(RunRecord record, List<Map<String, String>> metrics, int epochs) {
        /** True when its result.csv holds these parameter values (name → text as trials.csv writes it; "" for none). */
        public boolean matches(Map<String, String> params) {
            return params.entrySet().stream().allMatch(e -> record.cell(e.getKey()).equals(Csv.defuse(e.getValue())));
        }
    }

    private SearchFolder() {
    }

    /** results/NAME/search/HASH. */
    public static Path dir(Path experimentDir, String hash) {
        return experimentDir.resolve(SEARCH).resolve(hash);
    }

    /** Writes space.yaml of search {@code hash} (creating its folder) unless it holds {@code yaml} already. */
    public static void writeSpace(Path experimentDir, String hash, String yaml) throws IOException {
        Path dir = folder(experimentDir, hash);
        Path file = dir.resolve(SPACE_YAML);
        refuseLink(file);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.readString(file).equals(yaml)) {
            return;
        }
        AtomicFiles.write(file, yaml);
    }

    /** The text of search {@code hash}'s space.yaml. */
    public static String readSpace(Path experimentDir, String hash) throws IOException {
        Path file = dir(experimentDir, hash).resolve(SPACE_YAML);
        refuseLink(file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The searches of an experiment: every search/HASH folder with a space.yaml, by name. */
    public static List<String> hashes(Path experimentDir) throws IOException {
        Path root = experimentDir.resolve(SEARCH);
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (var list = Files.list(root)) {
            return list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> Files.isRegularFile(p.resolve(SPACE_YAML), LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Replaces {@code name} in search {@code hash}'s folder (or in search/ itself when hash is null) with a CSV table. */
    public static void writeTable(Path experimentDir, String hash, String name, List<String> header,
            List<List<String>> rows) throws IOException {
        Path dir = hash == null ? experimentDir.resolve(SEARCH) : folder(experimentDir, hash);
        refuseLink(dir);
        StringBuilder text = new StringBuilder(Csv.row(header));
        rows.forEach(r -> text.append(Csv.row(r)));
        AtomicFiles.write(dir.resolve(name), text.toString());
    }

    /**
     * Every finished run of the experiment that belongs to a search, by search folder: its
     * result.csv (through {@link RunRecord}), its metrics.csv rows and its configured epochs.
     */
    public static Map<String, List<SearchRun>> runs(Path experimentDir) throws IOException {
        Map<String, List<SearchRun>> out = new LinkedHashMap<>();
        Path runs = experimentDir.resolve(ResultsFolder.RUNS);
        if (!Files.isDirectory(runs, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        List<Path> folders;
        try (var list = Files.list(runs)) {
            folders = list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path run : folders) {
            Path result = run.resolve(ResultsFolder.RESULT_CSV);
            if (!Files.isRegularFile(result, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            RunRecord r = RunRecord.read(result);
            if (r.cell(SEARCH).isEmpty()) {
                continue;
            }
            Path metrics = run.resolve(ResultsFolder.METRICS_CSV);
            List<Map<String, String>> rows = Files.isRegularFile(metrics, LinkOption.NOFOLLOW_LINKS) ? Csv.read(metrics)
                    : List.of();
            out.computeIfAbsent(r.cell(SEARCH), k -> new ArrayList<>()).add(new SearchRun(r, rows, epochs(run)));
        }
        return out;
    }

    /** Deletes the temporary files a dead process left in the search folders (killed while rebuilding them). */
    public static void clean(Path experimentDir) throws IOException {
        Path root = experimentDir.resolve(SEARCH);
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> folders = new ArrayList<>(List.of(root));
        hashes(experimentDir).forEach(h -> folders.add(root.resolve(h)));
        for (Path folder : folders) {
            try (var list = Files.list(folder)) {
                for (Path p : list.toList()) {
                    if (p.getFileName().toString().contains(AtomicFiles.TEMP_MARK) && AtomicFiles.isOrphanTemp(p)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /**
     * Moves the search folders not in {@code current} (earlier versions of the search block)
     * to previous/TIME/search/; left alone while another process works in the folder.
     */
    public static void retireAllBut(ResultsFolder folder, Set<String> current) throws IOException {
        if (folder.othersAtWork()) {
            return;
        }
        Path target = null;
        for (String hash : hashes(folder.dir())) {
            if (!current.contains(hash)) {
                target = target == null ? Files.createDirectories(folder.previousFolder().resolve(SEARCH)) : target;
                Files.move(dir(folder.dir(), hash), target.resolve(hash));
            }
        }
    }

    /** training.epochs of a run's config.yaml; −1 when it cannot be read. */
    private static int epochs(Path run) {
        Path config = run.resolve(ResultsFolder.CONFIG_YAML);
        try {
            if (Files.isRegularFile(config, LinkOption.NOFOLLOW_LINKS)
                    && YamlReader.read(config) instanceof Node.MapNode root
                    && root.get("training") instanceof Node.MapNode t && t.get("epochs") instanceof Node.Scalar e) {
                return Integer.parseInt(e.text());
            }
        } catch (DeepgridException | NumberFormatException e) {
            // a damaged config.yaml: the replay falls back on the epochs the run has
        }
        return -1;
    }

    /** search/HASH, created if needed; neither may be a link. */
    private static Path folder(Path experimentDir, String hash) throws IOException {
        Path root = experimentDir.resolve(SEARCH);
        refuseLink(root);
        Path dir = root.resolve(hash);
        refuseLink(dir);
        Files.createDirectories(dir);
        return dir;
    }

    private static void refuseLink(Path p) {
        if (Files.isSymbolicLink(p)) {
            throw new DeepgridException(p + " is a symbolic link; deepgrid writes its results only into real folders"
                    + " and files: remove the link");
        }
    }
}
