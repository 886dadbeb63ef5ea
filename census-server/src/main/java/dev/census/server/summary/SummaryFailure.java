package dev.census.server.summary;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A product's day whose summary failed, with what went wrong and when; {@code day} is null when the
 * product's days could not even be listed.
 */
public record SummaryFailure(String product, LocalDate day, String error, Instant at) {

    /** Longest error text kept: enough for the exception and its message, not a wall of SQL. */
    static final int MAX_ERROR = 300;

    static SummaryFailure of(String product, LocalDate day, RuntimeException e, Instant at) {
        String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new SummaryFailure(product, day, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) + "…" : error, at);
    }

    /** "demo 2026-03-10", or "demo (listing its days)". */
    public String where() {
        return product + (day == null ? " (listing its days)" : " " + day);
    }
}
