package dev.census.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.census.testing.TestDataSources.TestDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDataSourcesTest {

    @TempDir
    Path tmp;

    @Test
    void aDuckDbDataSourceHandsOutSessionsOfOneDatabaseThatOutlivesIt() throws Exception {
        Path file = tmp.resolve("app.duckdb");
        try (TestDataSource database = TestDataSources.duckDb(file)) {
            try (Connection one = database.getConnection(); Statement statement = one.createStatement()) {
                statement.execute("CREATE TABLE installation (id INTEGER)");
                statement.execute("INSERT INTO installation VALUES (7)");
            }
            assertThat(count(database.getConnection("anyone", "whatever"))).isEqualTo(1);
            assertThat(database.getLoginTimeout()).isZero();
            assertThat(database.getLogWriter()).isNull();
            assertThat(database.isWrapperFor(Connection.class)).isFalse();
            assertThat(database).hasToString("DuckDB " + file);
        }
        try (TestDataSource reopened = TestDataSources.duckDb(file)) {
            assertThat(count(reopened.getConnection())).as("the file was released and kept its rows").isEqualTo(1);
        }
    }

    @Test
    void aHangingDataSourceAnswersNothingUntilReleasedThenRefuses() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService application = Executors.newSingleThreadExecutor();
        try (TestDataSource hanging = TestDataSources.hangingUntil(release)) {
            Future<Connection> connecting = application.submit(() -> hanging.getConnection());
            assertThatThrownBy(() -> connecting.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

            release.countDown();

            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(connecting::get)
                    .hasCauseInstanceOf(SQLException.class).hasMessageContaining("database unavailable"));
        } finally {
            application.shutdownNow();
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (connection; Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM installation")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
