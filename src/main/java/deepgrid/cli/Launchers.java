package deepgrid.cli;

import deepgrid.run.Planner;
import deepgrid.run.cluster.Shard;
import deepgrid.run.cluster.Slurm;
import deepgrid.run.cluster.SlurmLauncher;
import deepgrid.run.queue.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code run}'s choice of launcher and {@code --shard}, kept out of RunCommand. */
final class Launchers {
    private Launchers() {
    }

    /** True for --launcher slurm; refuses combinations that mean nothing. */
    static boolean slurm(CommandSpec spec, String launcher, String shard, SlurmOptions options) {
        var parsed = spec.commandLine().getParseResult();
        switch (launcher) {
            case "local" -> {
                if (options.any()) {
                    throw new ParameterException(spec.commandLine(), "Slurm options (--partition, --time, ...) need --launcher slurm");
                }
                return false;
            }
            case "slurm" -> {
                if (parsed.hasMatchedOption("--jobs")) {
                    throw new ParameterException(spec.commandLine(), "--jobs is for --launcher local; with --launcher slurm,"
                            + " --parallel K (launcher.parallel) says how many array tasks run at once");
                }
                if (shard != null) {
                    throw new ParameterException(spec.commandLine(), "--shard is for a script of your own; --launcher slurm"
                            + " submits every run itself");
                }
                return true;
            }
            default -> throw new ParameterException(spec.commandLine(), "--launcher: found '" + launcher
                    + "', expected local or slurm");
        }
    }

    /** The plans cut to {@code --shard I/N}; says so when the shard has no run. */
    static List<Planner.Plan> shard(String text, List<Planner.Plan> plans, PrintWriter err) {
        Shard s = Shard.parse(text);
        List<Planner.Plan> mine = s.select(plans);
        if (mine.isEmpty()) {
            int runs = plans.stream().mapToInt(p -> p.runs().size()).sum();
            err.println("deepgrid: shard " + s + " has no runs (the files have " + runs + "): nothing to do");
        }
        return mine;
    }

    static SlurmLauncher slurm(Map<String, SlurmLauncher.Target> targets, Progress progress) {
        return new SlurmLauncher(Slurm.commands(), targets, Path.of(""), progress, Main.class.getName());
    }

    /** Array tasks at once, for the progress line's ETA. */
    static int parallel(Map<String, SlurmLauncher.Target> targets) {
        return targets.values().stream().mapToInt(t -> t.settings().parallel()).max().orElse(1);
    }

}
