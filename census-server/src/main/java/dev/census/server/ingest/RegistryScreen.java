package dev.census.server.ingest;

import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import dev.census.protocol.Report;
import dev.census.protocol.pii.PiiDetector;
import dev.census.protocol.pii.PiiDetectors;
import dev.census.protocol.pii.PiiFinding;
import dev.census.registry.MetricDefinition;
import dev.census.registry.MetricStatus;
import dev.census.registry.ProductDefinition;
import dev.census.registry.Registry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds a report against its product's registry: unknown products are refused; metrics that are not
 * approved, carry personal data, do not fit their definition or lie outside their range are dropped (an enum's allowed
 * values passed the PII lint when the metric was approved, so only other strings are scanned); so are component versions
 * that look like personal data; and unknown component names become "other" so private plugin names
 * never reach public pages.
 */
final class RegistryScreen {

    /** The name unknown components are stored under. */
    static final String OTHER_COMPONENT = "other";

    private final Registry registry;
    /** Distinct clean versions remembered at most before the cache starts over. */
    static final int CLEAN_VERSIONS_CACHED = 10_000;

    private final PiiDetector pii = PiiDetectors.standard();
    /** A dotted quad is a version here unless it is a private-use address ({@code 2.0.0.1} kept, {@code 10.0.0.1} not). */
    private final PiiDetector versionPii = PiiDetectors.componentVersions();
    private final Map<String, Boolean> cleanVersions = new ConcurrentHashMap<>();

    RegistryScreen(Registry registry) {
        this.registry = registry;
    }

    ScreenedReport screen(Report report) {
        ProductDefinition product = registry.product(report.product()).orElseThrow(() -> new Rejection(
                Rejection.Kind.UNKNOWN_PRODUCT, "product", "this server does not collect for product " + report.product()));
        List<Dropped> dropped = new ArrayList<>();
        Set<String> droppedNames = new HashSet<>();
        for (Map.Entry<String, MetricValue> metric : report.metrics().entrySet()) {
            String reason = rejection(product, metric.getKey(), metric.getValue());
            if (reason != null) {
                dropped.add(new Dropped("metrics." + metric.getKey(), reason));
                droppedNames.add(metric.getKey());
            }
        }
        Report kept = report.withoutMetrics(droppedNames);
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < kept.components().size(); i++) {
            Component component = kept.components().get(i);
            Optional<PiiFinding> finding = scanVersion(component.version());
            if (finding.isPresent()) {
                dropped.add(new Dropped("components[" + i + "]", finding.get().reason()));
            } else {
                components.add(product.knownComponents().contains(component.name())
                        ? component : new Component(OTHER_COMPONENT, component.version()));
            }
        }
        if (!dropped.isEmpty() && components.isEmpty() && kept.metrics().isEmpty()) {
            throw new Rejection(Rejection.Kind.NOTHING_LEFT, "metrics", "every field of the report was dropped: " + dropped);
        }
        return new ScreenedReport(new Report(kept.product(), kept.systemId(), kept.channel(), kept.sentAt(),
                components, kept.metrics()), dropped);
    }

    /**
     * Scans a component version, remembering clean ones: a fleet reports few distinct versions, so
     * nearly every report is answered from this bounded cache. Versions with PII are never cached.
     */
    private Optional<PiiFinding> scanVersion(String version) {
        if (cleanVersions.containsKey(version)) {
            return Optional.empty();
        }
        Optional<PiiFinding> finding = versionPii.scan(version);
        if (finding.isEmpty()) {
            if (cleanVersions.size() >= CLEAN_VERSIONS_CACHED) {
                cleanVersions.clear();
            }
            cleanVersions.put(version, Boolean.TRUE);
        }
        return finding;
    }

    private String rejection(ProductDefinition product, String name, MetricValue value) {
        MetricDefinition definition = product.metrics().get(name);
        if (definition == null) {
            return Dropped.UNKNOWN_METRIC;
        }
        if (definition.status() != MetricStatus.APPROVED) {
            return Dropped.NOT_APPROVED;
        }
        if (value instanceof MetricValue.TextValue text && !definition.allowedValues().contains(text.value())) {
            Optional<PiiFinding> finding = pii.scan(text.value());
            if (finding.isPresent()) {
                return finding.get().reason();
            }
        }
        if (definition.rejection(value) != null) {
            return Dropped.INVALID_VALUE;
        }
        return definition.inRange(value) ? null : Dropped.OUT_OF_RANGE;
    }
}
