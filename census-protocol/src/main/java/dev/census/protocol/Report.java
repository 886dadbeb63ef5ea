package dev.census.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One installation's daily report, as Census JSON v1 carries it. Build it with {@link #builder()},
 * which checks every wire rule as it goes and names the offending field.
 */
public record Report(
        String product,
        UUID systemId,
        Channel channel,
        Instant sentAt,
        List<Component> components,
        SortedMap<String, MetricValue> metrics) {

    /**
     * Checks the wire rules (product name, at most 100 components and 200 metrics) and copies the collections.
     *
     * @param product the product as the server knows it
     * @param systemId the installation's random ID
     * @param channel production or dev
     * @param sentAt when the report was sent
     * @param components the installed components and their versions
     * @param metrics the metrics by name
     */
    public Report {
        WireRules.requireProduct(product, "product");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sentAt, "sentAt");
        components = List.copyOf(components);
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
        if (components.size() > WireRules.MAX_COMPONENTS) {
            throw new InvalidReportException("components", "at most " + WireRules.MAX_COMPONENTS + " components");
        }
        if (metrics.size() > WireRules.MAX_METRICS) {
            throw new InvalidReportException("metrics", "at most " + WireRules.MAX_METRICS + " metrics");
        }
    }

    /**
     * Starts a report.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A copy of this report without some metrics.
     *
     * @param names the metrics to leave out
     * @return the copy
     */
    public Report withoutMetrics(Set<String> names) {
        TreeMap<String, MetricValue> kept = new TreeMap<>(metrics);
        kept.keySet().removeAll(names);
        return new Report(product, systemId, channel, sentAt, components, kept);
    }

    /** Collects the parts of a report, validating each as it is given. */
    public static final class Builder {
        private String product;
        private UUID systemId;
        private Channel channel;
        private Instant sentAt;
        private final List<Component> components = new ArrayList<>();
        private final TreeMap<String, MetricValue> metrics = new TreeMap<>();

        private Builder() {
        }

        /**
         * Sets the product.
         *
         * @param product the product as the server knows it, {@code [a-z][a-z0-9-]*}
         * @return this builder
         */
        public Builder product(String product) { this.product = WireRules.requireProduct(product, "product"); return this; }

        /**
         * Sets the system ID.
         *
         * @param systemId the installation's random ID
         * @return this builder
         */
        public Builder systemId(UUID systemId) { this.systemId = Objects.requireNonNull(systemId, "system_id"); return this; }

        /**
         * Sets the system ID from its text.
         *
         * @param systemId a UUID in canonical lowercase form
         * @return this builder
         */
        public Builder systemId(String systemId) { this.systemId = WireRules.requireSystemId(systemId, "system_id"); return this; }

        /**
         * Sets the channel (by default it follows from the component versions).
         *
         * @param channel production or dev
         * @return this builder
         */
        public Builder channel(Channel channel) { this.channel = Objects.requireNonNull(channel, "channel"); return this; }

        /**
         * Sets the time the report is sent.
         *
         * @param sentAt the instant
         * @return this builder
         */
        public Builder sentAt(Instant sentAt) { this.sentAt = Objects.requireNonNull(sentAt, "sent_at"); return this; }

        /**
         * Adds a component.
         *
         * @param name the component's name
         * @param version its version
         * @return this builder
         */
        public Builder component(String name, String version) {
            components.add(new Component(name, version));
            return this;
        }

        /**
         * Adds a metric; each name at most once.
         *
         * @param name the metric's name, lowercase dotted words
         * @param value its value
         * @return this builder
         */
        public Builder metric(String name, MetricValue value) {
            WireRules.requireMetricName(name, "metrics");
            if (metrics.put(name, Objects.requireNonNull(value, "metrics." + name)) != null) {
                throw new InvalidReportException("metrics." + name, "given twice");
            }
            return this;
        }

        /**
         * Builds the report; product, system ID and sent-at are required, the channel defaults from
         * versions. A production report may carry strict {@code X.Y.Z} versions only: anything else is
         * a development build, whatever the sender says.
         *
         * @return the report
         */
        public Report build() {
            if (product == null) {
                throw new InvalidReportException("product", "is required");
            }
            if (systemId == null) {
                throw new InvalidReportException("system_id", "is required");
            }
            if (sentAt == null) {
                throw new InvalidReportException("sent_at", "is required");
            }
            Channel resolved = channel != null ? channel
                    : Channel.forVersions(components.stream().map(Component::version).toList());
            if (resolved == Channel.PRODUCTION) {
                for (int i = 0; i < components.size(); i++) {
                    String version = components.get(i).version();
                    if (!Version.isRelease(version)) {
                        throw new InvalidReportException("channel", "production reports carry strict X.Y.Z versions only, but components["
                                + i + "].version is " + version + "; send it as dev");
                    }
                }
            }
            return new Report(product, systemId, resolved, sentAt, components, metrics);
        }
    }
}
