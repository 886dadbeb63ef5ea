package dev.census.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.api.RejectionAnswers.Answer;
import dev.census.server.api.RejectionAnswers.RetryAfter;
import dev.census.server.ingest.Rejection.Kind;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectionAnswersTest {

    @Test
    void everyKindIsAnsweredWithTheStatusTypeTitleAndRetryAfterOfTheProtocol() {
        Map<Kind, Answer> expected = new EnumMap<>(Kind.class);
        expected.put(Kind.MALFORMED, new Answer(400, "malformed-report", "Bad request", RetryAfter.NEVER));
        expected.put(Kind.INVALID, new Answer(422, "invalid-report", "Unprocessable report", RetryAfter.NEVER));
        expected.put(Kind.UNKNOWN_PRODUCT, new Answer(422, "unknown-product", "Unprocessable report", RetryAfter.NEVER));
        expected.put(Kind.NOTHING_LEFT, new Answer(422, "nothing-accepted", "Unprocessable report", RetryAfter.NEVER));
        expected.put(Kind.TOO_LARGE, new Answer(413, "too-large", "Content too large", RetryAfter.NEVER));
        expected.put(Kind.UNSUPPORTED_MEDIA_TYPE, new Answer(415, "unsupported-media-type", "Unsupported media type", RetryAfter.NEVER));
        expected.put(Kind.CROSS_ORIGIN, new Answer(403, "cross-origin", "Forbidden", RetryAfter.NEVER));
        expected.put(Kind.RATE_LIMITED, new Answer(429, "rate-limited", "Too many requests", RetryAfter.WHEN_ALLOWED));
        expected.put(Kind.OVERLOADED, new Answer(503, "overloaded", "Service unavailable", RetryAfter.LATER));
        expected.put(Kind.STORAGE_UNAVAILABLE, new Answer(503, "storage-unavailable", "Storage unavailable", RetryAfter.LATER));

        assertThat(expected).hasSize(Kind.values().length);
        for (Kind kind : Kind.values()) {
            assertThat(RejectionAnswers.answer(kind)).as(kind.name()).isEqualTo(expected.get(kind));
        }
    }

    @Test
    void theProblemTypeOfEveryKindIsItsStatisticsKey() {
        for (Kind kind : Kind.values()) {
            assertThat(RejectionAnswers.answer(kind).type()).isEqualTo(kind.key());
        }
    }

    @Test
    void unavailableAnswersSayRetryInFiveSecondsAndRateLimitsSayWhenTheAllowanceRefills() {
        assertThat(RejectionAnswers.answer(Kind.OVERLOADED).retryAfterHeader(0)).hasValue("5");
        assertThat(RejectionAnswers.answer(Kind.STORAGE_UNAVAILABLE).retryAfterHeader(0)).hasValue("5");
        assertThat(RejectionAnswers.answer(Kind.RATE_LIMITED).retryAfterHeader(17)).hasValue("17");
    }

    @Test
    void onlyRateLimitsAndUnavailabilityCarryARetryAfter() {
        for (Kind kind : Kind.values()) {
            int status = RejectionAnswers.answer(kind).status();
            assertThat(RejectionAnswers.answer(kind).retryAfterHeader(3).isPresent())
                    .as(kind.name()).isEqualTo(status == 429 || status == 503);
        }
    }
}
