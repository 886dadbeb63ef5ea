package dev.census.server;

import static dev.census.testing.CensusClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.store.DatabaseUrl;
import dev.census.server.store.PostgresReportStore;
import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.Fleet;
import dev.census.testing.PostgresServer;
import dev.census.testing.TestClock;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two server replicas on one PostgreSQL database: both ingest, the daily job runs once, both answer alike. */
class ReplicasTest {

    private static final List<String> DAYS = List.of("2026-03-08", "2026-03-09", "2026-03-10");

    private final TestClock clock = TestClock.at("2026-03-11T08:00:00Z");
    private String database;

    @BeforeEach
    void createDatabase() {
        database = PostgresServer.newDatabase();
    }

    @Test
    void bothReplicasIngestTheDailyJobRunsOnceAndBothAnswerAlike() throws Exception {
        try (CensusServer a = TestServers.postgresBuilder(database, clock).build().start();
             CensusServer b = TestServers.postgresBuilder(database, clock).build().start()) {
            CensusClient clientA = new CensusClient(a.port());
            CensusClient clientB = new CensusClient(b.port());
            List<String> reports = Fleet.reports(40, DAYS, 7);
            for (int i = 0; i < reports.size(); i++) {
                HttpResponse<String> answer = (i % 2 == 0 ? clientA : clientB).postReport(reports.get(i));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            }
            assertThat(a.store().countReports("demo")).isEqualTo(reports.size());

            CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> summarize(clientA));
            CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> summarize(clientB));
            List<HttpResponse<String>> answers = List.of(onA.get(), onB.get());

            assertThat(answers).extracting(HttpResponse::statusCode).allMatch(status -> status == 200 || status == 409)
                    .contains(200);
            List<String> written = new ArrayList<>();
            for (HttpResponse<String> answer : answers) {
                if (answer.statusCode() == 200) {
                    json(answer).get("summarized").get("demo").forEach(day -> written.add(day.asText()));
                } else {
                    assertThat(json(answer).get("type").asText()).endsWith("/job-running");
                }
            }
            assertThat(written).as("each day summarized by exactly one replica").containsExactlyInAnyOrderElementsOf(DAYS);
            assertThat(summariesPerDay()).isEqualTo(Map.of("2026-03-08", 1L, "2026-03-09", 1L, "2026-03-10", 1L));

            for (String path : List.of("/api/v1/products/demo/summaries?from=2026-03-08&to=2026-03-10&limit=1000",
                    "/api/v1/products/demo/summaries?from=2026-03-08&to=2026-03-10&channel=dev&limit=7",
                    "/api/v1/products/demo/series/users.count?from=2026-03-08&to=2026-03-10")) {
                HttpResponse<String> fromA = clientA.get(path);
                assertThat(fromA.statusCode()).as(path).isEqualTo(200);
                assertThat(clientB.get(path).body()).as(path).isEqualTo(fromA.body());
            }
        }
    }

    @Test
    void summarizingWhileAnotherReplicaHoldsTheDailyJobsAnswersConflict() {
        try (CensusServer server = TestServers.postgresBuilder(database, clock).build().start();
             PostgresReportStore otherReplica = PostgresReportStore.open(DatabaseUrl.parse(database))) {
            CensusClient client = new CensusClient(server.port());
            AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();

            boolean held = otherReplica.runExclusive("daily-jobs", () -> answer.set(summarize(client)));

            assertThat(held).isTrue();
            assertThat(answer.get().statusCode()).isEqualTo(409);
            assertThat(answer.get().headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(answer.get()).get("type").asText()).isEqualTo("https://census.dev/problems/job-running");
            assertThat(summarize(client).statusCode()).as("once released").isEqualTo(200);
        }
    }

    private static HttpResponse<String> summarize(CensusClient client) {
        return client.admin("POST", "/api/v1/admin/summarize", TestServers.ADMIN_TOKEN);
    }

    private Map<String, Long> summariesPerDay() throws Exception {
        DatabaseUrl url = DatabaseUrl.parse(database);
        Map<String, Long> days = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT day, count(*) FROM summarized_days WHERE product = 'demo' GROUP BY day ORDER BY day")) {
            while (rows.next()) {
                days.put(rows.getString(1), rows.getLong(2));
            }
        }
        return days;
    }
}
