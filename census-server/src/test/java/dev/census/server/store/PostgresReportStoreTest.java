package dev.census.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.protocol.Channel;
import dev.census.protocol.MetricValue;
import dev.census.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL server (skipped, with the reason, where none can start). */
class PostgresReportStoreTest extends ReportStoreContract {

    private String url;

    @Override
    ReportStore openStore() {
        url = PostgresServer.newDatabase();
        return PostgresReportStore.open(DatabaseUrl.parse(url));
    }

    @Test
    void connectionsTheServerDroppedAreDiscardedAndTheNextBatchIsStoredWhole() throws SQLException {
        store.append(List.of(report(UUID.randomUUID(), DAY, Channel.PRODUCTION, Map.of())));
        assertThat(terminateTheStoresSessions()).isPositive();

        List<StoredReport> batch = List.of(report(UUID.randomUUID(), DAY, Channel.PRODUCTION, Map.of("users.count", MetricValue.of(1))),
                report(UUID.randomUUID(), DAY, Channel.DEV, Map.of("users.count", MetricValue.of(2))));
        int failures = 0;
        while (!appended(batch)) {
            failures++;
            assertThat(failures).as("failed appends before the pool has a live connection").isLessThanOrEqualTo(8);
        }

        assertThat(StoredRows.read(store)).hasSize(3).extracting(StoredRows.Row::id).doesNotHaveDuplicates();
        assertThat(StoredRows.orphans(store)).isEmpty();
        store.ping();
    }

    private boolean appended(List<StoredReport> batch) {
        try {
            store.append(batch);
            return true;
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    /** Ends every session of the store's pool, as a database restart or a network cut would. */
    private int terminateTheStoresSessions() throws SQLException {
        DatabaseUrl database = DatabaseUrl.parse(url);
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = admin.createStatement();
             ResultSet terminated = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND application_name = 'census'")) {
            terminated.next();
            return terminated.getInt(1);
        }
    }
}
