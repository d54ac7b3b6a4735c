package deepgrid.cli;

import deepgrid.config.Problems;
import deepgrid.config.YamlReader;
import deepgrid.run.Planner;
import deepgrid.run.cluster.SlurmLauncher;
import deepgrid.run.cluster.SlurmSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The Slurm settings on the command line (of {@code run} and {@code slurm}): each overrides the file's {@code launcher:} block. */
final class SlurmOptions {
    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition (launcher.partition).")
    private String partition;

    @Option(names = "--time", paramLabel = "LIMIT", description = "Time limit per array task, e.g. 90, 1:30:00, 2-00:00:00 (launcher.time).")
    private String time;

    @Option(names = {"--memory", "--mem"}, paramLabel = "SIZE", description = "Memory per array task, e.g. 4G (launcher.memory).")
    private String memory;

    @Option(names = "--cpus-per-task", paramLabel = "N", description = "Cores per array task; it trains that many of its runs at once (launcher.cpus_per_task, default 1).")
    private String cpus;

    @Option(names = "--parallel", paramLabel = "K", description = "Array tasks running at once at most: --array=...%%K (launcher.parallel, default 256).")
    private String parallel;

    @Option(names = "--runs-per-task", paramLabel = "N", description = "Runs one array task trains, one after another (launcher.runs_per_task, default 1).")
    private String runsPerTask;

    @Option(names = "--sbatch", paramLabel = "OPTION", description = "An extra sbatch option, e.g. --sbatch=--account=proj (repeatable; launcher.sbatch).")
    private List<String> sbatch = new ArrayList<>();

    /** True when any Slurm option was given. */
    boolean any() {
        return partition != null || time != null || memory != null || cpus != null || parallel != null
                || runsPerTask != null || !sbatch.isEmpty();
    }

    /** Each plan's Slurm settings: its file's launcher: block (with --set applied), then these options. */
    Map<String, SlurmLauncher.Target> targets(List<Planner.Plan> plans, List<String> sets) {
        Map<String, SlurmLauncher.Target> targets = new LinkedHashMap<>();
        for (Planner.Plan p : plans) {
            targets.put(p.experiment(), new SlurmLauncher.Target(settings(p, sets), p.gridPaths()));
        }
        return targets;
    }

    SlurmSettings settings(Planner.Plan plan, List<String> sets) {
        Problems problems = new Problems();
        SlurmSettings file = SlurmSettings.read(Planner.applySets(YamlReader.read(plan.file()), sets), problems);
        problems.throwIfAny(); // checked by the plan already
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "partition", partition);
        put(given, "time", time);
        put(given, "memory", memory);
        put(given, "cpus_per_task", cpus);
        put(given, "parallel", parallel);
        put(given, "runs_per_task", runsPerTask);
        return file.with(given, sbatch);
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
