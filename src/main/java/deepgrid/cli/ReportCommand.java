package deepgrid.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deepgrid report DIR}: rebuild runs.csv, summary.csv and comparisons.csv from the run folders alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild runs.csv, summary.csv and comparisons.csv of a results folder (results/NAME) from its run folders.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1", paramLabel = "DIR")
    private Path dir;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return Main.OK;
    }
}
