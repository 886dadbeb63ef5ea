package dev.census.server.ingest;

import java.util.Objects;

/**
 * A report refused as a whole: what kind of refusal, the field at fault and why. Ingest decides the
 * kind; the API alone turns it into an HTTP answer.
 */
public final class Rejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a report is refused; each kind's {@link #key()} is its statistics key and problem type slug. */
    public enum Kind {
        /** The body is not Census JSON (or not a Pulp message): syntax, types, a key given twice, bad gzip. */
        MALFORMED,
        /** Well-formed, but it breaks the wire rules (or its sent-at lies outside what is kept). */
        INVALID,
        /** No product of this name is collected here. */
        UNKNOWN_PRODUCT,
        /** The screen dropped every field: nothing would be stored. */
        NOTHING_LEFT,
        /** The body is larger than a report may be. */
        TOO_LARGE,
        /** A content type or content encoding the endpoint does not take. */
        UNSUPPORTED_MEDIA_TYPE,
        /** Posted by a web page, not by an installation. */
        CROSS_ORIGIN,
        /** The client posted more than its allowance; it may post again after {@link #retryAfterSeconds()}. */
        RATE_LIMITED,
        /** The ingestion queue is full. */
        OVERLOADED,
        /** The report's batch could not be committed. */
        STORAGE_UNAVAILABLE;

        /** The statistics key, also the problem type's slug (docs/protocol.md): public contract. */
        public String key() {
            return switch (this) {
                case MALFORMED -> "malformed-report";
                case INVALID -> "invalid-report";
                case UNKNOWN_PRODUCT -> "unknown-product";
                case NOTHING_LEFT -> "nothing-accepted";
                case TOO_LARGE -> "too-large";
                case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
                case CROSS_ORIGIN -> "cross-origin";
                case RATE_LIMITED -> "rate-limited";
                case OVERLOADED -> "overloaded";
                case STORAGE_UNAVAILABLE -> "storage-unavailable";
            };
        }
    }

    private final Kind kind;
    private final String field;
    private final long retryAfterSeconds;

    /** A refusal of {@code kind}; {@code field} is the JSON path at fault, or null when the body as a whole is. */
    public Rejection(Kind kind, String field, String detail) {
        this(kind, field, detail, 0, null);
    }

    private Rejection(Kind kind, String field, String detail, long retryAfterSeconds, Throwable cause) {
        super(detail, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A {@link Kind#RATE_LIMITED} refusal: the client may post again in {@code retryAfterSeconds}. */
    public static Rejection rateLimited(long retryAfterSeconds, String detail) {
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retryAfterSeconds must be positive");
        }
        return new Rejection(Kind.RATE_LIMITED, null, detail, retryAfterSeconds, null);
    }

    /** A {@link Kind#STORAGE_UNAVAILABLE} refusal caused by {@code cause}. */
    static Rejection storageUnavailable(String detail, Throwable cause) {
        return new Rejection(Kind.STORAGE_UNAVAILABLE, null, detail, 0, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The JSON path of the offending field, or {@code null} when the body as a whole is at fault. */
    public String field() {
        return field;
    }

    /** For {@link Kind#RATE_LIMITED}: whole seconds until the client may post again; otherwise 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
