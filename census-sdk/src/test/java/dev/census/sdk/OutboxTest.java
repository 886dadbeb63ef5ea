package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.testing.TestDataSources;
import dev.census.testing.TestDataSources.TestDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OutboxTest {

    @RegisterExtension
    final DemoInstallation demo = new DemoInstallation();

    @Test
    void pausedOutboxKeepsReportsForInspectionAndResumeSendsOnlyTheNewest() throws Exception {
        try (Census census = demo.started()) {
            census.outbox().pause();
            for (int day = 0; day < 3; day++) {
                Fixtures.runNext(census, demo.clock());
            }
            assertThat(demo.server().requests()).isEmpty();
            assertListed(census, 3, Outbox.Status.PENDING);

            UploadResult result = census.outbox().resume();

            assertThat(result.sent()).isTrue();
            assertThat(demo.server().reports()).singleElement()
                    .satisfies(r -> assertThat(r.body()).isEqualTo(census.outbox().list().get(2).report()));
            assertThat(census.outbox().list()).extracting(Outbox.Entry::status).containsExactly(
                    Outbox.Status.SUPERSEDED, Outbox.Status.SUPERSEDED, Outbox.Status.SENT);
        }
    }

    @Test
    void sendNowOnAPausedOutboxHoldsTheReport() {
        try (Census census = demo.builder().build()) {
            census.outbox().pause();

            UploadResult result = census.sendNow();

            assertThat(result.outcome()).isEqualTo(UploadResult.Outcome.HELD);
            assertThat(demo.server().requests()).isEmpty();
            assertThat(census.outbox().list()).singleElement()
                    .satisfies(entry -> assertThat(entry.report()).isEqualTo(result.report()));
        }
    }

    @Test
    void aPauseMadeByAnotherProcessOnTheSameStateDirectoryIsHonoured() throws Exception {
        try (Census app = demo.builder().build();
             Census adminCli = demo.builder().build()) {
            app.start();
            adminCli.outbox().pause();
            Fixtures.runNext(app, demo.clock());

            assertThat(app.outbox().isPaused()).isTrue();
            assertThat(demo.server().requests()).isEmpty();
            assertThat(adminCli.outbox().list()).singleElement()
                    .satisfies(e -> assertThat(e.reason()).contains("paused"));
        }
    }

    @Test
    void heldReportsAreBoundedAndFinishedOnesKeepOnlyTheLastThirty() throws Exception {
        try (Census census = demo.builder().build()) {
            census.outbox().pause();
            sendNowEveryMinute(census, Outbox.HELD + 5);
            assertListed(census, Outbox.HELD, Outbox.Status.PENDING);
            assertThat(demo.server().requests()).isEmpty();
            census.outbox().resume();
            sendNowEveryMinute(census, Outbox.KEPT + 5);
            assertListed(census, Outbox.KEPT, Outbox.Status.SENT);
            try (var files = Files.list(demo.stateDir().resolve("outbox"))) {
                assertThat(files.count()).isEqualTo(2L * Outbox.KEPT);
            }
        }
    }

    @Test
    void aReportLeftPendingByAStoppedProcessIsMarkedFailedOnTheNextDay() throws Exception {
        demo.server().thenAnswer(503, "", java.util.Map.of());
        try (Census census = demo.started()) {
            Fixtures.runNext(census, demo.clock()); // fails once, a retry is planned in memory
            assertThat(census.outbox().list().get(0).status()).isEqualTo(Outbox.Status.PENDING);
        }
        demo.clock().advance(Duration.ofDays(1));
        try (Census restarted = demo.builder().build()) {
            restarted.start();
            assertThat(restarted.outbox().list()).singleElement().satisfies(entry -> {
                assertThat(entry.status()).isEqualTo(Outbox.Status.FAILED);
                assertThat(entry.reason()).contains("HTTP 503", "the process stopped before it was sent");
            });
        }
    }

    @Test
    void exportWritesEveryReportWithItsStatus() throws Exception {
        demo.server().thenAnswer(400, "{\"title\":\"bad\"}", java.util.Map.of());
        try (Census census = demo.builder().build()) {
            census.sendNow();
            demo.clock().advance(Duration.ofMinutes(1));
            census.sendNow();
            Path export = demo.stateDir().resolve("export.json");

            census.outbox().export(export);

            String json = Files.readString(export);
            assertThat(json).contains("\"status\":\"failed\"", "\"status\":\"sent\"", "HTTP 400",
                    "\"report\":" + census.outbox().list().get(1).report());
        }
    }

    @Test
    void withoutAStateDirectoryTheOutboxLivesInMemory() throws Exception {
        try (TestDataSource database = TestDataSources.duckDb(demo.stateDir().resolve("app.duckdb"));
             Census census = Census.builder().product("demo").endpoint(demo.server().uri())
                     .systemIdStore(JdbcSystemIdStore.of(database)).component("core", "3.49.1")
                     .clock(demo.clock()).environment(java.util.Map.of()).manualScheduling().build()) {
            assertThat(census.sendNow().sent()).isTrue();
            assertThat(census.outbox().list()).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(Outbox.Status.SENT));
            assertThat(demo.stateDir().resolve("outbox")).doesNotExist();
        }
    }

    private void sendNowEveryMinute(Census census, int times) {
        for (int i = 0; i < times; i++) {
            demo.clock().advance(Duration.ofMinutes(1));
            census.sendNow();
        }
    }

    private static void assertListed(Census census, int size, Outbox.Status status) {
        assertThat(census.outbox().list()).hasSize(size).allSatisfy(entry -> assertThat(entry.status()).isEqualTo(status));
    }
}
