package dev.census.server;

import static dev.census.testing.CensusClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.census.server.store.DuckDbReportStore;
import dev.census.testing.CensusClient;
import dev.census.server.testing.FaultyDays;
import dev.census.testing.TestClock;
import dev.census.testing.Reports;
import dev.census.server.testing.TestServers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One product's or one day's failing summary stops nothing else: the other days and products are
 * published, retention runs, and the failure shows on the admin API and {@code /metrics} until it heals.
 */
class SummaryIsolationTest {

    private static final LocalDate MARCH_8 = LocalDate.parse("2026-03-08");
    private static final LocalDate MARCH_9 = LocalDate.parse("2026-03-09");
    private static final LocalDate MARCH_10 = LocalDate.parse("2026-03-10");
    private static final String TOKEN = TestServers.ADMIN_TOKEN;

    @TempDir
    Path dataDir;

    private final TestClock clock = TestClock.at("2026-03-09T12:00:00Z");
    private FaultyDays faults;

    @BeforeEach
    void openStore() {
        faults = new FaultyDays(DuckDbReportStore.open(dataDir));
    }

    @Test
    void aFailingDayIsCountedAndRetriedWhileTheOtherDaysAndProductsArePublishedAndRetentionRuns() {
        faults.breakDay("demo", MARCH_9);
        try (CensusServer server = start()) {
            CensusClient client = new CensusClient(server.port());
            postDays(client);

            Map<String, List<LocalDate>> written = server.runDailyJobs();

            assertThat(written).containsEntry("demo", List.of(MARCH_8, MARCH_10)).containsEntry("pulp", List.of(MARCH_9, MARCH_10));
            assertThat(client.numbers("demo", "systems", "2026-03-10", "production")).containsEntry("active_1d", "1");
            assertThat(client.numbers("pulp", "systems", "2026-03-09", "production")).containsEntry("active_1d", "1");
            assertThat(server.store().countReports("demo")).as("the report of March 8 is past retention").isEqualTo(2);
            JsonNode failures = json(client.admin("GET", "/api/v1/admin/stats", TOKEN)).get("summary_failures");
            assertThat(failures.get("total").asLong()).isEqualTo(1);
            assertThat(failures.get("by_product").toString()).isEqualTo("{\"demo\":1}");
            assertThat(failures.at("/failing/0/product").asText()).isEqualTo("demo");
            assertThat(failures.at("/failing/0/day").asText()).isEqualTo("2026-03-09");
            assertThat(failures.at("/failing/0/error").asText()).isEqualTo("IllegalStateException: broken on purpose: demo 2026-03-09");
            assertThat(client.get("/metrics").body()).contains("census_summary_failures_total{product=\"demo\"} 1.0",
                    "census_summary_failures_total{product=\"pulp\"} 0.0");

            HttpResponse<String> again = client.admin("POST", "/api/v1/admin/summarize", TOKEN);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(json(again).get("summarized").toString()).isEqualTo("{\"demo\":[],\"pulp\":[]}");
            assertThat(json(again).at("/failed/0/product").asText() + " " + json(again).at("/failed/0/day").asText())
                    .isEqualTo("demo 2026-03-09");

            faults.heal();
            HttpResponse<String> healed = client.admin("POST", "/api/v1/admin/summarize", TOKEN);
            assertThat(json(healed).get("summarized").toString()).isEqualTo("{\"demo\":[\"2026-03-09\"],\"pulp\":[]}");
            assertThat(json(healed).get("failed")).isEmpty();
            JsonNode after = json(client.admin("GET", "/api/v1/admin/stats", TOKEN)).get("summary_failures");
            assertThat(after.get("total").asLong()).as("failed attempts since start").isEqualTo(2);
            assertThat(after.get("failing")).as("nothing failing now").isEmpty();
        }
    }

    @Test
    void aProductWhoseDaysCannotBeListedStopsNoOtherProduct() {
        faults.breakProduct("demo");
        try (CensusServer server = start()) {
            CensusClient client = new CensusClient(server.port());
            postDays(client);

            HttpResponse<String> answer = client.admin("POST", "/api/v1/admin/summarize", TOKEN);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(json(answer).get("summarized").toString()).isEqualTo("{\"demo\":[],\"pulp\":[\"2026-03-09\",\"2026-03-10\"]}");
            assertThat(json(answer).at("/failed/0/day").isNull()).isTrue();
            assertThat(json(answer).at("/failed/0/error").asText()).isEqualTo("IllegalStateException: broken on purpose: demo");
            assertThat(server.store().countReports("demo")).as("retention ran").isEqualTo(2);
        }
    }

    @Test
    void aDayStillFailingWhenRetentionDeletesItsReportsLeavesTheFailingList() {
        faults.breakDay("demo", MARCH_8);
        try (CensusServer server = start()) {
            CensusClient client = new CensusClient(server.port());
            postDays(client);

            assertThat(server.runDailyJobs()).containsEntry("demo", List.of(MARCH_9, MARCH_10));

            JsonNode failures = json(client.admin("GET", "/api/v1/admin/stats", TOKEN)).get("summary_failures");
            assertThat(failures.get("total").asLong()).isEqualTo(1);
            assertThat(failures.get("failing")).as("March 8 can never be summarized now").isEmpty();
            assertThat(server.store().countReports("demo")).isEqualTo(2);
        }
    }

    private CensusServer start() {
        return TestServers.builder(dataDir, clock).store(faults.store()).retentionDays(2).build().start();
    }

    /** Demo on March 8 (posted that day, past retention by March 11), 9 and 10; Pulp on March 9 and 10; then the jobs' hour. */
    private void postDays(CensusClient client) {
        clock.set(Instant.parse("2026-03-09T12:00:00Z"));
        assertThat(client.postReport(Reports.report().sentAt("2026-03-08T12:00:00Z").json()).statusCode()).isEqualTo(202);
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));
        for (LocalDate day : List.of(MARCH_9, MARCH_10)) {
            assertThat(client.postReport(Reports.report().sentAt(day + "T12:00:00Z").json()).statusCode()).isEqualTo(202);
            assertThat(client.postReport(Reports.report().product("pulp").sentAt(day + "T12:00:00Z").component("core", "3.23.0")
                    .json()).statusCode()).isEqualTo(202);
        }
        clock.set(Instant.parse("2026-03-11T00:10:00Z"));
    }
}
