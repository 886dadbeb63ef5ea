package dev.census.sdk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What an installation keeps about itself: its system ID, whether it predates telemetry, its
 * random time of day for uploading, when it first told the admin that reports are uploaded (null
 * until then), and the last day it reported.
 */
record Installation(UUID systemId, boolean upgraded, int secondOfDay, Instant firstNoticeAt, LocalDate lastReportDay) {

    /** The day before any real day: nothing reported yet. */
    static final LocalDate NEVER = LocalDate.of(1970, 1, 1);

    Installation withSystemId(UUID newId) {
        return new Installation(newId, upgraded, secondOfDay, firstNoticeAt, lastReportDay);
    }

    /** Stored form of a null first-notice time. */
    static final long NOT_NOTICED = -1;

    static long noticeMillis(Instant firstNoticeAt) {
        return firstNoticeAt == null ? NOT_NOTICED : firstNoticeAt.toEpochMilli();
    }

    static Instant noticeInstant(long millis) {
        return millis < 0 ? null : Instant.ofEpochMilli(millis);
    }

    Installation withFirstNoticeAt(Instant at) {
        return new Installation(systemId, upgraded, secondOfDay, at, lastReportDay);
    }

    Installation withLastReportDay(LocalDate day) {
        return new Installation(systemId, upgraded, secondOfDay, firstNoticeAt, day);
    }
}
