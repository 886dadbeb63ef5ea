package dev.census.cli;

import dev.census.server.store.DuckDbResources;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How much of the machine the embedded DuckDB may take; each flag also reads a CENSUS_* environment variable. */
final class DuckDbOptions {

    @Option(names = "--duckdb-memory-limit", paramLabel = "SIZE", converter = MemoryLimit.class,
            defaultValue = "${env:CENSUS_DUCKDB_MEMORY_LIMIT:-" + DuckDbResources.DEFAULT_MEMORY_LIMIT + "}",
            description = "Memory the embedded DuckDB may use before it spills to disk: a size (2GB, 512MiB) or a share of the "
                    + "machine's memory (CENSUS_DUCKDB_MEMORY_LIMIT, default ${DEFAULT-VALUE}).")
    String memoryLimit;

    @Option(names = "--duckdb-threads", paramLabel = "N", defaultValue = "${env:CENSUS_DUCKDB_THREADS}",
            description = "Worker threads of the embedded DuckDB (CENSUS_DUCKDB_THREADS, default: the processors the JVM may use).")
    Integer threads;

    DuckDbResources resources() {
        return new DuckDbResources(memoryLimit, threads == null ? Runtime.getRuntime().availableProcessors() : threads);
    }

    /** Refuses a limit DuckDB would not read, naming the option. */
    static final class MemoryLimit implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            try {
                return new DuckDbResources(text, 1).memoryLimit();
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage().replaceFirst("^memoryLimit", "it"));
            }
        }
    }
}
