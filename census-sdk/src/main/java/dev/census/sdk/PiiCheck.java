package dev.census.sdk;

import java.util.Optional;

/**
 * Names the kind of personal data a text contains, if any ("email", "ipv4", ...). The SDK
 * refuses such values before anything leaves the host.
 */
@FunctionalInterface
interface PiiCheck {

    Optional<String> firstMatch(String text);

    /** The detectors the SDK uses. */
    static PiiCheck standard() {
        return InterimPiiCheck.INSTANCE;
    }
}
