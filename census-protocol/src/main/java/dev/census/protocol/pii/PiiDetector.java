package dev.census.protocol.pii;

import java.util.Optional;

/** Looks for one or more kinds of personal data in a piece of text. */
@FunctionalInterface
public interface PiiDetector {

    /**
     * Scans a text. Never throws for any non-null text.
     *
     * @param text the text
     * @return the first finding in the text, or empty when the text is clean
     */
    Optional<PiiFinding> scan(String text);

    /**
     * Whether the text holds anything this detector looks for.
     *
     * @param text the text
     * @return true when {@link #scan(String)} finds something
     */
    default boolean trips(String text) {
        return scan(text).isPresent();
    }
}
