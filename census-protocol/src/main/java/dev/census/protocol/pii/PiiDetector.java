package dev.census.protocol.pii;

import java.util.Optional;

/** Looks for one or more kinds of personal data in a piece of text. */
@FunctionalInterface
public interface PiiDetector {

    /** The first finding in the text, or empty when the text is clean. Never throws for any non-null text. */
    Optional<PiiFinding> scan(String text);

    /** Whether the text holds anything this detector looks for. */
    default boolean trips(String text) {
        return scan(text).isPresent();
    }
}
