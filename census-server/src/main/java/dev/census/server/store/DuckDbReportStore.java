package dev.census.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default: one DuckDB file, written append-only through DuckDB's Appender (upserts are
 * two orders of magnitude slower) and deduplicated when read. One process owns the file, so the daily
 * jobs are kept apart in process.
 */
public final class DuckDbReportStore extends EngineStore {

    /** The database file inside the data directory. */
    public static final String FILE_NAME = "census.duckdb";

    private final DuckDbDataSource duckDb;

    private DuckDbReportStore(DuckDbDataSource duckDb, Sql sql) {
        super(sql, new DuckDbLayout(), new DuckDbReportWriter(duckDb, sql), new InProcessJobLock());
        this.duckDb = duckDb;
    }

    /** Opens (creating if absent) the store in a data directory and brings its schema up to date. */
    public static DuckDbReportStore open(Path dataDir) {
        return open(dataDir, DuckDbResources.defaults());
    }

    /** The same, with DuckDB's memory limit and threads as given. */
    public static DuckDbReportStore open(Path dataDir, DuckDbResources resources) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        DuckDbDataSource duckDb = DuckDbDataSource.open(dataDir.resolve(FILE_NAME), resources);
        return new DuckDbReportStore(duckDb, new Sql(duckDb));
    }

    @Override
    public String describe() {
        return "DuckDB file " + duckDb.file().toAbsolutePath() + " (" + duckDb.resourcesInEffect() + ")";
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            duckDb.close();
        }
    }
}
