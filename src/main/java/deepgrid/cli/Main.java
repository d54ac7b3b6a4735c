package deepgrid.cli;

import deepgrid.DeepgridException;
import deepgrid.IoReason;
import deepgrid.Memory;
import deepgrid.Printable;
import deepgrid.WriteFailure;
import deepgrid.config.ConfigException;
import deepgrid.math.Kernel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code deepgrid}: the entry point. Exit codes: 0 all runs completed or diverged, 1 some
 * run failed or results (or the output) could not be written, 2 bad arguments or invalid
 * files. Every message is printed with its non-printable characters escaped.
 */
@Command(name = "deepgrid", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Declarative experiments on how neural networks train: YAML in, CSVs out.",
        subcommands = {RunCommand.class, ValidateCommand.class, PlanCommand.class, ReportCommand.class,
            GradcheckCommand.class, DatasetsCommand.class, SchemaCommand.class, SlurmCommand.class, TaskCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** All runs completed or diverged. */
    public static final int OK = 0;
    /** Some run failed, or results or output could not be written. */
    public static final int RUN_FAILED = 1;
    /** Bad arguments or invalid files. */
    public static final int INVALID = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        ownsProcess = true; // process-wide settings (the JIT's) are this command's to choose
        // a PrintWriter on a PrintStream asks it in checkError(), so execute sees stdout's write errors
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** True when the command runs as this JVM's main program, not inside another (a test, an embedding). */
    static volatile boolean ownsProcess;

    /** Runs a command line with the given output streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((e, arguments) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println(Printable.escapeLines(e.getMessage()));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, c.getErr())) {
                c.usage(c.getErr());
            }
            return INVALID;
        });
        cl.setExecutionExceptionHandler((e, line, parsed) -> failure(e, line.getErr()));
        cl.setExecutionStrategy(Main::checkEnvironmentThenRun);
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) { // an Error passes picocli's handler by
            code = failure(e, err);
        }
        if (out.checkError()) {
            code = Math.max(code, outputLost(err));
        }
        return code;
    }

    /** The exit code of a failure, after printing what it was; anything unexpected is rethrown (a bug). */
    private static int failure(Throwable e, PrintWriter err) throws RuntimeException {
        int code;
        String message;
        if (e instanceof WriteFailure w) { // the disk or the file system, not the user's files
            code = RUN_FAILED;
            message = "deepgrid: " + w.getMessage();
        } else if (e instanceof DeepgridException) {
            code = INVALID;
            message = e instanceof ConfigException ? e.getMessage() : "deepgrid: " + e.getMessage();
        } else if (e instanceof IOException io) {
            code = RUN_FAILED;
            message = "deepgrid: cannot write results: " + IoReason.of(io);
        } else if (e instanceof UncheckedIOException io) {
            code = RUN_FAILED;
            message = "deepgrid: cannot write results: " + IoReason.of(io);
        } else if (e instanceof OutOfMemoryError oom) {
            code = RUN_FAILED;
            message = "deepgrid: " + Memory.outOfMemory("this command", oom);
        } else if (e instanceof RuntimeException re) {
            throw re;
        } else {
            throw new IllegalStateException(e);
        }
        err.println(Printable.escapeLines(message));
        err.flush();
        return code;
    }

    private static int outputLost(PrintWriter err) {
        err.println("deepgrid: cannot write to standard output (closed, or the disk is full); its text is lost");
        err.flush();
        return RUN_FAILED;
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
