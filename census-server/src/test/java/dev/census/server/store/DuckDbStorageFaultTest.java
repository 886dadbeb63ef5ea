package dev.census.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.census.protocol.Channel;
import dev.census.protocol.MetricValue;
import dev.census.server.testing.Tmpfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB store under storage faults that the HTTP tests cannot stage: an invalidated instance, a WAL deleted under it. */
class DuckDbStorageFaultTest {

    @TempDir
    Path temp;

    private final List<UUID> acknowledged = new ArrayList<>();

    @Test
    void aDatabaseInvalidatedByAFailedCheckpointIsOpenedAgainFromItsWalWithEveryCommitKept() throws IOException {
        try (Tmpfs tmpfs = Tmpfs.mountOrSkip(temp, "24m")) {
            Path dataDir = tmpfs.path().resolve("data");
            try (DuckDbReportStore store = DuckDbReportStore.open(dataDir)) {
                append(store, 10);
                Path filler = tmpfs.fill();
                assertThatThrownBy(() -> execute(store, "CHECKPOINT")).as("a checkpoint on the full disk")
                        .hasMessageContaining("No space left on device");

                assertThatThrownBy(() -> append(store, 1)).isInstanceOf(StoreUnavailableException.class);
                assertThatThrownBy(store::ping).isInstanceOf(StoreUnavailableException.class);

                Files.delete(filler);
                await().atMost(Duration.ofSeconds(30)).ignoreException(StoreUnavailableException.class).untilAsserted(store::ping);
                append(store, 3);
                assertStoredExactlyTheAcknowledged(store);
            }
            try (DuckDbReportStore reopened = DuckDbReportStore.open(dataDir)) {
                assertStoredExactlyTheAcknowledged(reopened);
            }
        }
    }

    @Test
    void aWalDeletedUnderTheStoreIsWrittenIntoTheDatabaseFileBeforeTheBatchIsAcknowledged() throws SQLException {
        Path dataDir = temp.resolve("data");
        try (DuckDbReportStore store = DuckDbReportStore.open(dataDir)) {
            append(store, 3);
            Path wal = dataDir.resolve(DuckDbReportStore.FILE_NAME + ".wal");
            assertThat(wal).exists();
            try {
                Files.delete(wal);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            append(store, 2);
            execute(store, "PRAGMA disable_checkpoint_on_shutdown"); // closes as a crash would: memory is lost
        }
        try (DuckDbReportStore reopened = DuckDbReportStore.open(dataDir)) {
            assertStoredExactlyTheAcknowledged(reopened);
        }
    }

    private void append(ReportStore store, int reports) {
        List<StoredReport> batch = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            batch.add(ReportStoreContract.report(UUID.randomUUID(), ReportStoreContract.DAY, Channel.PRODUCTION,
                    Map.of("users.count", MetricValue.of(acknowledged.size() + i))));
        }
        store.append(batch);
        batch.forEach(report -> acknowledged.add(report.systemId()));
    }

    private void assertStoredExactlyTheAcknowledged(ReportStore store) {
        List<StoredRows.Row> rows = StoredRows.read(store);
        assertThat(rows).extracting(StoredRows.Row::id).doesNotHaveDuplicates();
        assertThat(rows).extracting(StoredRows.Row::systemId).containsExactlyInAnyOrderElementsOf(acknowledged);
        assertThat(StoredRows.orphans(store)).isEmpty();
        for (StoredRows.Row row : rows) {
            assertThat(row.metrics()).containsExactly("users.count=" + (double) acknowledged.indexOf(row.systemId()));
        }
    }

    /** Runs a statement on a connection of the store's own database, as another part of the server might. */
    private static void execute(EngineStore store, String sql) throws SQLException {
        try (Connection connection = store.sql.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
