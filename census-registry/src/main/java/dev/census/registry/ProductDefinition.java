package dev.census.registry;

import dev.census.protocol.WireRules;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A product that reports to Census: its title, the components it knows by name, its metrics, the
 * foreign wire format it also accepts ({@code compat}, e.g. {@link #COMPAT_PULP}; empty for none),
 * and whether its summaries count only persistent systems (seen on an earlier day).
 */
public record ProductDefinition(
        String name,
        String title,
        String description,
        Set<String> knownComponents,
        Map<String, MetricDefinition> metrics,
        String compat,
        boolean persistentOnly) {

    /** pulpcore's protobuf {@code Analytics} message, posted to {@code /}. */
    public static final String COMPAT_PULP = "pulp";

    public ProductDefinition {
        WireRules.requireProduct(name, "name");
        title = title == null || title.isBlank() ? name : title;
        description = description == null ? "" : description;
        knownComponents = Set.copyOf(knownComponents);
        metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
        compat = compat == null ? "" : compat.strip().toLowerCase(Locale.ROOT);
        if (!compat.isEmpty() && !compat.equals(COMPAT_PULP)) {
            throw new IllegalArgumentException("product " + name + ": compat: unknown wire format " + compat
                    + " (known: " + COMPAT_PULP + ")");
        }
    }

    /** A product that speaks only Census JSON and summarizes every system. */
    public ProductDefinition(String name, String title, String description, Set<String> knownComponents,
            Map<String, MetricDefinition> metrics) {
        this(name, title, description, knownComponents, metrics, "", false);
    }

    /** Whether installations of this product post pulpcore's protobuf {@code Analytics} message. */
    public boolean pulpCompatible() {
        return COMPAT_PULP.equals(compat);
    }

    /** The metric of that name if it is approved for collection, else {@code null}. */
    public MetricDefinition approvedMetric(String metricName) {
        MetricDefinition definition = metrics.get(metricName);
        return definition != null && definition.status() == MetricStatus.APPROVED ? definition : null;
    }
}
