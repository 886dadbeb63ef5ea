package dev.census.sdk;

import dev.census.protocol.pii.PiiDetector;
import dev.census.protocol.pii.PiiDetectors;
import java.util.Optional;

/**
 * Names the kind of personal data a text contains, if any ("email", "ipv4", ...). The SDK
 * refuses such values before anything leaves the host.
 */
@FunctionalInterface
interface PiiCheck {

    Optional<String> firstMatch(String text);

    /** The detectors the SDK uses: census-protocol's, the same that lint and the server run. */
    static PiiCheck standard() {
        PiiDetector detectors = PiiDetectors.standard();
        return text -> detectors.scan(text).map(finding -> finding.kind().wireName());
    }
}
