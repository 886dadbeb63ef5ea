package dev.census.server;

import static dev.census.testing.CensusClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.census.server.store.DuckDbReportStore;
import dev.census.server.testing.GatedReportStore;
import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingestion's promises: latest of the day wins, 202 only after commit, durable across restarts, back-pressure. */
class IngestionTest {

    @TempDir
    Path dataDir;

    private final TestClock clock = TestClock.at("2026-03-11T08:00:00Z");

    @Test
    void latestReportOfTheDayWins() {
        UUID system = UUID.randomUUID();
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            client.postReport(Reports.report().system(system).sentAt("2026-03-10T01:00:00Z")
                    .component("core", "3.49.1").metric("workers.processes", "2").json());
            client.postReport(Reports.report().system(system).sentAt("2026-03-10T23:00:00Z")
                    .component("core", "3.50.0").metric("workers.processes", "8").json());
            server.runDailyJobs();

            String summaries = client.get("/api/v1/products/demo/summaries?from=2026-03-10&to=2026-03-10").body();
            assertThat(summaries).contains("\"metric\":\"systems\",\"bucket\":\"active_1d\",\"systems\":1")
                    .contains("\"metric\":\"components.core.xy\",\"bucket\":\"3.50\",\"systems\":1")
                    .doesNotContain("\"bucket\":\"3.49\"")
                    .contains("\"metric\":\"workers.processes\",\"stat\":\"mean\",\"value\":8.0");
            assertThat(server.store().countReports("demo")).as("superseded report compacted once the day closed").isEqualTo(1);
        }
    }

    @Test
    void aReportIsNotAcknowledgedBeforeItsBatchCommitted() throws Exception {
        GatedReportStore gated = new GatedReportStore(DuckDbReportStore.open(dataDir));
        try (CensusServer server = TestServers.builder(dataDir, clock).store(gated.store()).build().start()) {
            CensusClient client = new CensusClient(server.port());
            CompletableFuture<HttpResponse<String>> answer = client.postReportAsync(Reports.report().json());

            assertThat(gated.awaitAppend()).isTrue();
            assertThat(answer).isNotDone();
            assertThat(gated.store().countReports("demo")).isZero();

            gated.open();
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            assertThat(gated.store().countReports("demo")).isEqualTo(1);
        }
    }

    @Test
    void everyAcknowledgedReportSurvivesARestart() {
        List<UUID> acknowledged = new ArrayList<>();
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            List<UUID> systems = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                UUID system = UUID.randomUUID();
                systems.add(system);
                answers.add(client.postReportAsync(Reports.report().system(system).sentAt("2026-03-11T07:00:00Z").json()));
            }
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).join().statusCode() == 202) {
                    acknowledged.add(systems.get(i));
                }
            }
        }
        assertThat(acknowledged).hasSize(200);
        try (CensusServer restarted = TestServers.start(dataDir, clock)) {
            assertThat(restarted.store().countReports("demo")).isEqualTo(200);
        }
    }

    @Test
    void aFullQueueAnswers503WithRetryAfterAndStoresNothingExtra() throws Exception {
        GatedReportStore gated = new GatedReportStore(DuckDbReportStore.open(dataDir));
        try (CensusServer server = TestServers.builder(dataDir, clock).store(gated.store()).queueCapacity(1).build().start()) {
            CensusClient client = new CensusClient(server.port());
            CompletableFuture<HttpResponse<String>> first = client.postReportAsync(Reports.report().json());
            assertThat(gated.awaitAppend()).isTrue();
            List<CompletableFuture<HttpResponse<String>>> more = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                more.add(client.postReportAsync(Reports.report().json()));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> more.stream().filter(CompletableFuture::isDone).count() == 4);
            HttpResponse<String> refused = more.stream().filter(CompletableFuture::isDone).findFirst().orElseThrow().join();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(json(refused).get("type").asText()).endsWith("/overloaded");

            gated.open();
            assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            List<Integer> statuses = more.stream().map(answer -> answer.join().statusCode()).sorted().toList();
            assertThat(statuses).containsExactly(202, 503, 503, 503, 503);
            assertThat(gated.store().countReports("demo")).isEqualTo(2);
        }
    }

    @Test
    void anUnavailableDatabaseAnswers503AndTheServerHealsWhenItReturns() throws Exception {
        GatedReportStore gated = new GatedReportStore(DuckDbReportStore.open(dataDir));
        gated.open();
        try (CensusServer server = TestServers.builder(dataDir, clock).store(gated.store()).build().start()) {
            CensusClient client = new CensusClient(server.port());
            gated.failAppends(true);
            HttpResponse<String> refused = client.postReport(Reports.report().json());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();

            gated.failAppends(false);
            assertThat(client.postReport(Reports.report().json()).statusCode()).isEqualTo(202);
            assertThat(gated.store().countReports("demo")).isEqualTo(1);
        }
    }


    @Test
    void aFloodFromOneAddressIsRateLimitedWith429UntilItsAllowanceRefills() {
        try (CensusServer server = TestServers.builder(dataDir, clock).rateLimitPerMinute(3).build().start()) {
            CensusClient client = new CensusClient(server.port());
            for (int i = 0; i < 3; i++) {
                assertThat(client.postReport(Reports.report().sentAt("2026-03-11T07:00:00Z").json()).statusCode()).isEqualTo(202);
            }
            HttpResponse<String> flooded = client.postReport(Reports.report().sentAt("2026-03-11T07:00:00Z").json());
            assertThat(flooded.statusCode()).isEqualTo(429);
            assertThat(flooded.headers().firstValue("Retry-After")).hasValue("20");
            assertThat(json(flooded).get("type").asText()).endsWith("/rate-limited");
            assertThat(server.store().countReports("demo")).isEqualTo(3);

            clock.advance(Duration.ofSeconds(20));
            assertThat(client.postReport(Reports.report().sentAt("2026-03-11T07:00:00Z").json()).statusCode()).isEqualTo(202);
        }
    }
}
