package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.Fleet;
import dev.census.testing.PostgresServer;
import dev.census.testing.TestClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same fleet into a DuckDB server and a PostgreSQL server: the public API answers byte for byte alike. */
class ApiParityTest {

    private static final List<String> DAYS = List.of("2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10");

    @TempDir
    Path dataDir;

    private final TestClock clock = TestClock.at("2026-03-11T08:00:00Z");

    @Test
    void duckDbAndPostgresServersAnswerTheSame() {
        try (CensusServer duckDb = TestServers.builder(dataDir, clock).k(3).build().start();
             CensusServer postgres = TestServers.postgresBuilder(PostgresServer.newDatabase(), clock).k(3).build().start()) {
            CensusClient embedded = new CensusClient(duckDb.port());
            CensusClient shared = new CensusClient(postgres.port());
            for (String report : Fleet.reports(60, DAYS, 42)) {
                assertThat(embedded.postReport(report).statusCode()).isEqualTo(202);
                assertThat(shared.postReport(report).statusCode()).isEqualTo(202);
            }
            assertThat(postgres.runDailyJobs()).isEqualTo(duckDb.runDailyJobs());

            for (String path : List.of(
                    "/api/v1/products",
                    "/api/v1/products/demo/metrics",
                    "/api/v1/products/demo/summaries?from=2026-03-07&to=2026-03-10&limit=1000",
                    "/api/v1/products/demo/summaries?from=2026-03-07&to=2026-03-10&channel=dev&limit=1000",
                    "/api/v1/products/demo/summaries?from=2026-03-07&to=2026-03-10&limit=5",
                    "/api/v1/products/demo/summaries?from=2026-03-07&to=2026-03-10&metric=components.core.xyz",
                    "/api/v1/products/demo/series/users.count?from=2026-03-07&to=2026-03-10",
                    "/api/v1/products/demo/series/systems?from=2026-03-07&to=2026-03-10",
                    "/api/v1/products/demo/series/database.engine?from=2026-03-07&to=2026-03-10&channel=dev")) {
                String expected = embedded.get(path).body();
                if (path.contains("from=")) {
                    assertThat(expected).as(path).contains("2026-03");
                }
                assertThat(shared.get(path).body()).as(path).isEqualTo(expected);
                assertThat(shared.get(path, "text/csv").body()).as(path + " as CSV").isEqualTo(embedded.get(path, "text/csv").body());
            }
        }
    }
}
