package dev.census.cli;

import dev.census.server.CensusServer;
import dev.census.server.store.StoreUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one executable: {@code census <command>}. */
@Command(name = "census", mixinStandardHelpOptions = true, versionProvider = CensusCommand.Version.class,
        description = "Privacy-first usage telemetry for open-source projects.",
        subcommands = {ServeCommand.class, DemoCommand.class, SimulateCommand.class, SummarizeCommand.class, MigrateCommand.class,
                ReportCommand.class, MetricsCommand.class, RelayCommand.class})
public final class CensusCommand implements Runnable {

    /** The width of help when the terminal's is unknown. */
    static final int DEFAULT_WIDTH = 80;
    /** The narrowest help picocli lays out. */
    static final int MIN_WIDTH = 55;

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
        return commandLine(usageWidth(System.getenv("COLUMNS")));
    }

    /** The command line with its help laid out at {@code width} columns. */
    static CommandLine commandLine(int width) {
        return HelpLayout.apply(new CommandLine(new CensusCommand()).setExecutionExceptionHandler(CensusCommand::explain), width);
    }

    /**
     * Help is as wide as the terminal: picocli asks the terminal when there is one, else
     * {@code COLUMNS} counts, else 80 (never under picocli's 55).
     */
    static int usageWidth(String columns) {
        int fallback;
        try {
            fallback = columns == null ? DEFAULT_WIDTH : Math.max(MIN_WIDTH, Integer.parseInt(columns.strip()));
        } catch (NumberFormatException e) {
            fallback = DEFAULT_WIDTH;
        }
        return new CommandLine.Model.UsageMessageSpec().width(fallback).autoWidth(System.console() != null).width();
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

    /** {@code census --version}: the version this build was made as. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"census " + CensusServer.VERSION};
        }
    }
}
