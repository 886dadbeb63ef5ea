package dev.census.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.protocol.Channel;
import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import dev.census.testing.PostgresServer;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL database written in schema version 2 — components and metrics in the child tables —
 * moves to one row per report (V3) losing nothing: every report with its id, and every day's aggregates.
 */
class PostgresOneRowPerReportMigrationTest {

    private static final LocalDate FIRST = LocalDate.parse("2026-03-08");

    @Test
    void aDatabaseWithChildTablesMigratesToOneRowPerReportWithEveryReportAndEveryDaysAggregatesIntact() throws SQLException {
        DatabaseUrl url = DatabaseUrl.parse(PostgresServer.newDatabase());
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url.jdbcUrl());
        dataSource.setUser(url.user());
        dataSource.setPassword(url.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/postgresql").target("2").load().migrate();
        List<ReportRow> written = fleet();
        Sql sql = new Sql(dataSource);
        sql.inTransaction(connection -> {
            insertIntoChildTables(connection, written);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT setval('report_ids', " + written.size() + ")");
            }
            return null;
        });
        Layout childTables = new ChildTableLayout() {
            @Override
            public String binaryOrder(String column) {
                return column + " COLLATE \"C\"";
            }
        };
        SqlDayAggregator before = new SqlDayAggregator(sql, childTables);
        Map<String, List<String>> aggregatesBefore = aggregates(before);
        Map<String, DayAggregator.MetricUsage> usageBefore = before.metricUsage("demo");
        List<ReportRow> rowsBefore = sql.inTransaction(connection -> childTables.readRows(connection, 0, Long.MAX_VALUE));

        try (PostgresReportStore store = PostgresReportStore.open(url)) {
            assertThat(tables(sql)).contains("reports").doesNotContain("report_components", "report_metrics");
            assertThat(sorted(store.readRows(0, Long.MAX_VALUE))).isEqualTo(sorted(rowsBefore));
            assertThat(aggregates(store)).isEqualTo(aggregatesBefore);
            assertThat(store.metricUsage("demo")).isEqualTo(usageBefore);

            store.append(List.of(new StoredReport("demo", UUID.randomUUID(), FIRST, Channel.PRODUCTION, Instant.parse(FIRST + "T23:00:00Z"),
                    List.of(new Component("core", "3.49.1")), Map.of())));
            assertThat(StoredRows.read(store)).last().satisfies(row -> assertThat(row.id()).isGreaterThan(written.size()));
        }
    }

    /** Three days of a small fleet: superseded reports, a component listed twice, dev versions, every kind of metric. */
    private static List<ReportRow> fleet() {
        List<ReportRow> rows = new ArrayList<>();
        List<UUID> systems = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            systems.add(new UUID(0x5eed, i));
        }
        for (int d = 0; d < 3; d++) {
            LocalDate day = FIRST.plusDays(d);
            for (int i = d; i < systems.size(); i++) {
                for (int again = 0; again < (i % 4 == 0 ? 2 : 1); again++) {
                    boolean dev = i % 3 == 0;
                    List<Component> components = new ArrayList<>(List.of(new Component("core", "3." + (i + again) % 5 + "." + d),
                            new Component("rpm", dev ? "4.18.0a" + i : "4.18." + i % 2)));
                    if (i % 5 == 0) { // the same name twice or three times: once per system, per X.Y and per X.Y.Z
                        components.add(new Component("core", dev ? "nightly" : "3." + (i + again) % 5 + ".9"));
                        components.add(components.get(0));
                    }
                    Map<String, MetricValue> metrics = new LinkedHashMap<>();
                    metrics.put("users.count", MetricValue.of(i * 3 - 4 + again));
                    metrics.put("memory.mib", MetricValue.of(0.5 * (1 << i)));
                    metrics.put("tls.enabled", MetricValue.of(i % 2 == 0));
                    if (i % 2 == 1) {
                        metrics.put("database.engine", MetricValue.of(i % 3 == 1 ? "postgresql" : "sqlite"));
                    }
                    StoredReport report = new StoredReport("demo", systems.get(i), day, dev ? Channel.DEV : Channel.PRODUCTION,
                            Instant.parse(day + "T1" + again + ":00:00Z"), components, metrics);
                    rows.add(ReportRow.of(rows.size() + 1, report));
                }
            }
        }
        return rows;
    }

    /** What the V2 writer did: the report's row, then one row per component and per metric. */
    private static void insertIntoChildTables(Connection connection, List<ReportRow> rows) throws SQLException {
        try (PreparedStatement report = connection.prepareStatement(
                     "INSERT INTO reports (id, product, system_id, day, channel, received_at) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement component = connection.prepareStatement(
                     "INSERT INTO report_components (report_id, name, version, xy, xyz) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement metric = connection.prepareStatement(
                     "INSERT INTO report_metrics (report_id, name, num, bucket, txt) VALUES (?, ?, ?, ?, ?)")) {
            for (ReportRow row : rows) {
                Sql.bind(report, row.id(), row.product(), row.systemId(), Date.valueOf(row.day()), row.channel(),
                        Timestamp.valueOf(row.receivedAt()));
                report.executeUpdate();
                for (ReportRow.ComponentColumns part : row.components()) {
                    Sql.bind(component, row.id(), part.name(), part.version(), part.xy(), part.xyz());
                    component.executeUpdate();
                }
                for (ReportRow.MetricColumns value : row.metrics()) {
                    metric.setLong(1, row.id());
                    metric.setString(2, value.name());
                    metric.setObject(3, value.num(), Types.DOUBLE);
                    metric.setObject(4, value.bucket(), Types.SMALLINT);
                    metric.setString(5, value.txt());
                    metric.executeUpdate();
                }
            }
        }
    }

    /** Every day's aggregates, all systems and persistent ones only, each as sorted lines. */
    private static Map<String, List<String>> aggregates(DayAggregator aggregator) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (int d = 0; d < 3; d++) {
            for (boolean persistentOnly : List.of(false, true)) {
                DayAggregates day = aggregator.aggregateDay("demo", FIRST.plusDays(d), persistentOnly);
                List<String> lines = new ArrayList<>();
                day.counts().forEach(count -> lines.add(count.toString()));
                day.stats().forEach(stats -> lines.add(stats.toString()));
                all.put(FIRST.plusDays(d) + (persistentOnly ? " persistent" : " all"), lines.stream().sorted().toList());
            }
        }
        return all;
    }

    /** Rows with their components and metrics in one order: neither layout keeps the order they were sent in. */
    private static List<ReportRow> sorted(List<ReportRow> rows) {
        return rows.stream().map(row -> new ReportRow(row.id(), row.product(), row.systemId(), row.day(), row.channel(), row.receivedAt(),
                row.components().stream().sorted(Comparator.comparing(ReportRow.ComponentColumns::toString)).toList(),
                row.metrics().stream().sorted(Comparator.comparing(ReportRow.MetricColumns::name)).toList())).toList();
    }

    private static List<String> tables(Sql sql) {
        return sql.inTransaction(connection -> {
            List<String> names = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }
}
