package dev.census.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.CensusServer;
import dev.census.testing.CensusClient;
import dev.census.testing.Fleet;
import dev.census.testing.PostgresServer;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code census migrate}: an embedded installation's data, copied to a real PostgreSQL, answers the same. */
class MigrateCommandTest {

    private static final List<String> DAYS = List.of("2026-03-08", "2026-03-09", "2026-03-10");
    private static final LocalDate FIRST = LocalDate.parse(DAYS.get(0));
    private static final LocalDate LAST = LocalDate.parse(DAYS.get(DAYS.size() - 1));
    private static final List<String> PATHS = List.of(
            "/api/v1/products",
            "/api/v1/products/demo/summaries?from=2026-03-08&to=2026-03-10&limit=1000",
            "/api/v1/products/demo/summaries?from=2026-03-08&to=2026-03-10&channel=dev&limit=1000",
            "/api/v1/products/demo/series/users.count?from=2026-03-08&to=2026-03-10",
            "/api/v1/products/demo/series/systems?from=2026-03-08&to=2026-03-10");

    @TempDir
    Path data;

    private final TestClock clock = TestClock.at("2026-03-11T08:00:00Z");

    @Test
    void migrateCopiesReportsSystemsAndSummariesAndRefusesATargetWithData() {
        String database = PostgresServer.newDatabase();
        List<String> expected;
        long reports;
        try (CensusServer embedded = TestServers.start(data, clock)) {
            CensusClient client = new CensusClient(embedded.port());
            Fleet.reports(30, DAYS, 3).forEach(client::postReport);
            embedded.runDailyJobs();
            // the nightly compaction dropped superseded reports, which a recompute no longer sees (see summarize below)
            embedded.summarizer().summarize(FIRST, LAST, true);
            expected = PATHS.stream().map(path -> client.get(path).body()).toList();
            reports = embedded.store().countReports("demo");
        }

        assertThat(CensusCommand.run("migrate", "--from", data.toString(), "--to", database)).isZero();

        try (CensusServer shared = TestServers.builder(clock).database(database).build().start()) {
            CensusClient client = new CensusClient(shared.port());
            assertThat(PATHS.stream().map(path -> client.get(path).body()).toList()).isEqualTo(expected);
            assertThat(shared.store().countReports("demo")).isEqualTo(reports);
            shared.summarizer().summarize(FIRST, LAST, true);
            assertThat(PATHS.stream().map(path -> client.get(path).body()).toList())
                    .as("summarized again from the copied reports").isEqualTo(expected);
            assertThat(client.postReport(Reports.report().sentAt("2026-03-11T07:00:00Z").json()).statusCode())
                    .as("new report ids continue after the copied ones").isEqualTo(202);
            assertThat(shared.store().countReports("demo")).isEqualTo(reports + 1);
        }
        assertThat(CensusCommand.run("migrate", "--from", data.toString(), "--to", database)).as("target holds data").isEqualTo(1);
    }

    @Test
    void migrateNeedsAnEmbeddedDataDirectory() {
        assertThat(CensusCommand.run("migrate", "--from", data.resolve("nothing").toString(),
                "--to", "postgresql://127.0.0.1:1/none?user=census")).isEqualTo(2);
    }
}
