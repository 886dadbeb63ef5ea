package dev.census.server.store;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

/** Erasure and retention of raw reports — the writer's deletions — in the same SQL on both engines. */
final class SqlRetention {

    private final Sql sql;

    SqlRetention(Sql sql) {
        this.sql = sql;
    }

    /**
     * Erases every raw report and the first/last-seen row of one system, and a relay's queued copies
     * of those reports, so that nothing of it leaves after it was erased; returns the report and
     * first/last-seen rows removed.
     */
    int deleteSystem(String product, UUID systemId) {
        return sql.inTransaction(connection -> {
            Sql.update(connection, "DELETE FROM relay_queue WHERE report_id IN (SELECT id FROM reports WHERE product = ? AND system_id = ?)",
                    product, systemId);
            int removed = Sql.update(connection, "DELETE FROM reports WHERE product = ? AND system_id = ?", product, systemId);
            removed += Sql.update(connection, "DELETE FROM systems WHERE product = ? AND system_id = ?", product, systemId);
            return removed;
        });
    }

    /** Deletes raw reports of days before the cutoff; returns how many reports were deleted. */
    int deleteReportsBefore(LocalDate cutoff) {
        return deleteReportsWhere("day < ?", Date.valueOf(cutoff));
    }

    /** Deletes reports that a later report of the same system and day superseded, for days before the given one. */
    int compactBefore(LocalDate day) {
        return deleteReportsWhere("day < ? AND id NOT IN (SELECT max(id) FROM reports GROUP BY product, system_id, day)",
                Date.valueOf(day));
    }

    private int deleteReportsWhere(String condition, Object... parameters) {
        return sql.inTransaction(connection -> Sql.update(connection, "DELETE FROM reports WHERE " + condition, parameters));
    }
}
