package dev.census.protocol.pii;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The standard set of PII detectors shared by the SDK (refuse to send), {@code metrics lint}
 * (refuse to approve) and ingestion (drop the field). Detectors run from the most specific kind to
 * the most general, so {@code https://bob:pw@db.example.com} is reported as URL credentials rather
 * than as a host name, and an IBAN or a card is reported as such before the card, phone and
 * secret detectors see its digits.
 */
public final class PiiDetectors {

    private static final Map<PiiKind, PiiDetector> BY_KIND = byKind();
    private static final PiiDetector STANDARD = chain(List.copyOf(BY_KIND.values()));
    private static final PiiDetector COMPONENT_VERSIONS = componentVersionChain();

    private PiiDetectors() {
    }

    /**
     * Every detector, in the order of {@link PiiKind}. Thread-safe and stateless.
     *
     * @return the standard chain
     */
    public static PiiDetector standard() {
        return STANDARD;
    }

    /**
     * The standard detectors as ingestion applies them to a component version: the same kinds, except
     * that a dotted quad ({@code 2.0.0.1}, {@code 17.0.4.1}) is a version unless it is a private,
     * shared, loopback or link-local address ({@code 10.0.0.1}, {@code 192.168.1.20}).
     *
     * @return the chain for component versions
     */
    public static PiiDetector componentVersions() {
        return COMPONENT_VERSIONS;
    }

    /**
     * The detector of a single kind, for callers that must tell kinds apart.
     *
     * @param kind the kind
     * @return its detector
     */
    public static PiiDetector of(PiiKind kind) {
        return BY_KIND.get(Objects.requireNonNull(kind, "kind"));
    }

    private static PiiDetector chain(List<PiiDetector> detectors) {
        return text -> {
            Objects.requireNonNull(text, "text");
            for (PiiDetector detector : detectors) {
                Optional<PiiFinding> finding = detector.scan(text);
                if (finding.isPresent()) {
                    return finding;
                }
            }
            return Optional.empty();
        };
    }

    private static PiiDetector componentVersionChain() {
        Map<PiiKind, PiiDetector> detectors = new EnumMap<>(BY_KIND);
        detectors.put(PiiKind.IPV4, Ipv4Detector.forVersions());
        return chain(List.copyOf(detectors.values()));
    }

    private static Map<PiiKind, PiiDetector> byKind() {
        Map<PiiKind, PiiDetector> detectors = new EnumMap<>(PiiKind.class);
        for (PiiKind kind : PiiKind.values()) {
            detectors.put(kind, kind.newDetector());
        }
        return detectors;
    }
}
