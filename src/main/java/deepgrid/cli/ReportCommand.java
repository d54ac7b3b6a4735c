package deepgrid.cli;

import deepgrid.Printable;
import deepgrid.DeepgridException;
import deepgrid.report.Report;
import deepgrid.report.ReportFiles;
import deepgrid.run.results.ResultsFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deepgrid report DIR}: rebuild runs.csv, summary.csv, comparisons.csv and report.html from the run folders alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rebuild runs.csv, summary.csv, comparisons.csv and report.html of a results folder (results/NAME) from its run folders.",
            "Safe while runs are training in the folder: it reads only finished runs."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1", paramLabel = "DIR", description = "An experiment's results folder, e.g. results/xavier-vs-he.")
    private Path dir;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir.resolve(ResultsFolder.RUNS))) {
            throw new DeepgridException(dir + " is not a results folder (it has no runs/); expected e.g. results/NAME");
        }
        var out = spec.commandLine().getOut();
        try (ResultsFolder folder = ResultsFolder.reopen(dir)) {
            folder.reconcile();
        }
        out.println(Printable.escape("rebuilt " + dir.resolve(ResultsFolder.RUNS_CSV)));
        ReportFiles f = Report.rebuild(dir);
        out.println(Printable.escape(String.format("rebuilt %s (%d grid points), %s (%d rows) and %s from %d runs",
                f.summary(), f.points(), f.comparisons(), f.comparisonRows(), f.html(), f.runs())));
        for (String hash : deepgrid.run.results.SearchFolder.hashes(dir)) {
            out.println(Printable.escape(String.format("rebuilt %s (trials, history, rungs, importance and confirm CSVs)"
                    + " from its space.yaml and the run folders", deepgrid.run.results.SearchFolder.dir(dir, hash))));
        }
        out.flush();
        return Main.OK;
    }
}
