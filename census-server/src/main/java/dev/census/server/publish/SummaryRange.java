package dev.census.server.publish;

import dev.census.protocol.Channel;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The day range and channel of published numbers a request asks for, with defaults: the 90 days to yesterday, production. */
public record SummaryRange(LocalDate from, LocalDate to, String channel) {

    /** Days shown when no range is given. */
    public static final int DEFAULT_DAYS = 90;
    /** Widest range one request may ask for: ten years. */
    static final int MAX_DAYS = 3660;

    /**
     * The range of the parameters {@code from}, {@code to} and {@code channel} (each may be null or
     * blank for its default). A day outside the {@link DayWindow} is an {@link InvalidRangeException},
     * and the default {@code from} never reaches before the window's first day.
     */
    public static SummaryRange parse(String fromText, String toText, String channelText, Clock clock) {
        LocalDate givenFrom = DayWindow.parse("from", fromText, clock);
        LocalDate givenTo = DayWindow.parse("to", toText, clock);
        LocalDate to = givenTo != null ? givenTo : LocalDate.now(clock).minusDays(1);
        LocalDate from = givenFrom != null ? givenFrom : latestOf(DayWindow.EARLIEST, to.minusDays(DEFAULT_DAYS - 1));
        if (from.isAfter(to)) {
            throw new InvalidRangeException("from", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidRangeException("from", "a range may span at most " + MAX_DAYS + " days");
        }
        String channel = channelText;
        if (channel == null || channel.isBlank()) {
            channel = Channel.PRODUCTION.wireName();
        } else if (Channel.fromWire(channel) == null) {
            throw new InvalidRangeException("channel", "channel must be production or dev");
        }
        return new SummaryRange(from, to, channel);
    }

    /** The range of a request that names none: the production channel's {@link #DEFAULT_DAYS} days to yesterday. */
    public static SummaryRange standard(Clock clock) {
        return parse(null, null, null, clock);
    }

    private static LocalDate latestOf(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Every day of the range, in order. */
    public List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
