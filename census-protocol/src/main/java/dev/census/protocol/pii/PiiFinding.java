package dev.census.protocol.pii;

import java.util.Objects;

/**
 * What a detector found and where: the kind and the span {@code [start, end)} of the scanned text.
 * It deliberately does not hold the matched text, so logging a finding never repeats the personal
 * data it is about; {@link #matchIn(String)} recovers it from the text when a caller needs it.
 */
public record PiiFinding(PiiKind kind, int start, int end) {

    /**
     * Checks that the span is non-empty and non-negative.
     *
     * @param kind what was found
     * @param start where it starts in the text
     * @param end where it ends (exclusive)
     */
    public PiiFinding {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span must be non-empty and non-negative: [" + start + ", " + end + ")");
        }
    }

    /**
     * The matched part of a text.
     *
     * @param text the text this finding was produced from
     * @return the span of it that was found
     */
    public String matchIn(String text) {
        return text.substring(start, end);
    }

    /**
     * The reason used when a value is dropped.
     *
     * @return e.g. {@code pii:hostname}
     */
    public String reason() {
        return "pii:" + kind.wireName();
    }
}
