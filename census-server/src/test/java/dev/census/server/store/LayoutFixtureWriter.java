package dev.census.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.protocol.Channel;
import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import dev.census.server.CensusServer;
import dev.census.server.testing.PulpPayloads;
import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.Fleet;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import dev.census.testing.TestDataSources;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes {@link LayoutMigrationTest}'s fixture: a small fleet stored through the server and the store
 * by the code of the V2 layout (reports with report_components and report_metrics), dumped as INSERT
 * statements both engines run. It reads the V2 child tables, so it runs only on that code; run with
 * {@code -Dtest=LayoutFixtureWriter -Dcensus.layoutFixture=census-server/src/test/resources/layout-v2}.
 */
@EnabledIfSystemProperty(named = "census.layoutFixture", matches = ".+")
class LayoutFixtureWriter {

    static final List<String> DAYS = List.of("2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10");
    static final String TODAY = "2026-03-11";
    /** The fixture's clock: today's summary is provisional, the four days before are final. */
    static final String NOW = TODAY + "T08:00:00Z";

    /** The tables of the V1 + V2 layout, each with the order its rows are dumped in. */
    private static final Map<String, String> TABLES = new java.util.LinkedHashMap<>();

    static {
        TABLES.put("reports (id, product, system_id, day, channel, received_at)", "id");
        TABLES.put("report_components (report_id, name, version, xy, xyz)", "report_id, name");
        TABLES.put("report_metrics (report_id, name, num, bucket, txt)", "report_id, name");
        TABLES.put("systems (product, system_id, first_seen, last_seen)", "product, system_id");
        TABLES.put("summaries (product, day, channel, metric, kind, key, value, systems)", "product, day, channel, metric, kind, key");
        TABLES.put("summarized_days (product, day, computed_at, provisional)", "product, day");
    }

    @TempDir
    Path dataDir;

    @Test
    void writeTheFixture() throws IOException, SQLException, InterruptedException {
        TestClock clock = TestClock.at(DAYS.get(0) + "T09:00:00Z");
        try (CensusServer server = TestServers.builder(dataDir, clock).build().start()) {
            CensusClient client = new CensusClient(server.port());
            postPulp(server, client, clock);
            clock.set(Instant.parse(NOW));
            List<String> demo = new ArrayList<>(Fleet.reports(25, DAYS, 13));
            demo.addAll(Fleet.reports(6, List.of(TODAY), 14).stream().map(body -> body.replace("T10:00", "T07:00")
                    .replace("T11:00", "T07:30")).toList());
            demo.addAll(pluginReports());
            for (String body : demo) {
                assertThat(client.postReport(body).statusCode()).as(body).isEqualTo(202);
            }
            server.store().append(storedBeforeRangesExisted());
            server.summarizer().summarize(null, LocalDate.parse(TODAY), false);
        }
        dump(Path.of(System.getProperty("census.layoutFixture")).resolve("fixture.sql"));
    }

