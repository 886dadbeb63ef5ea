package dev.census.cli;

import dev.census.registry.Registry;
import dev.census.registry.RegistryLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The metric registry a command works with: the bundled one, or a directory that overrides it. */
final class RegistryOptions {

    @Option(names = "--registry", defaultValue = "${env:CENSUS_REGISTRY}",
            description = "Registry directory overriding the bundled one (CENSUS_REGISTRY).")
    Path registry;

    Registry load() {
        return registry == null ? RegistryLoader.bundled() : RegistryLoader.fromDirectory(registry);
    }
}
