package dev.census.server.api;

import dev.census.server.ingest.Rejection;
import dev.census.server.ingest.Rejection.Kind;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The one table from a rejection's kind to its HTTP answer: status, problem type, title and
 * {@code Retry-After}. Every 429 and 503 the server sends takes its {@code Retry-After} from here.
 */
final class RejectionAnswers {

    /** Seconds a client should wait after a 503 before trying again. */
    static final long RETRY_LATER_SECONDS = 5;

    /** When an answer tells the client to come back. */
    enum RetryAfter {
        /** No {@code Retry-After}: the same request will be refused again. */
        NEVER,
        /** After {@link #RETRY_LATER_SECONDS}: the server is overloaded or its storage failed. */
        LATER,
        /** After the seconds the rejection carries: the client's allowance refills. */
        WHEN_ALLOWED
    }

    /** How a kind of rejection is answered; {@code type} is the problem type's slug. */
    record Answer(int status, String type, String title, RetryAfter retryAfter) {

        /** The {@code Retry-After} value, if any, for a rejection carrying {@code waitSeconds}. */
        Optional<String> retryAfterHeader(long waitSeconds) {
            return switch (retryAfter) {
                case NEVER -> Optional.empty();
                case LATER -> Optional.of(String.valueOf(RETRY_LATER_SECONDS));
                case WHEN_ALLOWED -> Optional.of(String.valueOf(waitSeconds));
            };
        }
    }

    private RejectionAnswers() {
    }

    /** The table: the compiler holds it complete, a new kind does not build without its answer. */
    static Answer answer(Kind kind) {
        return switch (kind) {
            case MALFORMED -> new Answer(400, kind.key(), "Bad request", RetryAfter.NEVER);
            case INVALID, UNKNOWN_PRODUCT, NOTHING_LEFT -> new Answer(422, kind.key(), "Unprocessable report", RetryAfter.NEVER);
            case TOO_LARGE -> new Answer(413, kind.key(), "Content too large", RetryAfter.NEVER);
            case UNSUPPORTED_MEDIA_TYPE -> new Answer(415, kind.key(), "Unsupported media type", RetryAfter.NEVER);
            case CROSS_ORIGIN -> new Answer(403, kind.key(), "Forbidden", RetryAfter.NEVER);
            case RATE_LIMITED -> new Answer(429, kind.key(), "Too many requests", RetryAfter.WHEN_ALLOWED);
            case OVERLOADED -> new Answer(503, kind.key(), "Service unavailable", RetryAfter.LATER);
            case STORAGE_UNAVAILABLE -> new Answer(503, kind.key(), "Storage unavailable", RetryAfter.LATER);
        };
    }

    /** Answers {@code rejection} as an RFC 9457 problem. */
    static void send(Context ctx, Rejection rejection) {
        send(ctx, rejection.kind(), rejection.getMessage(), rejection.field(), rejection.retryAfterSeconds());
    }

    /** Answers a refusal of {@code kind} that is no {@link Rejection} (a store failure, a throttled admin). */
    static void send(Context ctx, Kind kind, String detail, String field, long waitSeconds) {
        Answer answer = answer(kind);
        answer.retryAfterHeader(waitSeconds).ifPresent(seconds -> ctx.header("Retry-After", seconds));
        Problem.send(ctx, answer.status(), answer.type(), answer.title(), detail, field);
    }
}