    /** Pulp's protobuf at {@code /}, on the day the clock says: three eras, newcomers, systems sending twice a day. */
    private static void postPulp(CensusServer server, CensusClient client, TestClock clock) throws IOException, InterruptedException {
        Random random = new Random(21);
        List<UUID> systems = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            systems.add(new UUID(random.nextLong(), random.nextLong()));
        }
        String[] cores = {"3.21.4", "3.22.0", "3.23.1", "3.49.0", "3.50.0.dev"};
        for (String day : DAYS) {
            for (int i = 0; i < systems.size(); i++) {
                if (i >= 12 + 2 * DAYS.indexOf(day) || random.nextInt(8) == 0) {
                    continue; // not installed yet, or skipped the day
                }
                int sends = random.nextInt(4) == 0 ? 2 : 1;
                for (int send = 0; send < sends; send++) {
                    clock.set(Instant.parse(day + "T09:00:00Z").plus(Duration.ofMinutes(90L * send + i)));
                    String core = cores[i % cores.length];
                    byte[] body = (switch (i % 3) {
                        case 0 -> PulpPayloads.pulp321(systems.get(i), core, 1 + random.nextInt(8), 1 + random.nextInt(2));
                        case 1 -> PulpPayloads.pulp322(systems.get(i), core, 1 + random.nextInt(16), 130000 + random.nextInt(30000));
                        default -> PulpPayloads.pulp323(systems.get(i), core, 1 + random.nextInt(64), 150004, random.nextInt(500));
                    }).build().toByteArray();
                    int status = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/"))
                            .header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()).statusCode();
                    assertThat(status).as("Pulp post").isEqualTo(200);
                }
            }
        }
        assertThat(server.store().countReports("pulp")).isPositive();
    }

    /** Demo installations with plugins and the count metrics, some sending twice a day, one with a proposed metric (dropped). */
    private static List<String> pluginReports() {
        Random random = new Random(5);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID system = new UUID(random.nextLong(), random.nextLong());
            for (String day : DAYS.subList(i % 2, DAYS.size())) {
                for (int send = 0; send < 1 + (i % 3 == 0 ? 1 : 0); send++) {
                    bodies.add(Reports.report().system(system).sentAt(day + "T2" + send + ":15:00Z")
                            .channel(i == 7 ? "dev" : "production")
                            .component("core", "3.49." + (i % 3)).component("rpm", "3.18." + random.nextInt(3))
                            .component(i % 2 == 0 ? "container" : "python", i == 7 ? "2.20.0.dev" : "2.19." + i)
                            .metric("workers.processes", String.valueOf(random.nextInt(40)))
                            .metric("content_apps.processes", String.valueOf(random.nextInt(9)))
                            .metric("repositories.count", String.valueOf(random.nextInt(900)))
                            .metric("tls.enabled", String.valueOf(i % 4 != 1))
                            .json());
                }
            }
        }
        return bodies;
    }

    /**
     * Rows the registry's ranges would refuse today, as a store written before they existed holds
     * them — huge and negative numbers, a text with a quote — and a product no longer in the registry.
     * Each metric's values sum exactly in any order (its mean is a floating-point sum in row order,
     * which differs in the last bits between engines otherwise): the huge ones go to a metric no
     * other report of the day carries.
     */
    private static List<StoredReport> storedBeforeRangesExisted() {
        List<StoredReport> reports = new ArrayList<>();
        Instant at = Instant.parse(NOW);
        double[] hosts = {1e308, Double.MAX_VALUE, -4, 8};
        double[] memory = {-Double.MAX_VALUE, 512, 1024, 2048};
        double[] users = {0.5, -3, 7, 12};
        for (int i = 0; i < 4; i++) {
            reports.add(new StoredReport("demo", new UUID(7, i), LocalDate.parse(DAYS.get(2)), Channel.PRODUCTION, at,
                    List.of(new Component("core", "3.49.1")),
                    Map.of("workers.hosts", MetricValue.of(hosts[i]), "memory.mib", MetricValue.of(memory[i]),
                            "users.count", MetricValue.of(users[i]),
                            "database.engine", MetricValue.of(i == 3 ? "o'reilly — ä" : "postgresql"),
                            "tls.enabled", MetricValue.of(i % 2 == 0))));
        }
        for (String day : DAYS.subList(0, 2)) {
            for (int i = 0; i < 3; i++) {
                reports.add(new StoredReport("retired", new UUID(9, i), LocalDate.parse(day), i == 2 ? Channel.DEV : Channel.PRODUCTION,
                        at, List.of(new Component("core", "1.2." + i), new Component("extra", "0.9.0.dev")),
                        Map.of("widgets.count", MetricValue.of(i * 1000L), "mode", MetricValue.of("fast"))));
            }
        }
        return reports;
    }

    /** Every row of every table as one INSERT statement per 100 rows, values as string literals both engines cast. */
    private void dump(Path out) throws IOException, SQLException {
        StringBuilder sql = new StringBuilder("-- The V1 + V2 layout's rows of a small fleet, written by LayoutFixtureWriter.\n");
        try (TestDataSources.TestDataSource database = TestDataSources.duckDb(dataDir.resolve(DuckDbReportStore.FILE_NAME));
             Connection connection = database.getConnection();
             Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                String name = table.getKey().substring(0, table.getKey().indexOf(' '));
                String columns = table.getKey().substring(name.length() + 1);
                try (ResultSet rows = statement.executeQuery("SELECT " + columns.substring(1, columns.length() - 1)
                        + " FROM " + name + " ORDER BY " + table.getValue())) {
                    ResultSetMetaData meta = rows.getMetaData();
                    int count = 0;
                    while (rows.next()) {
                        sql.append(count % 100 == 0 ? (count == 0 ? "" : ";\n") + "INSERT INTO " + table.getKey() + " VALUES\n" : ",\n");
                        sql.append('(');
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            Object value = rows.getObject(column);
                            sql.append(column > 1 ? ", " : "").append(literal(value));
                        }
                        sql.append(')');
                        count++;
                    }
                    if (count > 0) {
                        sql.append(";\n");
                    }
                }
            }
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, sql);
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof Integer || value instanceof Short) {
            return value.toString().toUpperCase(java.util.Locale.ROOT);
        }
        String text = value instanceof Double number ? Double.toString(number) : value.toString();
        return "'" + text.replace("'", "''") + "'";
    }
}
