package dev.census.cli;

import dev.census.server.summary.Summarizer;
import picocli.CommandLine.Option;

/** How summaries are published, the same for the server's nightly jobs and {@code census summarize}. */
final class SummaryOptions {

    @Option(names = "--k", defaultValue = "${env:CENSUS_K:-" + Summarizer.DEFAULT_K + "}",
            description = "Smallest group published on its own; smaller ones show as \"other\" (CENSUS_K, default ${DEFAULT-VALUE}).")
    int k;
}
