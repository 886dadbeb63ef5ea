package dev.census.server.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PostgreSQL's batch writer: ids from the {@code report_ids} sequence (sorted, so the latest report
 * still has the largest id) and one multi-row insert of one row per report, in one transaction per
 * batch on a pooled connection.
 */
final class PostgresReportWriter implements BatchWriter {

    private final Sql sql;
    /** How the last commit (or write probe) went: readiness answers from it. */
    private final WriteHealth health = new WriteHealth(System::nanoTime);

    PostgresReportWriter(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void append(List<StoredReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        try {
            sql.inTransaction(connection -> {
                long[] ids = nextIds(connection, reports.size());
                List<ReportRow> rows = new ArrayList<>(reports.size());
                for (int i = 0; i < ids.length; i++) {
                    rows.add(ReportRow.of(ids[i], reports.get(i)));
                }
                insert(connection, rows);
                RelayRow.insert(connection, RelayRow.of(ids, reports), true);
                return null;
            });
        } catch (StoreUnavailableException e) {
            throw health.failed(e);
        }
        health.succeeded();
    }

    private static long[] nextIds(Connection connection, int count) throws SQLException {
        long[] ids = new long[count];
        try (PreparedStatement statement = Sql.prepare(connection,
                "SELECT nextval('report_ids') FROM generate_series(1, ?)", count);
             ResultSet rows = statement.executeQuery()) {
            for (int i = 0; rows.next(); i++) {
                ids[i] = rows.getLong(1);
            }
        }
        Arrays.sort(ids);
        return ids;
    }

    /**
     * Inserts rows with the ids they carry — one row per report, its components (in {@link ReportRow#COMPONENT_ORDER}, see
     * {@link PostgresLayout}) and metrics in arrays — as one multi-row insert (the driver rewrites the
     * batch), on a connection whose transaction the caller commits.
     */
    static void insert(Connection connection, List<ReportRow> rows) throws SQLException {
        try (PreparedStatement report = connection.prepareStatement("INSERT INTO reports (id, product, system_id, day, channel,"
                + " received_at, " + PostgresLayout.ARRAY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ReportRow row : rows) {
                Sql.bind(report, row.id(), row.product(), row.systemId(), Date.valueOf(row.day()), row.channel(),
                        Timestamp.valueOf(row.receivedAt()));
                List<ReportRow.ComponentColumns> components = row.components();
                int n = components.size();
                String[] names = new String[n];
                String[] versions = new String[n];
                String[] xys = new String[n];
                String[] xyzs = new String[n];
                for (int i = 0; i < n; i++) {
                    ReportRow.ComponentColumns part = components.get(i);
                    names[i] = part.name();
                    versions[i] = part.version();
                    xys[i] = part.xy();
                    xyzs[i] = part.xyz();
                }
                int m = row.metrics().size();
                String[] metricNames = new String[m];
                Double[] nums = new Double[m];
                Short[] buckets = new Short[m];
                String[] txts = new String[m];
                for (int i = 0; i < m; i++) {
                    ReportRow.MetricColumns value = row.metrics().get(i);
                    metricNames[i] = value.name();
                    nums[i] = value.num();
                    buckets[i] = value.bucket();
                    txts[i] = value.txt();
                }
                report.setArray(7, connection.createArrayOf("text", names));
                report.setArray(8, connection.createArrayOf("text", versions));
                report.setArray(9, connection.createArrayOf("text", xys));
                report.setArray(10, connection.createArrayOf("text", xyzs));
                report.setArray(11, connection.createArrayOf("text", metricNames));
                report.setArray(12, connection.createArrayOf("float8", nums));
                report.setArray(13, connection.createArrayOf("int2", buckets));
                report.setArray(14, connection.createArrayOf("text", txts));
                report.addBatch();
            }
            report.executeBatch();
        }
    }

    /**
     * A database round trip while the last commit succeeded; after a failure — at most once a second,
     * else that failure stands — a transaction that is given an id, so it writes a commit record to the
     * WAL and waits for it to reach the disk: a write that changes no table.
     */
    @Override
    public void ping() {
        StoreUnavailableException failure = health.failure();
        if (failure != null && !health.mayRetry()) {
            throw failure;
        }
        try {
            sql.inTransaction(connection -> {
                if (failure == null) {
                    Sql.roundTrip(connection);
                } else {
                    try (PreparedStatement statement = connection.prepareStatement("SELECT txid_current()");
                         ResultSet rows = statement.executeQuery()) {
                        rows.next();
                    }
                }
                return null;
            });
        } catch (StoreUnavailableException e) {
            throw health.failed(e);
        }
        health.succeeded();
    }

    @Override
    public void close() {
        // the pool is the store's to close
    }
}
