package dev.census.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Copies an embedded installation's data — raw reports with their components and metrics, the
 * first/last-seen table and the published summaries — into an empty PostgreSQL store, in one
 * transaction, keeping report ids (they decide which report of a day is the latest), then compares
 * row counts table by table.
 */
public final class StoreCopier {

    /** Rows read and written per statement. */
    static final int BATCH = 5_000;
    /** Report ids per page when reading the report tables, so DuckDB never materializes a whole table. */
    static final long ID_PAGE = 50_000;

    private static final List<TableCopy> TABLES = List.of(
            new TableCopy("reports", "id", "id, product, system_id, day, channel, received_at"),
            new TableCopy("report_components", "report_id", "report_id, name, version, xy, xyz"),
            new TableCopy("report_metrics", "report_id", "report_id, name, num, bucket, txt"),
            new TableCopy("systems", null, "product, system_id, first_seen, last_seen"),
            new TableCopy("summaries", null, "product, day, channel, metric, kind, key, value, systems"),
            new TableCopy("summarized_days", null, "product, day, computed_at, provisional"));

    private StoreCopier() {
    }

    /** One table's rows in the source and, after the copy, in the target. */
    public record TableCount(String table, long source, long target) {
        public boolean matches() {
            return source == target;
        }
    }

    /** Rows in the source that the copy will read: the total for a progress bar. */
    public static long rowsToCopy(DuckDbReportStore from) {
        return counts(from).stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Copies everything, reporting rows copied so far to {@code progress}; returns the counts to verify.
     * Refuses a target that already holds reports, systems or summaries.
     */
    public static List<TableCount> copy(DuckDbReportStore from, PostgresReportStore to, LongConsumer progress) {
        if (counts(to).stream().anyMatch(rows -> rows > 0)) {
            throw new IllegalStateException("the target database already holds Census data: migrate into an empty database");
        }
        to.inTransaction(target -> {
            long[] done = {0};
            try (Connection source = from.dataSource.getConnection()) {
                for (TableCopy table : TABLES) {
                    table.copy(source, target, rows -> progress.accept(done[0] += rows));
                }
            }
            try (Statement statement = target.createStatement()) {
                statement.execute("SELECT setval('report_ids', (SELECT coalesce(max(id), 0) + 1 FROM reports), false)");
            }
            return null;
        });
        List<Long> source = counts(from);
        List<Long> target = counts(to);
        List<TableCount> result = new ArrayList<>();
        for (int i = 0; i < TABLES.size(); i++) {
            result.add(new TableCount(TABLES.get(i).name(), source.get(i), target.get(i)));
        }
        return Collections.unmodifiableList(result);
    }

    private static List<Long> counts(JdbcReportStore store) {
        return store.inTransaction(connection -> {
            List<Long> counts = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                for (TableCopy table : TABLES) {
                    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table.name())) {
                        rows.next();
                        counts.add(rows.getLong(1));
                    }
                }
            }
            return counts;
        });
    }

    /** How one table is read (in pages of report ids when it has them) and written. */
    private record TableCopy(String name, String idColumn, String columns) {

        void copy(Connection source, Connection target, LongConsumer copied) throws SQLException {
            int width = columns.split(",").length;
            String insert = "INSERT INTO " + name + " (" + columns + ") VALUES (" + "?, ".repeat(width - 1) + "?)";
            try (PreparedStatement into = target.prepareStatement(insert)) {
                if (idColumn == null) {
                    copyRows(source, "SELECT " + columns + " FROM " + name, into, width, copied);
                    return;
                }
                long max = maxId(source);
                for (long low = 0; low < max; low += ID_PAGE) {
                    copyRows(source, "SELECT " + columns + " FROM " + name + " WHERE " + idColumn + " > " + low
                            + " AND " + idColumn + " <= " + (low + ID_PAGE), into, width, copied);
                }
            }
        }

        private static long maxId(Connection source) throws SQLException {
            try (Statement statement = source.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT coalesce(max(id), 0) FROM reports")) {
                rows.next();
                return rows.getLong(1);
            }
        }

        private static void copyRows(Connection source, String select, PreparedStatement into, int width, LongConsumer copied)
                throws SQLException {
            int pending = 0;
            try (Statement statement = source.createStatement(); ResultSet rows = statement.executeQuery(select)) {
                while (rows.next()) {
                    Object[] values = new Object[width];
                    for (int i = 0; i < width; i++) {
                        values[i] = rows.getObject(i + 1);
                    }
                    JdbcReportStore.bind(into, values);
                    into.addBatch();
                    if (++pending == BATCH) {
                        into.executeBatch();
                        copied.accept(pending);
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                into.executeBatch();
                copied.accept(pending);
            }
        }
    }
}
