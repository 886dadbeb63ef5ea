package dev.census.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds Census JSON v1 report bodies for tests, valid unless a test breaks them on purpose. */
public final class Reports {

    /** The string fields after {@code "schema":1}, in wire order, with their defaults. */
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, String> components = new LinkedHashMap<>();
    private final Map<String, String> metrics = new LinkedHashMap<>();

    private Reports() {
        fields.put("product", "demo");
        fields.put("system_id", UUID.randomUUID().toString());
        fields.put("channel", "production");
        fields.put("sent_at", "2026-03-10T12:00:00Z");
    }

    public static Reports report() {
        return new Reports();
    }

    public Reports product(String product) {
        return field("product", product);
    }

    public Reports system(String systemId) {
        return field("system_id", systemId);
    }

    public Reports system(UUID systemId) {
        return system(systemId.toString());
    }

    public Reports channel(String channel) {
        return field("channel", channel);
    }

    public Reports sentAt(String sentAt) {
        return field("sent_at", sentAt);
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

    private Reports field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public String json() {
        StringBuilder out = new StringBuilder("{\"schema\":1");
        fields.forEach((name, value) -> out.append(",\"").append(name).append("\":\"").append(value).append('"'));
        out.append(",\"components\":[");
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
