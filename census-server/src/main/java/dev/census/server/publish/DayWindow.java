package dev.census.server.publish;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The days a request may name ({@code from}, {@code to}): from {@link #EARLIEST} to a year after
 * today. Census did not exist before that window and cannot know beyond it, and a day far outside
 * it would overflow date arithmetic; naming one is an {@link InvalidRangeException} naming the parameter.
 */
public final class DayWindow {

    /** The first day any request may name. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** How far past today a request may name a day, in years. */
    static final int YEARS_AHEAD = 1;

    private DayWindow() {
    }

    /** The last day any request may name today. */
    static LocalDate latest(Clock clock) {
        return LocalDate.now(clock).plusYears(YEARS_AHEAD);
    }

    public static boolean contains(LocalDate day, Clock clock) {
        return !day.isBefore(EARLIEST) && !day.isAfter(latest(clock));
    }

    /** The day the parameter {@code name} gives as {@code text}; null when it is absent or blank. */
    public static LocalDate parse(String name, String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRangeException(name, name + " must be a day such as 2026-01-31");
        }
        if (!contains(day, clock)) {
            throw new InvalidRangeException(name, name + " must be a day from " + EARLIEST + " to " + latest(clock));
        }
        return day;
    }
}
