package deepgrid.cli;

import deepgrid.Printable;
import deepgrid.config.ConfigException;
import deepgrid.data.DataLoader;
import deepgrid.run.Planner;
import deepgrid.run.queue.Queue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deepgrid validate FILE...}: check files and print every problem; trains nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check experiment files (every run of every grid), print every problem, train nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR")
    private List<Path> paths;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value before expansion (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Queue queue = new Queue(new DataLoader(), Path.of("results"));
        int bad = 0;
        for (Path file : Queue.files(paths)) {
            try {
                Planner.Plan p = queue.plan(List.of(file), sets).get(0);
                out.printf("ok: %s (%s, %d run%s)%n", Printable.escape(file.toString()), p.experiment(), p.runs().size(), p.runs().size() == 1 ? "" : "s");
            } catch (ConfigException e) {
                err.println(e.getMessage());
                bad++;
            }
        }
        out.flush();
        err.flush();
        return bad == 0 ? Main.OK : Main.INVALID;
    }
}
