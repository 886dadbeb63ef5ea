package dev.census.sdk;

import java.util.Objects;

/**
 * What an explicit upload ({@link Census#sendNow()}, {@link Outbox#resume()}) did.
 *
 * @param outcome    what happened
 * @param httpStatus the server's status code, or 0 when no answer came
 * @param detail     a sentence for the administrator: the server's answer or why nothing was sent
 * @param report     the exact JSON built (and sent, if sent), or null when none was built
 */
public record UploadResult(Outcome outcome, int httpStatus, String detail, String report) {

    /** What happened to the report. */
    public enum Outcome {
        /** The server accepted it. */
        SENT,
        /** The server refused it or could not be reached; the outbox keeps the reason. */
        FAILED,
        /** Built into the outbox only: consent is LOCAL (or CI=true). */
        KEPT_LOCALLY,
        /** Built into the outbox and held there: the outbox is paused. */
        HELD,
        /** Consent is OFF: nothing was built, written or sent. */
        OFF,
        /** There was nothing to send. */
        NOTHING_TO_SEND
    }

    /**
     * Checks that the outcome and the detail are present.
     *
     * @param outcome    what happened
     * @param httpStatus the server's status code, or 0 when no answer came
     * @param detail     a sentence for the administrator
     * @param report     the exact JSON built, or null
     */
    public UploadResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * True when the server accepted the report.
     *
     * @return true when the outcome is {@link Outcome#SENT}
     */
    public boolean sent() {
        return outcome == Outcome.SENT;
    }

    static UploadResult nothingToSend(String why) {
        return new UploadResult(Outcome.NOTHING_TO_SEND, 0, why, null);
    }
}
