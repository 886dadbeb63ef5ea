package dev.census.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.CensusServer;
import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.PostgresServer;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import dev.census.testing.TestDataSources;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of the V1 + V2 layout (the fixture {@link LayoutFixtureWriter} wrote, as SQL) opened by
 * today's store, which migrates it: every raw report is still there, and the summaries and the public
 * API answer exactly as the golden files beside the fixture say — before and after every day is summarized
 * again from the migrated reports. Run with {@code -Dcensus.updateGolden=true} to write the golden files
 * (on the code that wrote the fixture, or after a deliberate change of the API's form: then check the diff).
 */
class LayoutMigrationTest {

    private static final String FIXTURE = "layout-v2/";
    private static final String FROM = LayoutFixtureWriter.DAYS.get(0);
    private static final String TO = LayoutFixtureWriter.TODAY;
    /** Answers from the stored data (the product and metric lists come from the registry, not the store). */
    private static final List<String> PATHS = List.of(
            "/api/v1/products/demo/summaries?from=" + FROM + "&to=" + TO + "&limit=1000",
            "/api/v1/products/demo/summaries?from=" + FROM + "&to=" + TO + "&channel=dev&limit=1000",
            "/api/v1/products/pulp/summaries?from=" + FROM + "&to=" + TO + "&limit=1000",
            "/api/v1/products/demo/series/users.count?from=" + FROM + "&to=" + TO,
            "/api/v1/products/demo/series/memory.mib?from=" + FROM + "&to=" + TO,
            "/api/v1/products/demo/series/systems?from=" + FROM + "&to=" + TO,
            "/api/v1/products/demo/series/database.engine?from=" + FROM + "&to=" + TO + "&channel=dev",
            "/api/v1/products/demo/series/components.core.xyz?from=" + FROM + "&to=" + TO,
            "/api/v1/products/pulp/series/workers.processes?from=" + FROM + "&to=" + TO,
            "/api/v1/products/pulp/series/systems?from=" + FROM + "&to=" + TO);

    /** The golden files written in this run, with {@code census.updateGolden}: later checks compare with them. */
    private static final java.util.Map<String, String> UPDATED = new java.util.concurrent.ConcurrentHashMap<>();

    private final TestClock clock = TestClock.at(LayoutFixtureWriter.NOW);

    @TempDir
    Path dataDir;

    @Test
    void aDuckDbFileOfTheV2LayoutMigratesLosingNoReportAndAnsweringTheSame() throws Exception {
        try (TestDataSources.TestDataSource v2 = TestDataSources.duckDb(dataDir.resolve(DuckDbReportStore.FILE_NAME))) {
            loadFixture(v2, "duckdb");
        }
        checkMigrated(TestServers.builder(dataDir, clock));
    }

    @Test
    void aPostgresDatabaseOfTheV2LayoutMigratesLosingNoReportAndAnsweringTheSame() throws Exception {
        String url = PostgresServer.newDatabase();
        DatabaseUrl database = DatabaseUrl.parse(url);
        PGSimpleDataSource v2 = new PGSimpleDataSource();
        v2.setUrl(database.jdbcUrl());
        v2.setUser(database.user());
        v2.setPassword(database.password());
        loadFixture(v2, "postgresql", "SELECT setval('report_ids', (SELECT max(id) FROM reports))");
        checkMigrated(TestServers.postgresBuilder(url, clock));
    }

    /** Creates the schema up to V2 as the store's migrations do, then inserts the fixture's rows (and runs the engine's extras). */
    private static void loadFixture(DataSource dataSource, String engine, String... extras) throws IOException, SQLException {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/" + engine).target("2").load().migrate();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : fixture().split(";\n")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            for (String sql : extras) {
                statement.execute(sql);
            }
        }
    }

    private void checkMigrated(CensusServer.Builder builder) throws IOException {
        try (CensusServer server = builder.build().start()) {
            ReportStore store = server.store();
            CensusClient client = new CensusClient(server.port());
            long reports = store.countReports("demo");

            assertGolden("reports.txt", reports(store));
            assertGolden("summaries.txt", summaries(store));
            assertGolden("api.txt", answers(client));

            server.summarizer().summarize(null, LocalDate.parse(TO), true);
            assertThat(store.summarizedDays("pulp")).as("every day summarized again").hasSize(5);
            assertGolden("summaries.txt", summaries(store));
            assertGolden("api.txt", answers(client));

            assertThat(client.postReport(Reports.report().sentAt(TO + "T07:00:00Z").json()).statusCode()).isEqualTo(202);
            assertThat(store.countReports("demo")).as("a new report, with an id after the migrated ones").isEqualTo(reports + 1);
        }
    }

    /** Raw reports per product, day and channel, then each report with its components and metrics. */
    private static List<String> reports(ReportStore store) {
        List<String> lines = new ArrayList<>(StoredRows.query(store,
                "SELECT product, day, channel, count(*) FROM reports GROUP BY product, day, channel"));
        StoredRows.read(store).forEach(row -> lines.add(row.toString()));
        return lines;
    }

    /** Every published row, and which days are summarized, provisionally or not. */
    private static List<String> summaries(ReportStore store) {
        List<String> lines = new ArrayList<>(StoredRows.query(store,
                "SELECT product, day, channel, metric, kind, key, value, systems FROM summaries"));
        lines.addAll(StoredRows.query(store, "SELECT product, day, provisional FROM summarized_days"));
        return lines;
    }

    /** The public API's answers, as JSON and one as CSV, each with its status. */
    private static List<String> answers(CensusClient client) {
        List<String> lines = new ArrayList<>();
        for (String path : PATHS) {
            HttpResponse<String> answer = client.get(path);
            lines.add("GET " + path + " -> " + answer.statusCode());
            lines.add(answer.body());
        }
        lines.add("GET " + PATHS.get(0) + " as CSV");
        lines.add(client.get(PATHS.get(0), "text/csv").body());
        return lines;
    }

    private static void assertGolden(String name, List<String> lines) throws IOException {
        String actual = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("census.updateGolden") && !UPDATED.containsKey(name)) {
            Files.writeString(Path.of("src/test/resources", FIXTURE, name), actual);
            UPDATED.put(name, actual);
        }
        assertThat(actual).as(name).isEqualTo(UPDATED.containsKey(name) ? UPDATED.get(name) : resource(name));
    }

    private static String fixture() throws IOException {
        return resource("fixture.sql");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LayoutMigrationTest.class.getClassLoader().getResourceAsStream(FIXTURE + name)) {
            assertThat(in).as(FIXTURE + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
