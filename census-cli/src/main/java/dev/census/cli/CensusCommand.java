package dev.census.cli;

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
        return new CommandLine(new CensusCommand()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
