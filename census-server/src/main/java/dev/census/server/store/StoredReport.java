package dev.census.server.store;

import dev.census.protocol.Channel;
import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A validated, screened report as the store keeps it: the UTC day it counts for and when it arrived. */
public record StoredReport(
        String product,
        UUID systemId,
        LocalDate day,
        Channel channel,
        Instant receivedAt,
        List<Component> components,
        Map<String, MetricValue> metrics) {

    public StoredReport {
        components = List.copyOf(components);
        metrics = Map.copyOf(metrics);
    }
}
