package dev.census.server.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads day parameters ({@code from}, {@code to}) within the window the server answers for: from
 * {@link #EARLIEST} to a year after today. Census did not exist before that window and cannot know
 * beyond it, and a day far outside it would overflow date arithmetic; it is a 400 naming the parameter.
 */
final class QueryDays {

    /** The first day any request may name. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** How far past today a request may name a day, in years. */
    static final int YEARS_AHEAD = 1;

    private QueryDays() {
    }

    /** The last day any request may name today. */
    static LocalDate latest(Clock clock) {
        return LocalDate.now(clock).plusYears(YEARS_AHEAD);
    }

    static boolean contains(LocalDate day, Clock clock) {
        return !day.isBefore(EARLIEST) && !day.isAfter(latest(clock));
    }

    /** The named parameter's day; null when it is absent or blank. */
    static LocalDate parse(Context ctx, String name, Clock clock) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Problem.BadRequest(name, name + " must be a day such as 2026-01-31");
        }
        if (!contains(day, clock)) {
            throw new Problem.BadRequest(name, name + " must be a day from " + EARLIEST + " to " + latest(clock));
        }
        return day;
    }
}
