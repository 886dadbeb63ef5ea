package dev.census.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The store for scale-out: one PostgreSQL database shared by any number of server replicas, reached
 * through a HikariCP pool; the daily jobs are kept to one replica at a time by an advisory lock.
 */
public final class PostgresReportStore extends EngineStore {

    /** Connections per replica: the group-commit writer, API reads, the daily jobs and their lock. */
    static final int POOL_SIZE = 8;

    private final HikariDataSource pool;

    private PostgresReportStore(HikariDataSource pool, Sql sql) {
        super(sql, new PostgresLayout(), new PostgresReportWriter(sql), new AdvisoryJobLock(pool));
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
            return new PostgresReportStore(pool, new Sql(pool));
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
    public void close() {
        super.close();
        pool.close();
    }
}
