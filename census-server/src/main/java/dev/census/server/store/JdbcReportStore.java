package dev.census.server.store;

import dev.census.registry.ValueRange;
import dev.census.server.vocabulary.FleetBucket;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The SQL both engines share: deletion, the day's aggregation, summaries and retention. Engines
 * differ only in how a batch of reports is appended and in how text sorts.
 */
abstract class JdbcReportStore implements ReportStore {

    /**
     * The reports that count for one product and day — the latest of each system — with what the
     * permanent systems table says of each, materialized once per day's aggregation so that every
     * query below reads them instead of finding the latest reports again.
     */
    private static final String DAY_REPORTS = """
            CREATE TEMPORARY TABLE census_day_reports AS
            SELECT r.id, r.system_id, r.channel, CAST(? AS DATE) - s.first_seen AS age
            FROM reports r
            JOIN (SELECT max(id) AS id FROM reports WHERE product = ? AND day = ? GROUP BY system_id) latest ON r.id = latest.id
            JOIN systems s ON s.product = r.product AND s.system_id = r.system_id
            """;

    /**
     * Statistics per channel and metric over values clipped to ±2^53 ({@link ValueRange#LIMIT}, which
     * no registry range exceeds), so no stored finite number can overflow a sum, an average
     * (PostgreSQL's avg also sums squares) or a percentile's interpolation; the last column counts the
     * values that were clipped (NaN, were one ever written, counts as clipped and reads as the limit).
     */
    private static final String STATS = """
            SELECT channel, name, count(*), avg(v), min(v),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY v), percentile_cont(0.9) WITHIN GROUP (ORDER BY v), max(v),
                   count(*) - count(*) FILTER (WHERE num BETWEEN -LIMIT AND LIMIT)
            FROM (SELECT d.channel, m.name, m.num, least(greatest(m.num, -LIMIT), LIMIT) AS v %s) clipped
            GROUP BY channel, name
            """.replace("LIMIT", "CAST(" + (long) ValueRange.LIMIT + " AS FLOAT8)");

    protected final DataSource dataSource;
    /** How the last commit (or write probe) went: readiness answers from it. */
    final WriteHealth health = new WriteHealth(System::nanoTime);
    private final Map<String, java.util.concurrent.Semaphore> jobs = new java.util.concurrent.ConcurrentHashMap<>();

    JdbcReportStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the batch's rows on a connection whose transaction the caller commits. */
    abstract void insertBatch(Connection connection, List<StoredReport> reports) throws SQLException;

    /** An ORDER BY term that sorts text by code point on this engine. */
    abstract String binaryOrder(String column);

