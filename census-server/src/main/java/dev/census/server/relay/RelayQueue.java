package dev.census.server.relay;

import dev.census.server.relay.QueuedReport.State;
import dev.census.server.store.StoreUnavailableException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The relay's queue and settings in the store (tables {@code relay_queue} and {@code relay_settings},
 * migration V4), in plain SQL that DuckDB and PostgreSQL both run. Rows are written by the store's
 * writer in the transaction of their report; this class only reads them and records attempts.
 */
public final class RelayQueue {

    private static final String COLUMNS =
            "report_id, product, day, format, body, state, attempts, last_attempt, last_error, next_attempt";
    private static final String SECRET = "pseudonym_secret";
    private static final String PAUSED = "paused";

    private final DataSource dataSource;

    public RelayQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queued reports whose next attempt is due by {@code now}, oldest first, at most {@code limit}. */
    List<QueuedReport> due(Instant now, int limit) {
        return query("SELECT " + COLUMNS + " FROM relay_queue WHERE state = 'queued'"
                + " AND (next_attempt IS NULL OR next_attempt <= ?) ORDER BY report_id LIMIT " + limit, timestamp(now));
    }

    /** Every report of one day in the queue, whatever its state, oldest first. */
    public List<QueuedReport> day(LocalDate day) {
        return query("SELECT " + COLUMNS + " FROM relay_queue WHERE day = ? ORDER BY report_id", java.sql.Date.valueOf(day));
    }

    void forwarded(long reportId, Instant at) {
        update("UPDATE relay_queue SET state = 'forwarded', attempts = attempts + 1, last_attempt = ?, next_attempt = NULL"
                + " WHERE report_id = ?", timestamp(at), reportId);
    }

    void rejected(long reportId, Instant at, String problem) {
        update("UPDATE relay_queue SET state = 'rejected', attempts = attempts + 1, last_attempt = ?, last_error = ?,"
                + " next_attempt = NULL WHERE report_id = ?", timestamp(at), problem, reportId);
    }

    void retryLater(long reportId, Instant at, String error, Instant next) {
        update("UPDATE relay_queue SET attempts = attempts + 1, last_attempt = ?, last_error = ?, next_attempt = ?"
                + " WHERE report_id = ?", timestamp(at), error, timestamp(next), reportId);
    }

    /** Reports per state, every state present. */
    public Map<State, Long> depth() {
        Map<State, Long> depth = new EnumMap<>(State.class);
        for (State state : State.values()) {
            depth.put(state, 0L);
        }
        withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT state, count(*) FROM relay_queue GROUP BY state");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    depth.put(State.fromWire(rows.getString(1)), rows.getLong(2));
                }
            }
            return null;
        });
        return depth;
    }

    /** Per day and state: how many reports, and their last attempt. */
    public List<DayCount> days() {
        return withConnection(connection -> {
            List<DayCount> days = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT day, state, count(*), max(last_attempt)"
                    + " FROM relay_queue GROUP BY day, state ORDER BY day, state");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    days.add(new DayCount(rows.getDate(1).toLocalDate(), State.fromWire(rows.getString(2)), rows.getLong(3),
                            instant(rows.getTimestamp(4))));
                }
            }
            return days;
        });
    }

    /** The reports of one day in one state, and when one of them was last tried. */
    public record DayCount(LocalDate day, State state, long reports, Instant lastAttempt) {
    }

    /** The most recent attempt that failed or was refused, if any. */
    public Optional<QueuedReport> lastError() {
        return query("SELECT " + COLUMNS + " FROM relay_queue WHERE last_error IS NOT NULL"
                + " ORDER BY last_attempt DESC, report_id DESC LIMIT 1").stream().findFirst();
    }

    /** When the earliest queued report waiting out a back-off is due, if one is. */
    Optional<Instant> nextRetry() {
        return withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT min(next_attempt) FROM relay_queue WHERE state = 'queued' AND next_attempt IS NOT NULL");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Optional.ofNullable(instant(rows.getTimestamp(1)));
            }
        });
    }

    /** Deletes rows of days before the cutoff, whatever their state; returns how many per state. */
    Map<State, Long> deleteBefore(LocalDate cutoff) {
        Map<State, Long> deleted = new EnumMap<>(State.class);
        for (State state : State.values()) {
            int rows = update("DELETE FROM relay_queue WHERE day < ? AND state = ?", java.sql.Date.valueOf(cutoff), state.wireName());
            deleted.put(state, (long) rows);
        }
        return deleted;
    }

    /** The relay's pseudonymization secret: made (32 random bytes) the first time it is asked for, then kept. */
    byte[] secret() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        update("INSERT INTO relay_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                SECRET, Base64.getEncoder().encodeToString(fresh));
        return Base64.getDecoder().decode(setting(SECRET).orElseThrow());
    }

    boolean paused() {
        return setting(PAUSED).map(Boolean::parseBoolean).orElse(false);
    }

    void paused(boolean paused) {
        update("INSERT INTO relay_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                PAUSED, Boolean.toString(paused));
    }

    private Optional<String> setting(String name) {
        return withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT value FROM relay_settings WHERE name = ?")) {
                statement.setString(1, name);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private List<QueuedReport> query(String sql, Object... parameters) {
        return withConnection(connection -> {
            List<QueuedReport> reports = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reports.add(new QueuedReport(rows.getLong(1), rows.getString(2), rows.getDate(3).toLocalDate(),
                            Wire.fromWire(rows.getString(4)), rows.getBytes(5), State.fromWire(rows.getString(6)), rows.getInt(7),
                            instant(rows.getTimestamp(8)), rows.getString(9), instant(rows.getTimestamp(10))));
                }
            }
            return reports;
        });
    }

    private int update(String sql, Object... parameters) {
        return withConnection(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("the relay queue cannot be read or written: " + e.getMessage(), e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
