package dev.census.protocol.pii;

import java.util.Objects;

/**
 * What a detector found and where: the kind and the span {@code [start, end)} of the scanned text.
 * It deliberately does not hold the matched text, so logging a finding never repeats the personal
 * data it is about; {@link #matchIn(String)} recovers it from the text when a caller needs it.
 */
public record PiiFinding(PiiKind kind, int start, int end) {

    public PiiFinding {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span must be non-empty and non-negative: [" + start + ", " + end + ")");
        }
    }

    /** The matched part of the text this finding was produced from. */
    public String matchIn(String text) {
        return text.substring(start, end);
    }

    /** The reason used when a value is dropped: {@code pii:hostname}. */
    public String reason() {
        return "pii:" + kind.wireName();
    }
}
