package dev.census.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL's SQL: text sorted by code point needs the C collation, and the planner needs fresh
 * statistics on what the day's summary has just written.
 */
final class PostgresLayout extends ChildTableLayout {

    /** Memory for each sort or hash of the day's summary: enough to keep a million systems' rows off disk. */
    static final String SUMMARY_WORK_MEM = "512MB";

    @Override
    public String binaryOrder(String column) {
        return column + " COLLATE \"C\"";
    }

    /**
     * The fold may have just added a million systems that autovacuum has not seen: without fresh
     * statistics the planner takes the table for empty and joins it with nested loops.
     */
    @Override
    public void afterFold(Connection connection) throws SQLException {
        Sql.update(connection, "ANALYZE systems");
    }

    /**
     * Temporary tables are never analyzed by autovacuum: without statistics the joins below go row by
     * row. The day's sorts and hashes (millions of rows at a million systems) get their own memory for
     * this one transaction, which runs on one replica at a time, instead of spilling to disk.
     */
    @Override
    public void afterDayReports(Connection connection) throws SQLException {
        Sql.update(connection, "ANALYZE census_day_reports");
        Sql.update(connection, "SET LOCAL work_mem = '" + SUMMARY_WORK_MEM + "'");
    }
}
