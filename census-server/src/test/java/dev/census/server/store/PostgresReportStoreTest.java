package dev.census.server.store;

import dev.census.testing.PostgresServer;

/** The store contract on a real PostgreSQL server (skipped, with the reason, where none can start). */
class PostgresReportStoreTest extends ReportStoreContract {

    @Override
    ReportStore openStore() {
        return PostgresReportStore.open(DatabaseUrl.parse(PostgresServer.newDatabase()));
    }
}
