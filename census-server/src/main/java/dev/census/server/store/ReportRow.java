package dev.census.server.store;

import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import dev.census.protocol.Version;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One stored report flattened into the values both engines' writers write and their layouts read
 * back: the report's columns, and per component and per metric the columns the summary groups by.
 */
record ReportRow(long id, String product, UUID systemId, LocalDate day, String channel, LocalDateTime receivedAt,
        List<ComponentColumns> components, List<MetricColumns> metrics) {

    ReportRow {
        components = List.copyOf(components);
        metrics = List.copyOf(metrics);
    }

    /** A component with its version cut to X.Y and X.Y.Z, as the summary groups it. */
    record ComponentColumns(String name, String version, String xy, String xyz) {
    }

    /** A metric value spread over columns: numbers in num with their power-of-two bucket, booleans and strings in txt. */
    record MetricColumns(String name, Double num, Short bucket, String txt) {

        static MetricColumns of(String name, MetricValue value) {
            if (value instanceof MetricValue.NumberValue number) {
                return new MetricColumns(name, number.value(), PowerOfTwoBuckets.exponent(number.value()), null);
            }
            if (value instanceof MetricValue.BooleanValue flag) {
                return new MetricColumns(name, null, null, Boolean.toString(flag.value()));
            }
            return new MetricColumns(name, null, null, ((MetricValue.TextValue) value).value());
        }
    }

    /**
     * The order of a row's components: a report's repeats of a name, of a (name, X.Y) and of a (name,
     * X.Y.Z) end up next to each other, so the summary counts a system once per group by the first of
     * each ({@link Layout#dayComponents}) instead of counting distinct systems.
     */
    static final Comparator<ComponentColumns> COMPONENT_ORDER = Comparator.comparing(ComponentColumns::name)
            .thenComparing(ComponentColumns::xy).thenComparing(ComponentColumns::xyz).thenComparing(ComponentColumns::version);

    /** The row of a report given its id, its components in {@link #COMPONENT_ORDER}. */
    static ReportRow of(long id, StoredReport report) {
        List<ComponentColumns> components = new ArrayList<>(report.components().size());
        for (Component component : report.components()) {
            Version version = Version.parse(component.version());
            components.add(new ComponentColumns(component.name(), component.version(), version.xy(), version.xyz()));
        }
        components.sort(COMPONENT_ORDER);
        components.sort(COMPONENT_ORDER);
        List<MetricColumns> metrics = new ArrayList<>(report.metrics().size());
        for (Map.Entry<String, MetricValue> metric : report.metrics().entrySet()) {
            metrics.add(MetricColumns.of(metric.getKey(), metric.getValue()));
        }
        return new ReportRow(id, report.product(), report.systemId(), report.day(), report.channel().wireName(),
                LocalDateTime.ofInstant(report.receivedAt(), ZoneOffset.UTC), components, metrics);
    }

    /** The rows of a batch whose ids run from {@code firstId} in order. */
    static List<ReportRow> of(long firstId, List<StoredReport> reports) {
        List<ReportRow> rows = new ArrayList<>(reports.size());
        long id = firstId;
        for (StoredReport report : reports) {
            rows.add(of(id++, report));
        }
        return rows;
    }

    /**
     * The reports whose ids lie in {@code (afterId, lastId]}, by id, with their components and metrics
     * read by the two queries given (parameters: afterId, lastId; columns: the report's id, then the
     * columns of {@link ComponentColumns} or {@link MetricColumns}, in the order they were written).
     */
    static List<ReportRow> read(Connection connection, String componentRows, String metricRows, long afterId, long lastId)
            throws SQLException {
        Map<Long, List<ComponentColumns>> components = new LinkedHashMap<>();
        try (PreparedStatement statement = Sql.prepare(connection, componentRows, afterId, lastId);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                components.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new ComponentColumns(
                        rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)));
            }
        }
        Map<Long, List<MetricColumns>> metrics = new LinkedHashMap<>();
        try (PreparedStatement statement = Sql.prepare(connection, metricRows, afterId, lastId);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                double num = rows.getDouble(3);
                Double boxed = rows.wasNull() ? null : num;
                short bucket = rows.getShort(4);
                Short bucketBoxed = rows.wasNull() ? null : bucket;
                metrics.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new MetricColumns(
                        rows.getString(2), boxed, bucketBoxed, rows.getString(5)));
            }
        }
        List<ReportRow> reports = new ArrayList<>();
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT id, product, system_id, day, channel, received_at"
                + " FROM reports WHERE id > ? AND id <= ? ORDER BY id", afterId, lastId);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                reports.add(new ReportRow(id, rows.getString(2), UUID.fromString(rows.getString(3)),
                        rows.getDate(4).toLocalDate(), rows.getString(5), rows.getTimestamp(6).toLocalDateTime(),
                        components.getOrDefault(id, List.of()), metrics.getOrDefault(id, List.of())));
            }
        }
        return reports;
    }
}
