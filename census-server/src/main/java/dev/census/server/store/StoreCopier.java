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
 * row counts table by table. Reports are read through the source's layout and written by the
 * target's writer, so the copy holds whatever layout each engine keeps reports in.
 */
public final class StoreCopier {

    /** Rows read and written per statement. */
    static final int BATCH = 5_000;
    /** Report ids per page when reading reports, so DuckDB never materializes a whole table. */
    static final long ID_PAGE = 50_000;

    /** The tables counted before and after; all but {@code reports} are copied row for row. */
    private static final List<String> COUNTED = List.of("reports", "systems", "summaries", "summarized_days");
    private static final List<TableCopy> TABLES = List.of(
            new TableCopy("systems", "product, system_id, first_seen, last_seen"),
            new TableCopy("summaries", "product, day, channel, metric, kind, key, value, systems"),
            new TableCopy("summarized_days", "product, day, computed_at, provisional"));

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
        to.sql.inTransaction(target -> {
            long[] done = {0};
            LongConsumer copied = rows -> progress.accept(done[0] += rows);
            copyReports(from, target, copied);
            try (Connection source = from.sql.dataSource().getConnection()) {
                for (TableCopy table : TABLES) {
                    table.copy(source, target, copied);
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
        for (int i = 0; i < COUNTED.size(); i++) {
            result.add(new TableCount(COUNTED.get(i), source.get(i), target.get(i)));
        }
        return Collections.unmodifiableList(result);
    }

    /** The source's reports, a page of ids at a time, as the target's writer writes them. */
    private static void copyReports(DuckDbReportStore from, Connection target, LongConsumer copied) throws SQLException {
        long max = from.sql.inTransaction(StoreCopier::maxId);
        for (long low = 0; low < max; low += ID_PAGE) {
            List<ReportRow> page = from.readRows(low, Math.min(low + ID_PAGE, max));
            for (int start = 0; start < page.size(); start += BATCH) {
                List<ReportRow> batch = page.subList(start, Math.min(start + BATCH, page.size()));
                PostgresReportWriter.insert(target, batch);
                copied.accept(batch.size());
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

    private static List<Long> counts(EngineStore store) {
        return store.sql.inTransaction(connection -> {
            List<Long> counts = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                for (String table : COUNTED) {
                    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                        rows.next();
                        counts.add(rows.getLong(1));
                    }
                }
            }
            return counts;
        });
    }

    /** How one table without report ids is read and written. */
    private record TableCopy(String name, String columns) {

        void copy(Connection source, Connection target, LongConsumer copied) throws SQLException {
            int width = columns.split(",").length;
            String insert = "INSERT INTO " + name + " (" + columns + ") VALUES (" + "?, ".repeat(width - 1) + "?)";
            try (PreparedStatement into = target.prepareStatement(insert)) {
                copyRows(source, "SELECT " + columns + " FROM " + name, into, width, copied);
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
                    Sql.bind(into, values);
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
