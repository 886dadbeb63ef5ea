package dev.census.server.ingest;

import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import dev.census.protocol.Report;
import dev.census.protocol.registry.MetricDefinition;
import dev.census.protocol.registry.MetricStatus;
import dev.census.protocol.registry.ProductDefinition;
import dev.census.server.registry.Registry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds a report against its product's registry: unknown products are refused, metrics that are not
 * approved or do not fit their definition are dropped, and unknown component names become "other"
 * so private plugin names never reach public pages.
 */
final class RegistryScreen {

    /** The name unknown components are stored under. */
    static final String OTHER_COMPONENT = "other";

    private final Registry registry;

    RegistryScreen(Registry registry) {
        this.registry = registry;
    }

    ScreenedReport screen(Report report) {
        ProductDefinition product = registry.product(report.product()).orElseThrow(() -> new RejectedReport(
                422, "unknown-product", "product", "this server does not collect for product " + report.product()));
        List<Dropped> dropped = new ArrayList<>();
        Set<String> droppedNames = new HashSet<>();
        for (Map.Entry<String, MetricValue> metric : report.metrics().entrySet()) {
            String reason = rejection(product, metric.getKey(), metric.getValue());
            if (reason != null) {
                dropped.add(new Dropped("metrics." + metric.getKey(), reason));
                droppedNames.add(metric.getKey());
            }
        }
        if (!droppedNames.isEmpty() && droppedNames.size() == report.metrics().size() && report.components().isEmpty()) {
            throw new RejectedReport(422, "nothing-accepted", "metrics", "every field of the report was dropped: " + dropped);
        }
        Report kept = report.withoutMetrics(droppedNames);
        List<Component> components = kept.components().stream()
                .map(c -> product.knownComponents().contains(c.name()) ? c : new Component(OTHER_COMPONENT, c.version()))
                .toList();
        return new ScreenedReport(new Report(kept.product(), kept.systemId(), kept.channel(), kept.sentAt(),
                components, kept.metrics()), dropped);
    }

    private static String rejection(ProductDefinition product, String name, MetricValue value) {
        MetricDefinition definition = product.metrics().get(name);
        if (definition == null) {
            return Dropped.UNKNOWN_METRIC;
        }
        if (definition.status() != MetricStatus.APPROVED) {
            return Dropped.NOT_APPROVED;
        }
        return definition.rejection(value) == null ? null : Dropped.INVALID_VALUE;
    }
}
