package dev.census.cli;

import dev.census.server.store.StoreUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one executable: {@code census <command>}. */
@Command(name = "census", mixinStandardHelpOptions = true, version = "census 0.1.0",
        description = "Privacy-first usage telemetry for open-source projects.",
        subcommands = {ServeCommand.class, DemoCommand.class, SimulateCommand.class, SummarizeCommand.class, MigrateCommand.class,
                ReportCommand.class, MetricsCommand.class})
public final class CensusCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line as {@code main} runs it, for callers that redirect its output. */
    static CommandLine commandLine() {
        return new CommandLine(new CensusCommand()).setExecutionExceptionHandler(CensusCommand::explain);
    }

    /**
     * A refused setting or an unavailable database is the operator's to fix: one line naming it and
     * exit 2, not a stack trace. Anything else is a bug and keeps its trace.
     */
    static int explain(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IllegalArgumentException || e instanceof StoreUnavailableException) {
            command.getErr().println(command.getCommandName() + ": " + e.getMessage());
            return 2;
        }
        throw e;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
