package deepgrid.cli;

import deepgrid.Printable;
import deepgrid.data.DataLoader;
import deepgrid.run.Planner;
import deepgrid.run.RunSpec;
import deepgrid.run.queue.Queue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deepgrid plan FILE}: the runs a file expands to, one line each, and whether each is already done. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "List the runs a file expands to, one line each.")
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
    public Integer call() {
        Planner.Plan plan = new Queue(new DataLoader(), out).plan(Queue.files(List.of(file)), sets).get(0);
        var w = spec.commandLine().getOut();
        Path runs = out.resolve(plan.experiment()).resolve("runs");
        int done = 0;
        for (int i = 0; i < plan.runs().size(); i++) {
            RunSpec r = plan.runs().get(i);
            boolean finished = Files.exists(runs.resolve(r.id()).resolve("result.csv"));
            done += finished ? 1 : 0;
            StringBuilder line = new StringBuilder(String.format("%4d  %s  seed=%d", i + 1, r.id(), r.seed()));
            if (!r.variant().isEmpty()) {
                line.append("  variant=").append(r.variant());
            }
            r.coordinates().forEach((k, v) -> line.append("  ").append(k).append('=').append(v));
            w.println(Printable.escape(line.append(finished ? "  (done)" : "").toString()));
        }
        w.printf("%d runs of %s → %s (%d done)%n", plan.runs().size(), plan.experiment(),
                Printable.escape(out.resolve(plan.experiment()).toString()), done);
        w.flush();
        return Main.OK;
    }
}