    /** In-process exclusion: enough for an engine that one process owns; shared databases override it. */
    @Override
    public boolean runExclusive(String job, Runnable work) {
        java.util.concurrent.Semaphore running = jobs.computeIfAbsent(job, name -> new java.util.concurrent.Semaphore(1));
        if (!running.tryAcquire()) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            running.release();
        }
    }

    /** One transaction of batched inserts: all or nothing. */
    @Override
    public void append(List<StoredReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        try {
            inTransaction(connection -> {
                insertBatch(connection, reports);
                return null;
            });
        } catch (StoreUnavailableException e) {
            throw health.failed(e);
        }
        health.succeeded();
    }

    /**
     * A database round trip while the last commit succeeded; after a failure — at most once a second,
     * else that failure stands — a transaction that must write to commit: {@link #writeProbe}.
     */
    @Override
    public void checkWritable() {
        StoreUnavailableException failure = health.failure();
        if (failure != null && !health.mayRetry()) {
            throw failure;
        }
        try {
            inTransaction(connection -> {
                if (failure == null) {
                    roundTrip(connection);
                } else {
                    writeProbe(connection);
                }
                return null;
            });
        } catch (StoreUnavailableException e) {
            throw health.failed(e);
        }
        health.succeeded();
    }

    /** Makes the probe's transaction write something durable that leaves no trace; by default only a round trip. */
    void writeProbe(Connection connection) throws SQLException {
        roundTrip(connection);
    }

    static void roundTrip(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    @Override
    public int deleteSystem(String product, UUID systemId) {
        return inTransaction(connection -> {
            int removed = 0;
            for (String child : List.of("report_components", "report_metrics")) {
                removed += update(connection, "DELETE FROM " + child
                        + " WHERE report_id IN (SELECT id FROM reports WHERE product = ? AND system_id = ?)", product, systemId);
            }
            removed += update(connection, "DELETE FROM reports WHERE product = ? AND system_id = ?", product, systemId);
            removed += update(connection, "DELETE FROM systems WHERE product = ? AND system_id = ?", product, systemId);
            return removed;
        });
    }

    @Override
    public Optional<LocalDate> earliestRawDay(String product) {
        return inTransaction(connection -> {
            try (PreparedStatement statement = prepare(connection, "SELECT min(day) FROM reports WHERE product = ?", product);
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                Date day = rows.getDate(1);
                return Optional.ofNullable(day).map(Date::toLocalDate);
            }
        });
    }

    @Override
    public Set<LocalDate> summarizedDays(String product) {
        return inTransaction(connection -> {
            Set<LocalDate> days = new HashSet<>();
            try (PreparedStatement statement = prepare(connection, "SELECT day FROM summarized_days WHERE product = ?", product);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    days.add(rows.getDate(1).toLocalDate());
                }
            }
            return days;
        });
    }

    @Override
    public DayAggregates aggregateDay(String product, LocalDate day, boolean persistentOnly) {
        return inTransaction(connection -> {
            foldSystems(connection, product, day);
            Date sqlDay = Date.valueOf(day);
            update(connection, "DROP TABLE IF EXISTS census_day_reports");
            update(connection, DAY_REPORTS, sqlDay, product, sqlDay);
            afterDayReports(connection);
            List<DayAggregates.Count> counts = new ArrayList<>();
            collectCounts(connection, counts, DayAggregates.Family.FLEET,
                    "SELECT channel, '" + FleetBucket.ACTIVE_1D.wireName() + "', '', count(*) FROM census_day_reports GROUP BY channel");
            for (FleetBucket window : List.of(FleetBucket.ACTIVE_7D, FleetBucket.ACTIVE_28D)) {
                collectCounts(connection, counts, DayAggregates.Family.FLEET,
                        "SELECT channel, '" + window.wireName() + "', '', count(DISTINCT system_id) FROM reports"
                                + " WHERE product = ? AND day BETWEEN ? AND ? GROUP BY channel",
                        product, Date.valueOf(day.minusDays(window.days() - 1)), sqlDay);
            }
            collectCounts(connection, counts, DayAggregates.Family.FLEET,
                    "SELECT channel, '" + FleetBucket.NEW.wireName() + "', '', count(*) FROM census_day_reports WHERE age = 0 GROUP BY channel");
            collectCounts(connection, counts, DayAggregates.Family.AGE,
                    "SELECT channel, 'age', CAST(age AS VARCHAR), count(*) FROM census_day_reports GROUP BY channel, age");
            long[] ids = idRange(connection);
            String counted = (persistentOnly ? " AND d.age > 0" : "") + " AND %s BETWEEN " + ids[0] + " AND " + ids[1];
            collectComponents(connection, counts, "SELECT d.channel, c.name, c.xy, c.xyz, count(DISTINCT d.system_id)"
                    + " FROM report_components c JOIN census_day_reports d ON c.report_id = d.id WHERE TRUE"
                    + counted.formatted("c.report_id")
                    + " GROUP BY GROUPING SETS ((d.channel, c.name), (d.channel, c.name, c.xy), (d.channel, c.name, c.xyz))");
            String metrics = " FROM report_metrics m JOIN census_day_reports d ON m.report_id = d.id WHERE m.%s IS NOT NULL"
                    + counted.formatted("m.report_id");
            collectCounts(connection, counts, DayAggregates.Family.NUMBER_BUCKET,
                    "SELECT d.channel, m.name, CAST(m.bucket AS VARCHAR), count(*)" + metrics.formatted("num")
                            + " GROUP BY d.channel, m.name, m.bucket");
            collectCounts(connection, counts, DayAggregates.Family.TEXT,
                    "SELECT d.channel, m.name, m.txt, count(*)" + metrics.formatted("txt") + " GROUP BY d.channel, m.name, m.txt");
            List<DayAggregates.Stats> stats = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, STATS.formatted(metrics.formatted("num")));
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stats.add(new DayAggregates.Stats(rows.getString(1), rows.getString(2), rows.getLong(3),
                            rows.getDouble(4), rows.getDouble(5), rows.getDouble(6), rows.getDouble(7), rows.getDouble(8),
                            rows.getLong(9)));
                }
            }
            update(connection, "DROP TABLE census_day_reports");
            return new DayAggregates(counts, stats);
        });
    }

    /**
     * The day's report ids lie in one range (ids grow with arrival): bounding child rows by it lets
     * PostgreSQL read only that range of the report_id index instead of every kept day.
     */
    private static long[] idRange(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(min(id), 0), coalesce(max(id), -1) FROM census_day_reports")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    /** Records the day's reporters in the permanent first/last-seen table. */
    private void foldSystems(Connection connection, String product, LocalDate day) throws SQLException {
        Date sqlDay = Date.valueOf(day);
        update(connection, """
                INSERT INTO systems (product, system_id, first_seen, last_seen)
                SELECT DISTINCT product, system_id, day, day FROM reports WHERE product = ? AND day = ?
                ON CONFLICT (product, system_id) DO UPDATE SET
                    first_seen = LEAST(systems.first_seen, excluded.first_seen),
                    last_seen = GREATEST(systems.last_seen, excluded.last_seen)
                """, product, sqlDay);
        afterFold(connection);
    }

    /** Runs after the day's systems were folded, in the same transaction: engines refresh planner statistics here. */
    void afterFold(Connection connection) throws SQLException {
    }

    /** Runs after the day's reports were materialized, in the same transaction: engines refresh planner statistics here. */
    void afterDayReports(Connection connection) throws SQLException {
    }

    /**
     * Systems per component, per X.Y and per X.Y.Z from one join of the day's component rows: a
     * grouping set leaves the columns it does not group by null (both version columns are never
     * null in the table), which says which family a row belongs to.
     */
    private void collectComponents(Connection connection, List<DayAggregates.Count> into, String sql) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String xy = rows.getString(3);
                String xyz = rows.getString(4);
                DayAggregates.Family family = xy != null ? DayAggregates.Family.COMPONENT_XY
                        : xyz != null ? DayAggregates.Family.COMPONENT_XYZ : DayAggregates.Family.COMPONENT;
                String key = xy != null ? xy : xyz != null ? xyz : "";
                into.add(new DayAggregates.Count(rows.getString(1), family, rows.getString(2), key, rows.getLong(5)));
            }
        }
    }

    private void collectCounts(Connection connection, List<DayAggregates.Count> into, DayAggregates.Family family,
            String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                into.add(new DayAggregates.Count(rows.getString(1), family, rows.getString(2), rows.getString(3), rows.getLong(4)));
            }
        }
    }

    @Override
    public void replaceSummaries(String product, LocalDate day, List<SummaryRow> rows, boolean provisional) {
        inTransaction(connection -> {
            Date sqlDay = Date.valueOf(day);
            update(connection, "DELETE FROM summaries WHERE product = ? AND day = ?", product, sqlDay);
            update(connection, "DELETE FROM summarized_days WHERE product = ? AND day = ?", product, sqlDay);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO summaries (product, day, channel, metric, kind, key, value, systems) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (SummaryRow row : rows) {
                    bind(insert, product, sqlDay, row.channel(), row.metric(), row.kind(), row.key(), row.value(), row.systems());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            update(connection, "INSERT INTO summarized_days (product, day, computed_at, provisional) VALUES (?, ?, ?, ?)",
                    product, sqlDay, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)), provisional);
            return null;
        });
    }

    @Override
    public Set<LocalDate> provisionalDays(String product) {
        return inTransaction(connection -> {
            Set<LocalDate> days = new HashSet<>();
            try (PreparedStatement statement = prepare(connection,
                    "SELECT day FROM summarized_days WHERE product = ? AND provisional", product);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    days.add(rows.getDate(1).toLocalDate());
                }
            }
            return days;
        });
    }

    @Override
    public String summaryStamp(String product) {
        return inTransaction(connection -> {
            try (PreparedStatement statement = prepare(connection,
                    "SELECT count(*), max(computed_at) FROM summarized_days WHERE product = ?", product);
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) + "/" + rows.getTimestamp(2);
            }
        });
    }

    @Override
    public Map<LocalDate, String> summaryVersions(String product) {
        return inTransaction(connection -> {
            Map<LocalDate, String> versions = new TreeMap<>();
            try (PreparedStatement statement = prepare(connection,
                    "SELECT day, computed_at, provisional FROM summarized_days WHERE product = ?", product);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getDate(1).toLocalDate(), rows.getTimestamp(2) + (rows.getBoolean(3) ? "/provisional" : ""));
                }
            }
            return versions;
        });
    }

    @Override
    public List<SummaryRow> readSummaries(SummaryQuery query) {
        StringBuilder sql = new StringBuilder(
                "SELECT day, channel, metric, kind, key, value, systems FROM summaries"
                        + " WHERE product = ? AND channel = ? AND day BETWEEN ? AND ?");
        List<Object> parameters = new ArrayList<>(List.of(query.product(), query.channel(),
                Date.valueOf(query.from()), Date.valueOf(query.to())));
        if (query.metric() != null) {
            sql.append(" AND metric = ?");
            parameters.add(query.metric());
        }
        SummaryRow after = query.after();
        if (after != null) {
            sql.append(" AND (day > ? OR (day = ? AND (").append(binaryOrder("metric")).append(" > ? OR (metric = ? AND (")
                    .append(binaryOrder("kind")).append(" > ? OR (kind = ? AND ").append(binaryOrder("key")).append(" > ?))))))");
            Date afterDay = Date.valueOf(after.day());
            parameters.addAll(List.of(afterDay, afterDay, after.metric(), after.metric(), after.kind(), after.kind(), after.key()));
        }
        sql.append(" ORDER BY day, ").append(binaryOrder("metric")).append(", ").append(binaryOrder("kind"))
                .append(", ").append(binaryOrder("key")).append(" LIMIT ").append(query.limit());
        return inTransaction(connection -> {
            List<SummaryRow> rows = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, sql.toString(), parameters.toArray());
                 ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    double value = result.getDouble(6);
                    Double boxed = result.wasNull() ? null : value;
                    rows.add(new SummaryRow(result.getDate(1).toLocalDate(), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), boxed, result.getLong(7)));
                }
            }
            return rows;
        });
    }

    @Override
    public int deleteReportsBefore(LocalDate cutoff) {
        return deleteReportsWhere("day < ?", Date.valueOf(cutoff));
    }

    @Override
    public int compactBefore(LocalDate day) {
        return deleteReportsWhere("day < ? AND id NOT IN (SELECT max(id) FROM reports GROUP BY product, system_id, day)",
                Date.valueOf(day));
    }

    private int deleteReportsWhere(String condition, Object... parameters) {
        return inTransaction(connection -> {
            for (String child : List.of("report_components", "report_metrics")) {
                update(connection, "DELETE FROM " + child + " WHERE report_id IN (SELECT id FROM reports WHERE "
                        + condition + ")", parameters);
            }
            return update(connection, "DELETE FROM reports WHERE " + condition, parameters);
        });
    }

    @Override
    public Map<String, MetricUsage> metricUsage(String product) {
        return inTransaction(connection -> {
            Map<String, MetricUsage> usage = new TreeMap<>();
            try (PreparedStatement statement = prepare(connection, "SELECT m.name, max(r.day), count(*) FROM report_metrics m"
                    + " JOIN reports r ON m.report_id = r.id WHERE r.product = ? GROUP BY m.name", product);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    usage.put(rows.getString(1), new MetricUsage(rows.getDate(2).toLocalDate(), rows.getLong(3)));
                }
            }
            return usage;
        });
    }

    @Override
    public long countReports(String product) {
        return inTransaction(connection -> {
            try (PreparedStatement statement = prepare(connection, "SELECT count(*) FROM reports WHERE product = ?", product);
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public java.util.SortedSet<String> products() {
        return inTransaction(connection -> {
            java.util.SortedSet<String> products = new java.util.TreeSet<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT product FROM reports UNION "
                    + "SELECT product FROM systems UNION SELECT product FROM summaries");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    products.add(rows.getString(1));
                }
            }
            return products;
        });
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T inTransaction(TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // a broken connection: the pool discards it on close
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("database error: " + e.getMessage(), e);
        }
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, parameters);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }
}
