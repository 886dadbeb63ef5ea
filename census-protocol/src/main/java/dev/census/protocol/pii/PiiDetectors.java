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
 * than as a host name.
 */
public final class PiiDetectors {

    private static final Map<PiiKind, PiiDetector> BY_KIND = byKind();
    private static final PiiDetector STANDARD = chain(List.copyOf(BY_KIND.values()));

    private PiiDetectors() {
    }

    /** Every detector, in the order of {@link PiiKind}. Thread-safe and stateless. */
    public static PiiDetector standard() {
        return STANDARD;
    }

    /** The detector of a single kind, for callers that must tell kinds apart. */
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

    private static Map<PiiKind, PiiDetector> byKind() {
        Map<PiiKind, PiiDetector> detectors = new EnumMap<>(PiiKind.class);
        detectors.put(PiiKind.URL_CREDENTIALS, new UrlCredentialsDetector());
        detectors.put(PiiKind.EMAIL, new EmailDetector());
        detectors.put(PiiKind.HOME_PATH, new HomePathDetector());
        detectors.put(PiiKind.MAC, new MacDetector());
        detectors.put(PiiKind.IPV6, new Ipv6Detector());
        detectors.put(PiiKind.IPV4, new Ipv4Detector());
        detectors.put(PiiKind.HOSTNAME, new HostnameDetector());
        detectors.put(PiiKind.SECRET, new SecretDetector());
        return detectors;
    }
}
