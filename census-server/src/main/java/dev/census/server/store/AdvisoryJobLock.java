package dev.census.server.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Exclusion across every replica sharing one PostgreSQL database: a session-level advisory lock held
 * on a connection of its own while the work runs. A replica that dies loses its session and so its
 * lock, and the next replica's run takes over.
 */
final class AdvisoryJobLock implements JobLock {

    /** First key of every Census advisory lock, so they never collide with another application's. */
    static final int LOCK_NAMESPACE = 0x43454e53; // "CENS"

    private final HikariDataSource pool;

    AdvisoryJobLock(HikariDataSource pool) {
        this.pool = pool;
    }

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
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT " + function + "(?, ?)", LOCK_NAMESPACE, job.hashCode());
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getBoolean(1);
        }
    }
}
