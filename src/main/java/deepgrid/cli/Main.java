package deepgrid.cli;

import deepgrid.DeepgridException;
import deepgrid.config.ConfigException;
import deepgrid.math.Kernel;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code deepgrid}: the entry point. Exit codes: 0 all runs completed or diverged, 1 some run failed, 2 bad arguments or invalid files. */
@Command(name = "deepgrid", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Declarative experiments on how neural networks train: YAML in, CSVs out.",
        subcommands = {RunCommand.class, ValidateCommand.class, PlanCommand.class, ReportCommand.class,
            GradcheckCommand.class, DatasetsCommand.class, SlurmCommand.class, TaskCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** All runs completed or diverged. */
    public static final int OK = 0;
    /** Some run failed. */
    public static final int RUN_FAILED = 1;
    /** Bad arguments or invalid files. */
    public static final int INVALID = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line with the given output streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof DeepgridException) {
                line.getErr().println(e instanceof ConfigException ? e.getMessage() : "deepgrid: " + e.getMessage());
                line.getErr().flush();
                return INVALID;
            }
            if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                // the disk or the file system, not the user's files: runs could not be recorded
                line.getErr().println("deepgrid: cannot write results: " + e.getMessage());
                line.getErr().flush();
                return RUN_FAILED;
            }
            throw e;
        });
        cl.setExecutionStrategy(Main::checkEnvironmentThenRun);
        return cl.execute(args);
    }

    /**
     * A bad DEEPGRID_THREADS or DEEPGRID_KERNEL is the environment's fault, not a file's: report it as such before any
     * file is read (issue 14 item 16), unless only help or the version is asked for.
     */
    private static int checkEnvironmentThenRun(CommandLine.ParseResult parsed) {
        boolean helpOnly = parsed.asCommandLineList().stream().anyMatch(c -> c.isUsageHelpRequested()
                || c.isVersionHelpRequested()) || parsed.hasSubcommand() && parsed.subcommand().commandSpec()
                .userObject() instanceof CommandLine.HelpCommand;
        if (!helpOnly) {
            try {
                Kernel.checkSettings();
            } catch (DeepgridException e) {
                throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), e.getMessage(), e);
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
