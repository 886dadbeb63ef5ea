package dev.census.cli;

import dev.census.server.summary.Summarizer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What is published, the same for the server's nightly jobs and {@code census summarize}: the
 * metric registry and the smallest group shown on its own.
 */
final class PublishOptions {

    @Mixin
    RegistryOptions registry;

    @Option(names = "--k", defaultValue = "${env:CENSUS_K:-" + Summarizer.DEFAULT_K + "}",
            description = "Smallest group published on its own; smaller ones show as \"other\" (CENSUS_K, default ${DEFAULT-VALUE}).")
    int k;
}
