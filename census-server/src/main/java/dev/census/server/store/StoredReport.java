package dev.census.server.store;

import dev.census.protocol.Channel;
import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A validated, screened report as the store keeps it: the UTC day it counts for and when it arrived;
 * on a relay, also what it forwards of it ({@code forward}, null when nothing), queued in the same transaction.
 */
public record StoredReport(
        String product,
        UUID systemId,
        LocalDate day,
        Channel channel,
        Instant receivedAt,
        List<Component> components,
        Map<String, MetricValue> metrics,
        Forward forward) {

    public StoredReport {
        components = List.copyOf(components);
        metrics = Map.copyOf(metrics);
    }

    /** A report that is not forwarded anywhere. */
    public StoredReport(String product, UUID systemId, LocalDate day, Channel channel, Instant receivedAt,
            List<Component> components, Map<String, MetricValue> metrics) {
        this(product, systemId, day, channel, receivedAt, components, metrics, null);
    }

    /** The exact bytes a relay forwards upstream, in the wire format ({@code census-json}, {@code pulp-protobuf}) they came in. */
    public record Forward(String format, byte[] body) {
    }
}
