package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.CensusServer;
import dev.census.testing.TestClock;
import dev.census.testing.TestDataSources;
import dev.census.testing.TestDataSources.TestDataSource;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK against a real Census server, in-process over HTTP on loopback. */
class CensusServerEndToEndTest {

    @TempDir
    Path tmp;
    final TestClock clock = new TestClock(Fixtures.T0);
    CensusServer server;

    @BeforeEach
    void startServer() {
        server = server(tmp.resolve("server"), 0);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private CensusServer server(Path dataDir, int port) {
        return CensusServer.builder().host("127.0.0.1").port(port).dataDir(dataDir).clock(clock)
                .adminToken("secret-admin-token").allowBackdatedReports(true).dailyJobs(false).build().start();
    }

    private URI uri(CensusServer running) {
        return URI.create("http://127.0.0.1:" + running.port());
    }

    @Test
    void theServerAcceptsWhatTheSdkSendsAndTheOutboxSaysSo() {
        try (Census census = Fixtures.demo(uri(server), tmp.resolve("app"), clock).build()) {
            UploadResult result = census.sendNow();

            assertThat(result.httpStatus()).isEqualTo(202);
            assertThat(result.detail()).contains("\"accepted\"");
            assertThat(server.store().countReports("demo")).isEqualTo(1);
            assertThat(census.outbox().list()).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(Outbox.Status.SENT));
        }
    }

    @Test
    void twoNodesOnOneDatabaseReportOnceADayUnderOneId() throws Exception {
        try (TestDataSource database = TestDataSources.duckDb(tmp.resolve("app.duckdb"));
             Census a = node(database, "a"); Census b = node(database, "b")) {
            a.start();
            b.start();
            assertThat(a.systemId()).isEqualTo(b.systemId());
            for (int day = 0; day < 2; day++) {
                java.time.Instant due = a.nextRunAt().orElseThrow().isAfter(b.nextRunAt().orElseThrow())
                        ? a.nextRunAt().orElseThrow() : b.nextRunAt().orElseThrow();
                clock.set(due);
                a.runDueWork();
                b.runDueWork();
            }
            assertThat(server.store().countReports("demo")).isEqualTo(2);
        }
    }

    private Census node(TestDataSource database, String name) {
        return Census.builder().product("demo").endpoint(uri(server)).systemIdStore(JdbcSystemIdStore.of(database))
                .stateDir(tmp.resolve(name)).component("core", "3.49.1").metric("workers.processes", () -> 4)
                .clock(clock).environment(Map.of()).manualScheduling().build();
    }

    @Test
    void resettingTheSystemIdDeletesTheOldIdsDataOnTheServer() {
        try (Census census = Fixtures.demo(uri(server), tmp.resolve("app"), clock).build()) {
            census.sendNow();
            UUID old = census.systemId().orElseThrow();
            assertThat(server.store().countReports("demo")).isEqualTo(1);

            assertThat(census.resetSystemId()).isTrue();

            assertThat(server.store().countReports("demo")).isZero();
            assertThat(census.systemId()).isPresent().get().isNotEqualTo(old);
        }
    }

    @Test
    void aReportTheServerRefusesFailsWithItsReasonAndIsNotRetried() throws Exception {
        try (Census census = Census.builder().product("unknown-product").endpoint(uri(server))
                .stateDir(tmp.resolve("app")).component("core", "3.49.1").clock(clock)
                .environment(Map.of()).manualScheduling().build()) {
            census.start();
            Fixtures.runNext(census, clock);

            Outbox.Entry entry = census.outbox().list().get(0);
            assertThat(entry.status()).isEqualTo(Outbox.Status.FAILED);
            assertThat(entry.reason()).containsPattern("HTTP 4\\d\\d").contains("not retried");
            assertThat(census.nextRunAt().orElseThrow()).isAfter(clock.instant().plus(Duration.ofHours(12)));
        }
    }

    @Test
    void whileTheServerIsDownTheReportFailsAndTheNextDaySucceeds() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (Census census = Fixtures.demo(URI.create("http://127.0.0.1:" + port), tmp.resolve("app"), clock).build()) {
            census.start();
            Fixtures.runNext(census, clock);
            while (census.outbox().list().get(0).status() == Outbox.Status.PENDING) {
                Fixtures.runNext(census, clock);
            }
            assertThat(census.outbox().list().get(0).reason()).contains("cannot reach", "gave up");

            try (CensusServer back = server(tmp.resolve("server-2"), port)) {
                Fixtures.runNext(census, clock);
                assertThat(back.store().countReports("demo")).isEqualTo(1);
                assertThat(census.outbox().list()).extracting(Outbox.Entry::status)
                        .containsExactly(Outbox.Status.FAILED, Outbox.Status.SENT);
            }
        }
    }

    @Test
    void preReleaseVersionsReportToTheDevServer() {
        try (CensusServer dev = server(tmp.resolve("dev-server"), 0);
             Census census = Census.builder().product("demo").endpoint(uri(server)).devEndpoint(uri(dev))
                     .stateDir(tmp.resolve("app")).component("core", "3.50.0.dev").clock(clock)
                     .environment(Map.of()).manualScheduling().build()) {
            assertThat(census.sendNow().sent()).isTrue();

            assertThat(dev.store().countReports("demo")).isEqualTo(1);
            assertThat(server.store().countReports("demo")).isZero();
        }
    }

    @Test
    void localModeNeverReachesTheServer() throws Exception {
        try (Census census = Fixtures.demo(uri(server), tmp.resolve("app"), clock).consent(Consent.LOCAL).build()) {
            census.start();
            Fixtures.runNext(census, clock);
            census.sendNow();
        }
        assertThat(server.store().countReports("demo")).isZero();
    }
}
