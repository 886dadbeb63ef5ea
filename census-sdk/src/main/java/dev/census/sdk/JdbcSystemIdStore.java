package dev.census.sdk;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Keeps the installation in a one-row table {@value #TABLE} of the application's own database,
 * created if absent, so that every node of a cluster shares one system ID and one daily upload
 * lease. The SQL is portable (PostgreSQL, DuckDB, H2, MySQL).
 */
public final class JdbcSystemIdStore extends SystemIdStore {

    /** The table's name. */
    public static final String TABLE = "census_system";

    private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
            + "id INTEGER NOT NULL PRIMARY KEY, "
            + "system_id VARCHAR(36) NOT NULL, "
            + "upgraded BOOLEAN NOT NULL, "
            + "time_of_day INTEGER NOT NULL, "
            + "first_notice_at BIGINT NOT NULL, "
            + "last_report_day BIGINT NOT NULL)";
    private static final String SELECT = "SELECT system_id, upgraded, time_of_day, first_notice_at, last_report_day FROM "
            + TABLE + " WHERE id = 1";
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (id, system_id, upgraded, time_of_day, first_notice_at, last_report_day) VALUES (1, ?, ?, ?, ?, ?)";
    private static final String CLAIM = "UPDATE " + TABLE + " SET last_report_day = ? WHERE id = 1 AND last_report_day < ?";
    /**
     * Statements that collide with another node's (concurrent CREATE TABLE, INSERT of row 1, the
     * lease UPDATE) are retried: once the other transaction has committed, the retry sees its result.
     */
    private static final int ATTEMPTS = 8;

    private final DataSource dataSource;

    private JdbcSystemIdStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A store in the database behind this data source; nothing is touched until reporting starts.
     *
     * @param dataSource the application's database
     * @return the store
     */
    public static JdbcSystemIdStore of(DataSource dataSource) {
        return new JdbcSystemIdStore(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** A connection in autocommit mode: each statement here is its own transaction, whatever the pool's default. */
    private Connection open() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    Optional<Installation> read() {
        try (Connection connection = open()) {
            return select(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    Installation createIfAbsent(Installation candidate) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (Connection connection = open()) {
                createTable(connection);
                Optional<Installation> existing = select(connection);
                if (existing.isPresent()) {
                    return existing.get();
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setString(1, candidate.systemId().toString());
                    insert.setBoolean(2, candidate.upgraded());
                    insert.setInt(3, candidate.secondOfDay());
                    insert.setLong(4, Installation.noticeMillis(candidate.firstNoticeAt()));
                    insert.setLong(5, candidate.lastReportDay().toEpochDay());
                    insert.executeUpdate();
                }
                return select(connection).orElseThrow(() -> new IllegalStateException(TABLE + " has no row after insert"));
            } catch (SQLException e) {
                // another node created the table or inserted row 1 first (duplicate key or write conflict):
                // once its transaction is committed, the next attempt reads its row
                last = e;
            }
            backOff(attempt);
        }
        throw new IllegalStateException("cannot create " + TABLE + ": " + last.getMessage(), last);
    }

    @Override
    void replaceSystemId(UUID newId) {
        update("UPDATE " + TABLE + " SET system_id = ? WHERE id = 1", newId.toString());
    }

    @Override
    boolean claimDay(LocalDate day) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (Connection connection = open();
                 PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setLong(1, day.toEpochDay());
                claim.setLong(2, day.toEpochDay());
                return claim.executeUpdate() == 1;
            } catch (SQLException e) {
                // a write-write conflict: another node's UPDATE is committing; once it has, ours matches no row
                last = e;
                Optional<Installation> now = read();
                if (now.isPresent() && !now.get().lastReportDay().isBefore(day)) {
                    return false;
                }
            }
            backOff(attempt);
        }
        throw new IllegalStateException("cannot take the upload lease in " + TABLE + ": " + last.getMessage(), last);
    }

    @Override
    void recordFirstNotice(Instant at) {
        try (Connection connection = open();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE " + TABLE + " SET first_notice_at = ? WHERE id = 1 AND first_notice_at < 0")) {
            statement.setLong(1, at.toEpochMilli());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    void forget() {
        update("DELETE FROM " + TABLE + " WHERE id = 1", null);
    }

    @Override
    String describe() {
        return "table " + TABLE + " of the application's database";
    }

    private void update(String sql, String parameter) {
        try (Connection connection = open();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update " + TABLE + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Installation> select(Connection connection) throws SQLException {
        if (!tableExists(connection)) {
            return Optional.empty();
        }
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(SELECT)) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new Installation(
                    UUID.fromString(row.getString(1).trim()),
                    row.getBoolean(2),
                    row.getInt(3),
                    Installation.noticeInstant(row.getLong(4)),
                    LocalDate.ofEpochDay(row.getLong(5))));
        }
    }

    private static void createTable(Connection connection) throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (tableExists(connection)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE);
                return;
            } catch (SQLException e) {
                last = e;
                rollbackQuietly(connection);
            }
            backOff(attempt);
        }
        throw last;
    }

    /**
     * Waits 1, 2, 4 … ms before retrying a statement that collided with another node's
     * transaction, so that transaction can commit: about a quarter of a second in all.
     */
    private static void backOff(int attempt) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1L << attempt));
    }

    private static boolean tableExists(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : new String[] {TABLE, TABLE.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet tables = meta.getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is closed by the caller anyway
        }
    }
}
