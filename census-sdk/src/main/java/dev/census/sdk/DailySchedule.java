package dev.census.sdk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * When the day's report is due: at the installation's own random time of day (UTC), plus a
 * fresh jitter each day, never sooner than 30 minutes after the administrator was first told,
 * and never in the first minute of the process. Missed days are not backfilled.
 */
final class DailySchedule {

    /** The administrator has this long to read the start-up notice and turn reporting off. */
    static final Duration NOTICE_PERIOD = Duration.ofMinutes(30);
    /** Spreads one installation's uploads over half an hour so no two days are alike. */
    static final Duration JITTER = Duration.ofMinutes(30);
    /** Keeps a catch-up upload away from the application's start-up. */
    static final Duration START_DELAY = Duration.ofMinutes(1);

    private final Random random;
    private final Instant processStart;

    DailySchedule(Random random, Instant processStart) {
        this.random = random;
        this.processStart = processStart;
    }

    /** The day (UTC) an instant falls on. */
    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** When the next report is due, given the installation and the current time. */
    Instant next(Installation installation, Instant now) {
        LocalDate today = day(now);
        LocalDate day = installation.lastReportDay().isBefore(today) ? today : today.plusDays(1);
        Instant slot = day.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(installation.secondOfDay())
                .plusSeconds(random.nextInt((int) JITTER.toSeconds()));
        if (slot.isAfter(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            slot = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1); // stay on the day
        }
        Instant earliest = latest(processStart.plus(START_DELAY), installation.firstNoticeAt() == null
                ? processStart.plus(NOTICE_PERIOD) : installation.firstNoticeAt().plus(NOTICE_PERIOD));
        return latest(slot, earliest);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
