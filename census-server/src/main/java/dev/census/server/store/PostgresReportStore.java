package dev.census.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import dev.census.protocol.Version;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The store for scale-out: one PostgreSQL database shared by any number of server replicas, reached
 * through a HikariCP pool. Report ids come from a sequence, so the latest report still has the largest id.
 */
public final class PostgresReportStore extends JdbcReportStore {

    /** Memory for each sort or hash of the day's summary: enough to keep a million systems' rows off disk. */
    static final String SUMMARY_WORK_MEM = "512MB";

    /** Connections per replica: the group-commit writer, API reads, the daily jobs and their lock. */
    static final int POOL_SIZE = 8;
    /** First key of every Census advisory lock, so they never collide with another application's. */
    static final int LOCK_NAMESPACE = 0x43454e53; // "CENS"

    private final HikariDataSource pool;

    private PostgresReportStore(HikariDataSource pool) {
        super(pool);
        this.pool = pool;
    }

    /** Connects to the database and brings its schema up to date. */
    public static PostgresReportStore open(DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("census-postgresql");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "census");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot connect to " + url + ": " + e.getMessage(), e);
        }
        try {
            Migrations.apply(pool, "postgresql");
            return new PostgresReportStore(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return "PostgreSQL " + DatabaseUrl.location(pool.getJdbcUrl());
    }

    @Override
    void insertBatch(Connection connection, List<StoredReport> reports) throws SQLException {
        long[] ids = new long[reports.size()];
        try (PreparedStatement statement = prepare(connection,
                "SELECT nextval('report_ids') FROM generate_series(1, ?)", reports.size());
             ResultSet rows = statement.executeQuery()) {
            for (int i = 0; rows.next(); i++) {
                ids[i] = rows.getLong(1);
            }
        }
        java.util.Arrays.sort(ids);
        try (PreparedStatement report = connection.prepareStatement(
                     "INSERT INTO reports (id, product, system_id, day, channel, received_at) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement component = connection.prepareStatement(
                     "INSERT INTO report_components (report_id, name, version, xy, xyz) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement metric = connection.prepareStatement(
                     "INSERT INTO report_metrics (report_id, name, num, bucket, txt) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < ids.length; i++) {
                StoredReport stored = reports.get(i);
                bind(report, ids[i], stored.product(), stored.systemId(), Date.valueOf(stored.day()), stored.channel().wireName(),
                        Timestamp.valueOf(LocalDateTime.ofInstant(stored.receivedAt(), ZoneOffset.UTC)));
                report.addBatch();
                for (Component part : stored.components()) {
                    Version version = Version.parse(part.version());
                    bind(component, ids[i], part.name(), part.version(), version.xy(), version.xyz());
                    component.addBatch();
                }
                for (Map.Entry<String, MetricValue> value : stored.metrics().entrySet()) {
                    MetricColumns columns = MetricColumns.of(value.getValue());
                    metric.setLong(1, ids[i]);
                    metric.setString(2, value.getKey());
                    metric.setObject(3, columns.num(), java.sql.Types.DOUBLE);
                    metric.setObject(4, columns.bucket(), java.sql.Types.SMALLINT);
                    metric.setString(5, columns.txt());
                    metric.addBatch();
                }
            }
            report.executeBatch();
            component.executeBatch();
            metric.executeBatch();
        }
    }

    /**
     * A transaction that is given an id writes a commit record to the WAL and waits for it to reach the
     * disk: a write that changes no table.
     */
    @Override
    void writeProbe(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT txid_current()");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
        }
    }

    /**
     * The fold may have just added a million systems that autovacuum has not seen: without fresh
     * statistics the planner takes the table for empty and joins it with nested loops.
     */
    @Override
    void afterFold(Connection connection) throws SQLException {
        update(connection, "ANALYZE systems");
    }

    /**
     * Temporary tables are never analyzed by autovacuum: without statistics the joins below go row by
     * row. The day's sorts and hashes (millions of rows at a million systems) get their own memory for
     * this one transaction, which runs on one replica at a time, instead of spilling to disk.
     */
    @Override
    void afterDayReports(Connection connection) throws SQLException {
        update(connection, "ANALYZE census_day_reports");
        update(connection, "SET LOCAL work_mem = '" + SUMMARY_WORK_MEM + "'");
    }

    @Override
    String binaryOrder(String column) {
        return column + " COLLATE \"C\"";
    }

    /**
     * Holds a session-level advisory lock on a connection of its own while the work runs: a replica
     * that dies loses its session and so its lock, and the next replica's run takes over.
     */
    @Override
    public boolean runExclusive(String job, Runnable work) {
        try (Connection lock = pool.getConnection()) {
            if (!advisory(lock, "pg_try_advisory_lock", job)) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                unlock(lock, job);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("database error: " + e.getMessage(), e);
        }
    }

    private void unlock(Connection lock, String job) {
        try {
            advisory(lock, "pg_advisory_unlock", job);
        } catch (SQLException e) {
            pool.evictConnection(lock); // closing the session releases the lock
        }
    }

    private static boolean advisory(Connection connection, String function, String job) throws SQLException {
        try (PreparedStatement statement = prepare(connection, "SELECT " + function + "(?, ?)", LOCK_NAMESPACE, job.hashCode());
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
