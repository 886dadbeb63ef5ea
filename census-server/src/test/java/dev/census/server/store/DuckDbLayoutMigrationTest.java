package dev.census.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.protocol.Channel;
import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import dev.census.testing.TestDataSources;
import dev.census.testing.TestDataSources.TestDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V3 on DuckDB: a file written in the child-table layout moves to one row per report, losing nothing. */
class DuckDbLayoutMigrationTest {

    private static final LocalDate DAY_1 = LocalDate.parse("2026-03-10");
    private static final LocalDate DAY_2 = DAY_1.plusDays(1);

    @TempDir
    Path dataDir;

    @Test
    void aFileWrittenWithChildTablesMovesToOneRowPerReportWithEveryRowAndAggregateKept() throws SQLException {
        List<ReportRow> written = ReportRow.of(1, fleet());
        List<ReportRow> rowsBefore;
        Map<String, List<String>> aggregatesBefore;
        Map<String, DayAggregator.MetricUsage> usageBefore;
        try (TestDataSource v2 = TestDataSources.duckDb(dataDir.resolve(DuckDbReportStore.FILE_NAME))) {
            Flyway.configure().dataSource(v2).locations("classpath:db/duckdb").target("2").load().migrate();
            writeChildTableRows(v2, written);
            Layout childTables = new ChildTableLayout() {
                @Override
                public String binaryOrder(String column) {
                    return column;
                }
            };
            Sql sql = new Sql(v2);
            rowsBefore = sql.inTransaction(connection -> childTables.readRows(connection, 0, Long.MAX_VALUE));
            SqlDayAggregator aggregator = new SqlDayAggregator(sql, childTables);
            aggregatesBefore = aggregates(aggregator);
            usageBefore = aggregator.metricUsage("pulp");
        }
        assertThat(rowsBefore).isEqualTo(written);

        try (DuckDbReportStore store = DuckDbReportStore.open(dataDir)) {
            assertThat(tables(store)).contains("reports").doesNotContain("report_components", "report_metrics");
            assertThat(store.readRows(0, Long.MAX_VALUE)).isEqualTo(written);
            assertThat(aggregates(store)).isEqualTo(aggregatesBefore);
            assertThat(store.metricUsage("pulp")).isEqualTo(usageBefore);
            assertThat(store.countReports("pulp")).isEqualTo(written.size());
        }
    }

    /** Two days of a small fleet: superseded reports, both channels, prereleases, every kind of value, a bare report. */
    private static List<StoredReport> fleet() {
        List<StoredReport> reports = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID system = new UUID(7, i);
            for (LocalDate day : i % 3 == 0 ? List.of(DAY_1, DAY_2) : List.of(DAY_2)) {
                for (int sent = 0; sent < (i % 4 == 1 ? 2 : 1); sent++) {
                    reports.add(new StoredReport("pulp", system, day, i % 2 == 0 ? Channel.PRODUCTION : Channel.DEV,
                            Instant.parse(day + "T0" + sent + ":00:00Z"),
                            List.of(new Component("core", "3." + (i % 5) + "." + sent), new Component("rpm", i % 2 == 0 ? "3.28.0" : "3.29.0.dev")),
                            Map.of("workers.processes", MetricValue.of(i + sent), "memory.mib", MetricValue.of(1536.5 * i),
                                    "tls.enabled", MetricValue.of(i % 3 == 0), "database.engine", MetricValue.of(i % 2 == 0 ? "postgresql" : "sqlite"))));
                }
            }
        }
        reports.add(new StoredReport("pulp", new UUID(8, 0), DAY_2, Channel.PRODUCTION, Instant.parse(DAY_2 + "T12:00:00Z"),
                List.of(), Map.of()));
        return reports;
    }

    /** What the V1 layout's writers wrote: a reports row, and a row per component and per metric in the child tables. */
    private static void writeChildTableRows(DataSource dataSource, List<ReportRow> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (ReportRow row : rows) {
                Sql.update(connection, "INSERT INTO reports (id, product, system_id, day, channel, received_at) VALUES (?, ?, ?, ?, ?, ?)",
                        row.id(), row.product(), row.systemId(), row.day(), row.channel(), row.receivedAt());
                for (ReportRow.ComponentColumns component : row.components()) {
                    Sql.update(connection, "INSERT INTO report_components (report_id, name, version, xy, xyz) VALUES (?, ?, ?, ?, ?)",
                            row.id(), component.name(), component.version(), component.xy(), component.xyz());
                }
                for (ReportRow.MetricColumns metric : row.metrics()) {
                    Sql.update(connection, "INSERT INTO report_metrics (report_id, name, num, bucket, txt) VALUES (?, ?, ?, ?, ?)",
                            row.id(), metric.name(), metric.num(), metric.bucket(), metric.txt());
                }
            }
        }
    }

    /** Every day's aggregates, for everyone and for persistent systems only, each sorted: engines group in any order. */
    private static Map<String, List<String>> aggregates(DayAggregator aggregator) {
        Map<String, List<String>> all = new TreeMap<>();
        for (LocalDate day : List.of(DAY_1, DAY_2)) {
            for (boolean persistentOnly : List.of(false, true)) {
                DayAggregates aggregates = aggregator.aggregateDay("pulp", day, persistentOnly);
                List<String> lines = new ArrayList<>();
                aggregates.counts().forEach(count -> lines.add(count.toString()));
                aggregates.stats().forEach(stats -> lines.add(stats.toString()));
                all.put(day + (persistentOnly ? " persistent" : ""), lines.stream().sorted().toList());
            }
        }
        return all;
    }

    private static List<String> tables(EngineStore store) {
        return store.sql.inTransaction(connection -> {
            List<String> names = new ArrayList<>();
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT table_name FROM information_schema.tables")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        });
    }
}
