package deepgrid.cli;

import deepgrid.Printable;
import deepgrid.config.ConfigException;
import deepgrid.data.DataLoader;
import deepgrid.lint.Lint;
import deepgrid.lint.LintWarning;
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

/**
 * {@code deepgrid validate FILE...}: check files and print every problem, then the lint's
 * warnings about valid files that will probably not train as intended; trains nothing.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check experiment files (every run of every grid), print every problem, train nothing.",
            "Valid files also get network-aware warnings (file:line:col: warning: ...) on stderr."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE|DIR")
    private List<Path> paths;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value before expansion (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--strict", description = "Treat the lint's warnings as errors: a file with one is invalid (exit 2).")
    private boolean strict;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        DataLoader loader = new DataLoader();
        Queue queue = new Queue(loader, Path.of("results"));
        LintWarning.Severity severity = strict ? LintWarning.Severity.ERROR : LintWarning.Severity.WARNING;
        int bad = 0;
        for (Path file : Queue.files(paths)) {
            try {
                Planner.Plan p = queue.plan(List.of(file), sets).get(0);
                p.sweep().warnings().forEach(l -> err.println(Printable.escape(l)));
                if (Lint.report(List.of(p), sets, loader::load, err, severity) > 0 && strict) {
                    bad++;
                    continue;
                }
                out.printf("ok: %s (%s, %d run%s%s)%n", Printable.escape(file.toString()), p.experiment(), p.runs().size(),
                        p.runs().size() == 1 ? "" : "s",
                        p.sweep().complete() ? "" : " known before any result; a search proposes the rest");
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
