package dev.census.cli;

import dev.census.server.CensusServer;
import dev.census.server.store.DatabaseUrl;
import dev.census.server.store.DuckDbReportStore;
import dev.census.server.store.PostgresReportStore;
import dev.census.server.store.ReportStore;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a command's data lives — the embedded data dir or a PostgreSQL database — chosen and opened one way for every command. */
final class StoreOptions {

    /** The embedded server's data directory when none is given. */
    static final String DEFAULT_DATA_DIR = "./census-data";

    @Option(names = "--data-dir", defaultValue = "${env:CENSUS_DATA_DIR:-" + DEFAULT_DATA_DIR + "}",
            description = "Directory of the embedded DuckDB database (CENSUS_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", defaultValue = "${env:CENSUS_DATABASE}",
            description = "A PostgreSQL database instead of --data-dir, e.g. postgresql://db:5432/census?user=census&password=… "
                    + "(CENSUS_DATABASE); shared by every replica.")
    String database;

    @Mixin
    DuckDbOptions duckDb;

    /** Opens the chosen store, bringing its schema up to date; the caller closes it. */
    ReportStore open() {
        return usesDatabase() ? PostgresReportStore.open(DatabaseUrl.parse(database))
                : DuckDbReportStore.open(dataDir, duckDb.resources());
    }

    /** Points a server at the chosen store. */
    CensusServer.Builder applyTo(CensusServer.Builder builder) {
        return usesDatabase() ? builder.database(database) : builder.dataDir(dataDir, duckDb.resources());
    }

    private boolean usesDatabase() {
        return database != null && !database.isBlank();
    }
}
