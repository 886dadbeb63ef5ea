package dev.census.server.store;

import javax.sql.DataSource;

/** Where a relay reads its queue: the database of the store whose writer fills it. */
public final class RelayTables {

    private RelayTables() {
    }

    /** The store's database; a relay needs a DuckDB or PostgreSQL store (not a test double). */
    public static DataSource dataSource(ReportStore store) {
        if (store instanceof EngineStore engine) {
            return engine.sql.dataSource();
        }
        throw new IllegalArgumentException("relayTo needs a DuckDB or PostgreSQL store, not " + store.getClass().getSimpleName());
    }
}
