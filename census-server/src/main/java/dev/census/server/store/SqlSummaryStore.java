package dev.census.server.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The published numbers in {@code summaries}, and which days are summarized, in {@code summarized_days}: the same SQL on both engines. */
final class SqlSummaryStore implements SummaryStore {

    private final Sql sql;
    private final Layout layout;

    SqlSummaryStore(Sql sql, Layout layout) {
        this.sql = sql;
        this.layout = layout;
    }

    /**
     * Replaces the day's rows and stamps the day with the wall-clock time of the write — not the
     * server's clock, which tests hold still: the stamp is how caches see that a day was written again.
     */
    @Override
    public void replaceSummaries(String product, LocalDate day, List<SummaryRow> rows, boolean provisional) {
        sql.inTransaction(connection -> {
            Date sqlDay = Date.valueOf(day);
            Sql.update(connection, "DELETE FROM summaries WHERE product = ? AND day = ?", product, sqlDay);
            Sql.update(connection, "DELETE FROM summarized_days WHERE product = ? AND day = ?", product, sqlDay);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO summaries (product, day, channel, metric, kind, key, value, systems) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (SummaryRow row : rows) {
                    Sql.bind(insert, product, sqlDay, row.channel(), row.metric(), row.kind(), row.key(), row.value(), row.systems());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Sql.update(connection, "INSERT INTO summarized_days (product, day, computed_at, provisional) VALUES (?, ?, ?, ?)",
                    product, sqlDay, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)), provisional);
            return null;
        });
    }

    @Override
    public Set<LocalDate> summarizedDays(String product) {
        return days("SELECT day FROM summarized_days WHERE product = ?", product);
    }

    @Override
    public Set<LocalDate> provisionalDays(String product) {
        return days("SELECT day FROM summarized_days WHERE product = ? AND provisional", product);
    }

    private Set<LocalDate> days(String query, String product) {
        return sql.inTransaction(connection -> {
            Set<LocalDate> days = new HashSet<>();
            try (PreparedStatement statement = Sql.prepare(connection, query, product);
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
        return sql.inTransaction(connection -> {
            try (PreparedStatement statement = Sql.prepare(connection,
                    "SELECT count(*), max(computed_at) FROM summarized_days WHERE product = ?", product);
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) + "/" + rows.getTimestamp(2);
            }
        });
    }

    @Override
    public Map<LocalDate, String> summaryVersions(String product) {
        return sql.inTransaction(connection -> {
            Map<LocalDate, String> versions = new TreeMap<>();
            try (PreparedStatement statement = Sql.prepare(connection,
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
        StringBuilder select = new StringBuilder(
                "SELECT day, channel, metric, kind, key, value, systems FROM summaries"
                        + " WHERE product = ? AND channel = ? AND day BETWEEN ? AND ?");
        List<Object> parameters = new ArrayList<>(List.of(query.product(), query.channel(),
                Date.valueOf(query.from()), Date.valueOf(query.to())));
        if (query.metric() != null) {
            select.append(" AND metric = ?");
            parameters.add(query.metric());
        }
        SummaryRow after = query.after();
        if (after != null) {
            select.append(" AND (day > ? OR (day = ? AND (").append(layout.binaryOrder("metric")).append(" > ? OR (metric = ? AND (")
                    .append(layout.binaryOrder("kind")).append(" > ? OR (kind = ? AND ").append(layout.binaryOrder("key"))
                    .append(" > ?))))))");
            Date afterDay = Date.valueOf(after.day());
            parameters.addAll(List.of(afterDay, afterDay, after.metric(), after.metric(), after.kind(), after.kind(), after.key()));
        }
        select.append(" ORDER BY day, ").append(layout.binaryOrder("metric")).append(", ").append(layout.binaryOrder("kind"))
                .append(", ").append(layout.binaryOrder("key")).append(" LIMIT ").append(query.limit());
        return sql.inTransaction(connection -> {
            List<SummaryRow> rows = new ArrayList<>();
            try (PreparedStatement statement = Sql.prepare(connection, select.toString(), parameters.toArray());
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
    public SortedSet<String> products() {
        return sql.inTransaction(connection -> {
            SortedSet<String> products = new TreeSet<>();
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
}
