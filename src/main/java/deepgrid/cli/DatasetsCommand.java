package deepgrid.cli;

import deepgrid.data.sources.SourceCatalog;
import deepgrid.data.sources.DataLocations;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrid datasets}: the matrix kernel that will train, the built-in sources with their
 * options and defaults, and where real data was found.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the built-in data sources (options and defaults) and where real data sets were found.")
final class DatasetsCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.println("Matrix kernel (choose with DEEPGRID_KERNEL=auto|native|java, threads with DEEPGRID_THREADS):");
        out.println("  " + Version.kernel());
        out.println();
        out.println("Sources (data.source) and their options with defaults:");
        for (SourceCatalog.SourceInfo s : SourceCatalog.sources()) {
            out.printf("  %-14s %s%n", s.name(), s.description());
            for (SourceCatalog.Option o : s.options()) {
                out.printf("  %-14s   %-12s %-18s %s%n", "", o.name(), "(" + o.defaultValue() + ")", o.description());
            }
        }
        out.println();
        out.println("Real data:");
        for (DataLocations.RealData d : DataLocations.scan(Path.of("").toAbsolutePath())) {
            if (d.isFound()) {
                out.printf("  %-14s found in %s%n", d.source(), d.found());
            } else {
                out.printf("  %-14s not found; looked in %s%n  %-14s %s%n", d.source(), d.searched(), "", d.howToGet());
            }
        }
        out.flush();
        return Main.OK;
    }
}
