package deepgrid.run.cluster;

import deepgrid.DeepgridException;
import deepgrid.config.ConfigException;
import deepgrid.config.ConfigText;
import deepgrid.config.ExperimentBinder;
import deepgrid.config.ExperimentSpec;
import deepgrid.config.YamlReader;
import deepgrid.run.RunSpec;
import deepgrid.run.grid.Expander;
import deepgrid.run.results.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the driver hands an array task: the runs it trains, each as a {@link RunSpec} put in
 * files, whatever made it (a grid, a search's proposal). In a submission folder:
 * <pre>
 * runs/RUN.yaml   the run's resolved configuration (the config.yaml it will have; runnable alone)
 * task-K.yaml     array task K: the experiment, the grid paths, and per run its id, variant,
 *                 repeat, grid coordinates, config file and the SHA-256 of its resolved config
 * </pre>
 * A task binds each config again and checks the digest, so a task running another version of
 * deepgrid than its driver stops with a clear error instead of training something else.
 * <b>Every component of RunSpec must travel here</b> ({@code TaskFilesTest} fails when one is
 * added and not carried): {@link #fields} writes them, {@link #runSpec} reads them back.
 */
public final class TaskFiles {
    static final String RUNS = "runs";

    private TaskFiles() {
    }

    /** One array task's input, read back. */
    public record Task(String experiment, List<String> gridPaths, List<RunSpec> runs) {
    }

    /** The task file of array task {@code index} in {@code submission}. */
    public static Path file(Path submission, int index) {
        return submission.resolve("task-" + index + ".yaml");
    }

    /** Writes array task {@code index}'s file (and its runs' configs) into {@code submission}. */
    public static void write(Path submission, int index, String experiment, List<String> gridPaths, List<RunSpec> runs)
            throws IOException {
        Files.createDirectories(submission.resolve(RUNS));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (RunSpec run : runs) {
            String config = ConfigText.runFile(run.spec().resolved(), run.variant(), run.coordinates());
            AtomicFiles.write(submission.resolve(RUNS).resolve(run.id() + ".yaml"),
                    "# deepgrid: run " + run.id() + " as its Slurm task trains it (reproduce alone: deepgrid run FILE)\n" + config);
            entries.add(fields(run));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("experiment", experiment);
        doc.put("grid_paths", List.copyOf(gridPaths));
        doc.put("runs", entries);
        AtomicFiles.write(file(submission, index), "# deepgrid: the runs of Slurm array task " + index
                + " (written by the driver, read by `deepgrid task`)\n" + yaml().dump(doc));
    }

    /** A run's components as the fields of its entry; the spec goes as its config file and digest. */
    static Map<String, Object> fields(RunSpec run) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("run", run.id());
        f.put("variant", run.variant());
        f.put("repeat", run.repeat());
        f.put("coordinates", new LinkedHashMap<>(run.coordinates()));
        f.put("config", RUNS + "/" + run.id() + ".yaml");
        f.put("config_sha256", digest(run.spec().resolved()));
        if (run.trial() != null) {
            f.put("trial", run.trial().encode()); // a search's trial and the stop rule fixed when it started
        }
        return f;
    }

    /** Reads array task {@code index}'s file; binds every run's config with {@code probe} (the data it needs). */
    public static Task read(Path submission, int index, ExperimentBinder.DataProbe probe) {
        Path file = file(submission, index);
        Map<?, ?> doc;
        try {
            Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
            doc = o instanceof Map<?, ?> m ? m : Map.of();
        } catch (IOException e) {
            throw new DeepgridException("cannot read the task file " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new DeepgridException(file + " is not a task file written by deepgrid: " + e.getMessage());
        }
        String experiment = text(doc, "experiment", file);
        List<String> gridPaths = list(doc.get("grid_paths"), file).stream().map(String::valueOf).toList();
        List<RunSpec> runs = new ArrayList<>();
        for (Object entry : list(doc.get("runs"), file)) {
            if (!(entry instanceof Map<?, ?> m)) {
                throw new DeepgridException(file + ": a run entry is not a map; the file was not written by deepgrid");
            }
            runs.add(runSpec(m, submission, experiment, probe, file));
        }
        return new Task(experiment, gridPaths, runs);
    }

    /** The run an entry stands for: its config bound again (and checked), the other fields as written. */
    static RunSpec runSpec(Map<?, ?> entry, Path submission, String experiment, ExperimentBinder.DataProbe probe, Path file) {
        String id = text(entry, "run", file);
        Path config = submission.resolve(text(entry, "config", file));
        ExperimentSpec spec = bind(config, experiment, probe);
        if (!digest(spec.resolved()).equals(text(entry, "config_sha256", file))) {
            throw new DeepgridException("run " + id + ": " + config + " binds to another configuration than the driver's;"
                    + " the task runs another version of deepgrid than the driver (same installation on every node?)");
        }
        Map<String, String> coordinates = new LinkedHashMap<>();
        if (entry.get("coordinates") instanceof Map<?, ?> c) {
            c.forEach((k, v) -> coordinates.put(String.valueOf(k), String.valueOf(v)));
        }
        Object repeat = entry.get("repeat");
        deepgrid.run.SearchTrial trial = entry.get("trial") == null ? null
                : deepgrid.run.SearchTrial.decode(text(entry, "trial", file));
        return new RunSpec(spec, coordinates, text(entry, "variant", file),
                repeat instanceof Number n ? n.intValue() : 0, id, trial);
    }

    /** Binds a run's config.yaml as a file of one run (its grid point and variant are in it). */
    private static ExperimentSpec bind(Path config, String experiment, ExperimentBinder.DataProbe probe) {
        List<Expander.Point> points = Expander.expand(YamlReader.read(config));
        if (points.size() != 1) {
            throw ConfigException.at(deepgrid.config.Pos.of(config.toString()), "expected the configuration of one run, found "
                    + points.size() + " runs");
        }
        return ExperimentBinder.bind(points.get(0).tree(), experiment, probe);
    }

    /** SHA-256 of a resolved configuration as YAML. */
    static String digest(Map<String, Object> resolved) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(ConfigText.toYaml(resolved).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Map<?, ?> m, String key, Path file) {
        Object v = m.get(key);
        if (v == null) {
            throw new DeepgridException(file + ": no '" + key + "'; the file was not written by this version of deepgrid");
        }
        return String.valueOf(v);
    }

    private static List<?> list(Object o, Path file) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l)) {
            throw new DeepgridException(file + ": expected a list, found " + o.getClass().getSimpleName());
        }
        return l;
    }

    private static Yaml yaml() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setLineBreak(DumperOptions.LineBreak.UNIX);
        o.setWidth(1000);
        return new Yaml(o);
    }
}
