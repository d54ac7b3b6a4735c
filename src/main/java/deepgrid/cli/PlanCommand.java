package deepgrid.cli;

import deepgrid.Printable;
import deepgrid.data.DataLoader;
import deepgrid.run.Planner;
import deepgrid.run.RunSpec;
import deepgrid.run.queue.Queue;
import deepgrid.math.Kernel;
import deepgrid.math.Threads;
import deepgrid.run.results.KernelMix;
import deepgrid.run.results.ResultsFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deepgrid plan FILE}: the runs a file expands to, one line each, and where each stands. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = {"List the runs a file expands to, one line each,",
    "with where each stands: done, failed (run trains it again), running (in another process) or not started."})
final class PlanCommand implements Callable<Integer> {
    @Parameters(arity = "1", paramLabel = "FILE")
    private Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value before expansion (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Results folder (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Planner.Plan plan = new Queue(new DataLoader(), out).plan(Queue.files(List.of(file)), sets).get(0);
        var w = spec.commandLine().getOut();
        ResultsFolder folder = ResultsFolder.view(out.resolve(plan.experiment()));
        Map<ResultsFolder.State, Integer> counts = new EnumMap<>(ResultsFolder.State.class);
        for (int i = 0; i < plan.runs().size(); i++) {
            RunSpec r = plan.runs().get(i);
            ResultsFolder.State state = folder.state(r.id());
            counts.merge(state, 1, Integer::sum);
            StringBuilder line = new StringBuilder(String.format("%4d  %s  seed=%d", i + 1, r.id(), r.seed()));
            if (!r.variant().isEmpty()) {
                line.append("  variant=").append(r.variant());
            }
            r.coordinates().forEach((k, v) -> line.append("  ").append(k).append('=').append(v));
            if (r.trial() != null) {
                line.append("  trial=").append(r.trial().trial()).append(" (").append(r.trial().phase()).append(')');
                r.trial().params().forEach((k, v) -> line.append("  ").append(k).append('=').append(v));
            }
            w.println(Printable.escape(line.append(mark(state)).toString()));
        }
        plan.sweep().describe().forEach(l -> w.println(Printable.escape(l)));
        plan.sweep().warnings().forEach(l -> spec.commandLine().getErr().println(Printable.escape(l)));
        w.printf("%d runs%s of %s → %s (%d done, %d failed, %d running, %d not started)%n", plan.runs().size(),
                plan.sweep().complete() ? "" : " known before any result",
                plan.experiment(), Printable.escape(folder.dir().toString()), counts.getOrDefault(ResultsFolder.State.DONE, 0),
                counts.getOrDefault(ResultsFolder.State.FAILED, 0), counts.getOrDefault(ResultsFolder.State.RUNNING, 0),
                counts.getOrDefault(ResultsFolder.State.NEW, 0));
        if (!folder.finishedRecords().isEmpty()) {
            Threads.useByDefault(Threads.forRuns(plan.sweep().expected())); // as run would train them
            KernelMix.warning(folder.dir(), folder.finishedRecords(), Kernel.info())
                    .ifPresent(warning -> spec.commandLine().getErr().println("deepgrid: " + warning));
        }
        w.flush(); // Main checks that standard output took it (plan > /dev/full is exit 1), for every command
        return Main.OK;
    }

    private static String mark(ResultsFolder.State s) {
        return switch (s) {
            case DONE -> "  (done)";
            case FAILED -> "  (failed: run trains it again)";
            case RUNNING -> "  (running)";
            case NEW -> "";
        };
    }
}
