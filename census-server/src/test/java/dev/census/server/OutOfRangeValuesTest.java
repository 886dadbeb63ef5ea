package dev.census.server;

import static dev.census.testing.CensusClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.census.server.ingest.pulp.PulpAnalytics.Analytics;
import dev.census.testing.CensusClient;
import dev.census.testing.TestClock;
import dev.census.server.testing.PulpPayloads;
import dev.census.testing.Reports;
import dev.census.server.testing.TestServers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers at the edge of a double, sent by a few systems just before midnight, stop no summary:
 * they are dropped at ingestion as out of range, every product's day is published, and retention runs.
 */
class OutOfRangeValuesTest {

    @TempDir
    Path dataDir;

    private final TestClock clock = TestClock.at("2026-03-09T12:00:00Z");

    @Test
    void twoSystemsSendingHugeNumbersStopNeitherTheirProductsDayNorAnotherProductsNorRetention() {
        try (CensusServer server = TestServers.builder(dataDir, clock).retentionDays(2).build().start()) {
            CensusClient client = new CensusClient(server.port());
            HttpResponse<String> old = client.postReport(Reports.report().sentAt("2026-03-08T09:00:00Z").json());
            assertThat(old.statusCode()).as("the last day retention keeps").isEqualTo(202);
            clock.set(java.time.Instant.parse("2026-03-10T23:59:10Z")); // 50 s before the day closes
            java.util.List<HttpResponse<String>> hugeAnswers = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                boolean huge = i < 2;
                HttpResponse<String> answer = client.postReport(Reports.report().sentAt("2026-03-10T23:59:00Z").component("core", "3.49.1")
                        .metric("workers.processes", huge ? "1e308" : String.valueOf(i))
                        .metric("memory.mib", huge ? "1.7976931348623157e308" : "1024").json());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
                if (huge) {
                    hugeAnswers.add(answer);
                }
            }
            for (int i = 0; i < 3; i++) {
                Analytics.Builder message = PulpPayloads.pulp323(UUID.randomUUID(), "3.23.0", 4, 150004, 3);
                if (i == 0) {
                    message.setOnlineWorkers(Analytics.OnlineWorkers.newBuilder().setProcesses(-1).setHosts(1)); // uint32 4294967295
                }
                HttpResponse<String> answer = postPulp(client, message);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            }

            clock.advance(Duration.ofMinutes(11));
            server.runDailyJobs();

            assertThat(hugeAnswers).allSatisfy(answer -> assertThat(json(answer).get("dropped")).extracting(JsonNode::toString)
                    .containsExactlyInAnyOrder("{\"field\":\"metrics.workers.processes\",\"reason\":\"out_of_range\"}",
                            "{\"field\":\"metrics.memory.mib\",\"reason\":\"out_of_range\"}"));

            assertThat(client.numbers("demo", "workers.processes", "2026-03-10", "production"))
                    .as("statistics of the three systems in range").containsEntry("mean", "3.0").containsEntry("max", "4.0");
            assertThat(client.numbers("demo", "memory.mib", "2026-03-10", "production")).containsEntry("max", "1024.0");
            assertThat(client.numbers("pulp", "systems", "2026-03-10", "production")).containsEntry("active_1d", "3");
            assertThat(server.store().countReports("demo")).as("the report past retention was deleted").isEqualTo(5);
            JsonNode stats = json(client.admin("GET", "/api/v1/admin/stats", TestServers.ADMIN_TOKEN));
            assertThat(stats.at("/dropped/out_of_range").asLong()).as("four JSON fields and one Pulp count").isEqualTo(5);
            assertThat(stats.at("/summary_failures/total").asLong()).isZero();
        }
    }

    @Test
    void theRegistryApiAndTheAboutPageStateEachCountsAndGaugesValidRange() {
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            JsonNode metrics = json(client.get("/api/v1/products/demo/metrics")).get("items");
            java.util.Map<String, String> ranges = new java.util.TreeMap<>();
            metrics.forEach(metric -> ranges.put(metric.get("name").asText(), metric.path("min").asText("-") + ".." + metric.path("max").asText("-")));

            assertThat(ranges).containsEntry("memory.mib", "0..67108864").containsEntry("workers.processes", "0..1000000000")
                    .containsEntry("database.engine", "-..-");
            assertThat(client.get("/p/demo/about").body()).contains("0 to 67108864; a value outside is dropped on arrival");
        }
    }

    private static HttpResponse<String> postPulp(CensusClient client, Analytics.Builder message) {
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + "/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.build().toByteArray())).build());
    }
}
