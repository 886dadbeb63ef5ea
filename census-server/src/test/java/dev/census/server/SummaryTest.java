package dev.census.server;

import static dev.census.testing.CensusClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily summaries of small hand-computed fleets: statistics, rollups, k-threshold, catch-up, recompute, retention. */
class SummaryTest {

    @TempDir
    Path dataDir;

    private final TestClock clock = TestClock.at("2026-03-11T08:00:00Z");

    @Test
    void statisticsAndPowerOfTwoHistogramsMatchHandComputedValues() {
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            for (int users : new int[] {0, 1, 2, 3, 5, 8, 13, 21, 34, 55}) {
                client.postReport(Reports.report().sentAt("2026-03-10T09:00:00Z").metric("users.count", String.valueOf(users)).json());
            }
            server.runDailyJobs();
            Map<String, String> users = client.numbers("demo", "users.count", "2026-03-10", "production");
            // sorted: 0 1 2 3 5 8 13 21 34 55 → mean 14.2; p50 = (5+8)/2; p90 = 34 + 0.1 * (55 - 34)
            assertThat(users).containsEntry("mean", "14.2").containsEntry("min", "0.0").containsEntry("max", "55.0")
                    .containsEntry("p50", "6.5").containsEntry("p90", "36.1")
                    .containsEntry("0", "1").containsEntry("1", "1").containsEntry("2-3", "2").containsEntry("4-7", "1")
                    .containsEntry("8-15", "2").containsEntry("16-31", "1").containsEntry("32-63", "2");
        }
    }

    @Test
    void versionsRollUpByXyAndXyzAndUnknownComponentsBecomeOtherWithoutTheirVersions() {
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            for (String version : List.of("3.49.0", "3.49.1", "3.49.1", "3.50.0", "3.50.0.dev")) {
                String channel = version.endsWith(".dev") ? "dev" : "production";
                assertThat(client.postReport(Reports.report().sentAt("2026-03-10T09:00:00Z").channel(channel).component("core", version)
                        .component("secret-internal-plugin", "1.0.0").json()).statusCode()).isEqualTo(202);
            }
            server.runDailyJobs();
            assertThat(client.numbers("demo", "components.core.xy", "2026-03-10", "production")).isEqualTo(Map.of("3.49", "3", "3.50", "1"));
            assertThat(client.numbers("demo", "components.core.xyz", "2026-03-10", "production"))
                    .isEqualTo(Map.of("3.49.0", "1", "3.49.1", "2", "3.50.0", "1"));
            assertThat(client.numbers("demo", "components", "2026-03-10", "production")).isEqualTo(Map.of("core", "4", "other", "4"));
            assertThat(client.numbers("demo", "components.core.xyz", "2026-03-10", "dev"))
                    .as("a pre-release rolls up by its leading numbers").isEqualTo(Map.of("3.50.0", "1"));
            assertThat(client.get("/api/v1/products/demo/summaries?from=2026-03-10&to=2026-03-10").body())
                    .doesNotContain("secret-internal-plugin");
            for (String versions : List.of("components.other.xy", "components.other.xyz")) {
                assertThat(client.numbers("demo", versions, "2026-03-10", "production"))
                        .as("an unknown component's versions could name a private plugin's release").isEmpty();
            }
        }
    }

    @Test
    void bucketsOfFewerThanKSystemsMergeIntoOtherAndSmallStatisticsAreWithheld() {
        try (CensusServer server = TestServers.builder(dataDir, clock).k(3).build().start()) {
            CensusClient client = new CensusClient(server.port());
            String[] engines = {"postgresql", "postgresql", "postgresql", "mariadb", "sqlite", "sqlite"};
            for (String engine : engines) {
                client.postReport(Reports.report().sentAt("2026-03-10T09:00:00Z").metric("database.engine", "\"" + engine + "\"").json());
            }
            client.postReport(Reports.report().sentAt("2026-03-10T09:00:00Z").metric("memory.mib", "512").json());
            client.postReport(Reports.report().sentAt("2026-03-10T09:00:00Z").metric("memory.mib", "1024").json());
            server.runDailyJobs();
            assertThat(client.numbers("demo", "database.engine", "2026-03-10", "production")).isEqualTo(Map.of("postgresql", "3", "other", "3"));
            assertThat(client.numbers("demo", "memory.mib", "2026-03-10", "production")).as("two systems: neither stats nor a bucket of two").isEmpty();
            assertThat(client.numbers("demo", "systems", "2026-03-10", "production")).containsEntry("active_1d", "8");
        }
    }

    @Test
    void missedDaysAreCaughtUpAndFleetWindowsCountDistinctSystems() {
        UUID steady = UUID.randomUUID();
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            for (String day : List.of("2026-03-05", "2026-03-07", "2026-03-10")) {
                client.postReport(Reports.report().system(steady).sentAt(day + "T09:00:00Z").json());
            }
            client.postReport(Reports.report().sentAt("2026-03-07T09:00:00Z").json());
            Map<String, List<LocalDate>> written = server.runDailyJobs();
            assertThat(written.get("demo")).containsExactly(LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-06"),
                    LocalDate.parse("2026-03-07"), LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-09"),
                    LocalDate.parse("2026-03-10"));
            assertThat(server.runDailyJobs().get("demo")).as("idempotent").isEmpty();

            assertThat(client.numbers("demo", "systems", "2026-03-06", "production")).containsEntry("active_1d", "0").containsEntry("active_7d", "1");
            assertThat(client.numbers("demo", "systems", "2026-03-07", "production")).containsEntry("active_1d", "2").containsEntry("new", "1");
            assertThat(client.numbers("demo", "systems", "2026-03-10", "production"))
                    .containsEntry("active_1d", "1").containsEntry("active_7d", "2").containsEntry("new", "0");
            assertThat(client.numbers("demo", "systems.age_days", "2026-03-10", "production")).isEqualTo(Map.of("4-7", "1"));
        }
    }

    @Test
    void aDayIsRecomputedOnRequestWhileItsRawDataIsKept() {
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            client.postReport(Reports.report().sentAt("2026-03-10T09:00:00Z").json());
            server.runDailyJobs();
            client.postReport(Reports.report().sentAt("2026-03-10T10:00:00Z").json());
            assertThat(client.numbers("demo", "systems", "2026-03-10", "production")).containsEntry("active_1d", "1");

            String token = TestServers.ADMIN_TOKEN;
            JsonNode recomputed = json(client.admin("POST", "/api/v1/admin/summarize?from=2026-03-10&to=2026-03-10&recompute=true", token));
            assertThat(recomputed.at("/summarized/demo").toString()).isEqualTo("[\"2026-03-10\"]");
            assertThat(client.numbers("demo", "systems", "2026-03-10", "production")).containsEntry("active_1d", "2");
        }
    }

    @Test
    void rawReportsPastRetentionAreDeletedButSummariesAndFirstSeenStay() {
        UUID system = UUID.randomUUID();
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            client.postReport(Reports.report().system(system).sentAt("2026-02-10T09:00:00Z").json());
            server.runDailyJobs();
            assertThat(server.store().countReports("demo")).isEqualTo(1);

            clock.advance(Duration.ofDays(31));
            server.runDailyJobs();
            assertThat(server.store().countReports("demo")).isZero();
            assertThat(client.numbers("demo", "systems", "2026-02-10", "production")).containsEntry("active_1d", "1");

            client.postReport(Reports.report().system(system).sentAt("2026-04-11T07:00:00Z").json());
            clock.advance(Duration.ofDays(1));
            server.runDailyJobs();
            assertThat(client.numbers("demo", "systems", "2026-04-11", "production")).containsEntry("new", "0");
            assertThat(client.numbers("demo", "systems.age_days", "2026-04-11", "production")).isEqualTo(Map.of("32-63", "1"));
        }
    }

    @Test
    void deletingASystemErasesItsReportsAndFirstSeenAtOnce() {
        UUID system = UUID.randomUUID();
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            client.postReport(Reports.report().system(system).sentAt("2026-03-09T09:00:00Z").json());
            client.postReport(Reports.report().system(system).sentAt("2026-03-10T09:00:00Z").json());
            client.postReport(Reports.report().sentAt("2026-03-10T09:00:00Z").json());
            server.runDailyJobs();

            assertThat(client.delete("/api/v1/products/demo/systems/" + system).statusCode()).isEqualTo(204);
            assertThat(client.delete("/api/v1/products/demo/systems/" + system).statusCode()).as("idempotent").isEqualTo(204);
            assertThat(server.store().countReports("demo")).isEqualTo(1);
            assertThat(client.delete("/api/v1/products/demo/systems/not-a-uuid").statusCode()).isEqualTo(400);
            assertThat(client.delete("/api/v1/products/nope/systems/" + system).statusCode()).isEqualTo(404);

            client.postReport(Reports.report().system(system).sentAt("2026-03-10T10:00:00Z").json());
            client.admin("POST", "/api/v1/admin/summarize?from=2026-03-10&recompute=true", TestServers.ADMIN_TOKEN);
            assertThat(client.numbers("demo", "systems", "2026-03-10", "production")).as("first seen again after deletion").containsEntry("new", "2");
        }
    }

    @Test
    void theAdminApiNeedsItsToken() {
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            assertThat(client.admin("POST", "/api/v1/admin/summarize", null).statusCode()).isEqualTo(401);
            assertThat(client.admin("GET", "/api/v1/admin/stats", "wrong-token").statusCode()).isEqualTo(401);
            JsonNode stats = json(client.admin("GET", "/api/v1/admin/stats", TestServers.ADMIN_TOKEN));
            assertThat(stats.has("accepted")).isTrue();
            assertThat(stats.has("queue_depth")).isTrue();
        }
        try (CensusServer server = TestServers.builder(dataDir, clock).adminToken(null).build().start()) {
            assertThat(new CensusClient(server.port()).admin("GET", "/api/v1/admin/stats", "anything").statusCode()).isEqualTo(404);
        }
    }
}
