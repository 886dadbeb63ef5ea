package dev.census.server.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds Census JSON v1 report bodies for tests, valid unless a test breaks them on purpose. */
public final class Reports {

    private String product = "demo";
    private String systemId = UUID.randomUUID().toString();
    private String channel = "production";
    private String sentAt = "2026-03-10T12:00:00Z";
    private final Map<String, String> components = new LinkedHashMap<>();
    private final Map<String, String> metrics = new LinkedHashMap<>();

    public static Reports report() {
        return new Reports();
    }

    public Reports product(String product) {
        this.product = product;
        return this;
    }

    public Reports system(String systemId) {
        this.systemId = systemId;
        return this;
    }

    public Reports system(UUID systemId) {
        return system(systemId.toString());
    }

    public Reports channel(String channel) {
        this.channel = channel;
        return this;
    }

    public Reports sentAt(String sentAt) {
        this.sentAt = sentAt;
        return this;
    }

    public Reports component(String name, String version) {
        components.put(name, version);
        return this;
    }

    /** A metric with its JSON value written as given: {@code 4}, {@code true}, {@code "\"s3\""}. */
    public Reports metric(String name, String jsonValue) {
        metrics.put(name, jsonValue);
        return this;
    }

    public String json() {
        StringBuilder out = new StringBuilder("{\"schema\":1,\"product\":\"").append(product)
                .append("\",\"system_id\":\"").append(systemId).append("\",\"channel\":\"").append(channel)
                .append("\",\"sent_at\":\"").append(sentAt).append("\",\"components\":[");
        String separator = "";
        for (Map.Entry<String, String> component : components.entrySet()) {
            out.append(separator).append("{\"name\":\"").append(component.getKey()).append("\",\"version\":\"")
                    .append(component.getValue()).append("\"}");
            separator = ",";
        }
        out.append("],\"metrics\":{");
        separator = "";
        for (Map.Entry<String, String> metric : metrics.entrySet()) {
            out.append(separator).append('"').append(metric.getKey()).append("\":").append(metric.getValue());
            separator = ",";
        }
        return out.append("}}").toString();
    }
}
