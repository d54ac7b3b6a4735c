package deepgrid.cli;

import deepgrid.config.Catalog;
import deepgrid.config.Family;
import deepgrid.config.Option;
import deepgrid.config.Sections;
import deepgrid.data.sources.DataLocations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrid datasets}: the matrix kernel that will train, the built-in sources with their
 * options, defaults and ranges (read from the catalogue), and where real data was found.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the built-in data sources (options and defaults) and where real data sets were found.")
final class DatasetsCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.println("Matrix kernel (choose with DEEPGRID_KERNEL=" + String.join("|", Catalog.KERNELS.nameSet())
                + ", threads with DEEPGRID_THREADS):");
        out.println("  " + Version.kernel());
        out.println();
        out.println("Sources (data.source) and their options with defaults:");
        for (Family.Entry<?> s : Catalog.SOURCES.entries()) {
            out.printf("  %-14s %s%n", s.name(), s.description());
            options(out, s.options());
        }
        out.println("  every source also takes:");
        options(out, Sections.DATA.stream().filter(o -> !o.key().equals("source")).toList());
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

    /** One line per option: key, (default), description and, for numbers, the allowed range. */
    private static void options(PrintWriter out, List<Option> options) {
        for (Option o : options) {
            String range = o.range().words();
            String kind = o.value() instanceof Option.Value.Int ? "an integer " : "a number ";
            out.printf("  %-14s   %-12s %-18s %s%n", "", o.key(), "(" + o.shownDefault() + ")", o.description()
                    + (range.isEmpty() ? "" : "; " + kind + range));
        }
    }
}
