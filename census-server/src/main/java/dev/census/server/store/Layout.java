package dev.census.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The SQL of one engine that depends on where a report's components and metrics are kept, and on the
 * engine's dialect; everything else the store's parts share.
 */
interface Layout {

    /**
     * Columns of the day's latest reports ({@code r}, a row of {@code reports}) that the temporary table
     * {@code census_day_reports} keeps besides its {@code id}, {@code system_id}, {@code channel} and
     * {@code age}, each with its leading comma; none by default.
     */
    default String dayReportColumns() {
        return "";
    }

    /**
     * A relation, aliased {@code c}, of the day's component rows — {@code channel, system_id, age, name,
     * xy, xyz} — over the reports of {@code census_day_reports}, whose ids lie between the two given;
     * and per row whether it is its report's first with its name ({@code new_name}), its (name, X.Y)
     * ({@code new_xy}) and its (name, X.Y.Z) ({@code new_xyz}): a report's components are stored in
     * {@link ReportRow#COMPONENT_ORDER}, so a repeat follows its first.
     */
    String dayComponents(long firstId, long lastId);

    /**
     * A relation, aliased {@code m}, of the day's metric rows — {@code channel, age, name, num, bucket,
     * txt} — over the reports of {@code census_day_reports}, whose ids lie between the two given.
     */
    String dayMetrics(long firstId, long lastId);

    /** Appended to the fold's {@code ON CONFLICT DO UPDATE}: a condition that skips systems it would not change, where the engine has one. */
    default String foldChangesOnly() {
        return "";
    }

    /** Per metric name of one product (the parameter): the last day a kept report carried it, and how many did. */
    String metricUsage();

    /** The reports whose ids lie in {@code (afterId, lastId]}, as their writers wrote them, by id. */
    List<ReportRow> readRows(Connection connection, long afterId, long lastId) throws SQLException;

    /** An ORDER BY term that sorts text by code point on this engine. */
    String binaryOrder(String column);

    /** Runs after the day's systems were folded, in the same transaction: engines refresh planner statistics here. */
    default void afterFold(Connection connection) throws SQLException {
    }

    /** Runs after the day's reports were materialized, in the same transaction: engines refresh planner statistics here. */
    default void afterDayReports(Connection connection) throws SQLException {
    }
}
