package dev.census.server.api;

import dev.census.protocol.Channel;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The day range and channel a summary request asks for, with defaults: the 90 days to yesterday, production. */
public record SummaryRange(LocalDate from, LocalDate to, String channel) {

    /** Days shown when no range is given. */
    public static final int DEFAULT_DAYS = 90;
    /** Widest range one request may ask for: ten years. */
    static final int MAX_DAYS = 3660;

    /**
     * The range the request asks for; a day outside {@link QueryDays}' window is a 400, and the
     * default {@code from} never reaches before the window's first day.
     */
    public static SummaryRange of(Context ctx, Clock clock) {
        LocalDate givenFrom = QueryDays.parse(ctx, "from", clock);
        LocalDate givenTo = QueryDays.parse(ctx, "to", clock);
        LocalDate to = givenTo != null ? givenTo : LocalDate.now(clock).minusDays(1);
        LocalDate from = givenFrom != null ? givenFrom : latestOf(QueryDays.EARLIEST, to.minusDays(DEFAULT_DAYS - 1));
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

    private static LocalDate latestOf(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Every day of the range, in order. */
    public java.util.List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
