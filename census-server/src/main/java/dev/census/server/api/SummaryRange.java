package dev.census.server.api;

import dev.census.protocol.Channel;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The day range and channel a summary request asks for, with defaults: the 90 days to yesterday, production. */
public record SummaryRange(LocalDate from, LocalDate to, String channel) {

    /** Days shown when no range is given. */
    public static final int DEFAULT_DAYS = 90;
    /** Widest range one request may ask for: ten years. */
    static final int MAX_DAYS = 3660;

    public static SummaryRange of(Context ctx, Clock clock) {
        LocalDate to = day(ctx, "to", LocalDate.now(clock).minusDays(1));
        LocalDate from = day(ctx, "from", to.minusDays(DEFAULT_DAYS - 1));
        if (from.isAfter(to)) {
            throw new Problem.BadRequest("from", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new Problem.BadRequest("from", "a range may span at most " + MAX_DAYS + " days");
        }
        String channel = ctx.queryParam("channel");
        if (channel == null || channel.isBlank()) {
            channel = Channel.PRODUCTION.wireName();
        } else if (Channel.fromWire(channel) == null) {
            throw new Problem.BadRequest("channel", "channel must be production or dev");
        }
        return new SummaryRange(from, to, channel);
    }

    private static LocalDate day(Context ctx, String name, LocalDate fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Problem.BadRequest(name, name + " must be a day such as 2026-01-31");
        }
    }

    /** Every day of the range, in order. */
    public java.util.List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
