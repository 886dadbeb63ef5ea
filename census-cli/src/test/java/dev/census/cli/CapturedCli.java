package dev.census.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The {@code census} command run in this JVM, its standard output and error kept for the test to read. */
final class CapturedCli {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code census args…}; answers the exit code. */
    int run(String... args) {
        return CensusCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    /** Everything written to standard output since the start or the last {@link #clear()}. */
    String out() {
        return out.toString();
    }

    /** Everything written to standard error since the start or the last {@link #clear()}. */
    String err() {
        return err.toString();
    }

    /** Forgets what was written so far. */
    void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }
}
