package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FootprintTest {

    @TempDir
    Path stateDir;
    final ManualClock clock = new ManualClock(Fixtures.T0);
    RecordingCensusEndpoint server;

    @BeforeEach
    void startServer() throws Exception {
        server = RecordingCensusEndpoint.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static List<Thread> censusThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("census-scheduler") && t.isAlive()).toList();
    }

    private Census.Builder scheduled() {
        return Census.builder().product("demo").endpoint(server.uri()).stateDir(stateDir)
                .component("core", "3.49.1").clock(clock).environment(Map.of());
    }

    @Test
    void reportingRunsOnOneDaemonThreadThatCloseStopsPromptly() {
        try (LogCapture logs = new LogCapture()) {
            Census census = scheduled().build();
            census.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> !logs.at(Level.INFO).isEmpty());

            assertThat(censusThreads()).singleElement().satisfies(thread -> {
                assertThat(thread.getName()).isEqualTo("census-scheduler");
                assertThat(thread.isDaemon()).isTrue();
            });

            assertTimeoutPreemptively(Duration.ofSeconds(2), census::close);
            await().atMost(Duration.ofSeconds(2)).until(() -> censusThreads().isEmpty());
        }
    }

    @Test
    void offStartsNoThreadAtAll() {
        try (Census census = scheduled().consent(Consent.OFF).build()) {
            census.start();
            assertThat(censusThreads()).isEmpty();
        }
    }

    @Test
    void startReturnsAtOnceEvenWhenTheApplicationDatabaseHangs() {
        CountDownLatch release = new CountDownLatch(1);
        DataSource hanging = new HangingDataSource(release);
        try (LogCapture logs = new LogCapture();
             Census census = scheduled().systemIdStore(JdbcSystemIdStore.of(hanging)).build()) {
            assertTimeoutPreemptively(Duration.ofSeconds(2), census::start);
            assertThat(logs.at(Level.INFO)).isEmpty(); // the notice waits for the database, the application does not
            release.countDown();
        }
    }

    /** A database that does not answer until released, then refuses. */
    private record HangingDataSource(CountDownLatch release) implements DataSource {
        @Override
        public Connection getConnection() throws java.sql.SQLException {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new java.sql.SQLException("database unavailable");
        }

        @Override
        public Connection getConnection(String user, String password) throws java.sql.SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
            throw new java.sql.SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
