package dev.census.protocol.registry;

import dev.census.protocol.WireRules;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A product that reports to Census: its title, the components it knows by name, and its metrics. */
public record ProductDefinition(
        String name,
        String title,
        String description,
        Set<String> knownComponents,
        Map<String, MetricDefinition> metrics) {

    public ProductDefinition {
        WireRules.requireProduct(name, "name");
        title = title == null || title.isBlank() ? name : title;
        description = description == null ? "" : description;
        knownComponents = Set.copyOf(knownComponents);
        metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    /** The metric of that name if it is approved for collection, else {@code null}. */
    public MetricDefinition approvedMetric(String metricName) {
        MetricDefinition definition = metrics.get(metricName);
        return definition != null && definition.status() == MetricStatus.APPROVED ? definition : null;
    }
}
