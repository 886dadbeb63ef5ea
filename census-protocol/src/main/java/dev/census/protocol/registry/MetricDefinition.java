package dev.census.protocol.registry;

import dev.census.protocol.MetricValue;
import dev.census.protocol.WireRules;
import java.util.List;
import java.util.Objects;

/**
 * One metric of a product's registry: its name, type and unit, the question it answers, the
 * allowed values of an enum, whether it has been approved for collection, and its answers to the
 * rest of the working group's questions.
 */
public record MetricDefinition(
        String name,
        MetricType type,
        String unit,
        String question,
        List<String> allowedValues,
        MetricStatus status,
        Governance governance) {

    public MetricDefinition {
        WireRules.requireMetricName(name, "name");
        Objects.requireNonNull(type, "type");
        unit = unit == null ? "" : unit;
        question = question == null ? "" : question;
        allowedValues = List.copyOf(allowedValues);
        Objects.requireNonNull(status, "status");
        governance = governance == null ? Governance.none() : governance;
        if (type == MetricType.ENUM && allowedValues.isEmpty()) {
            throw new IllegalArgumentException("metric " + name + ": an enum needs allowed values");
        }
    }

    /** A metric without governance answers, for code and tests that only need the collection rules. */
    public MetricDefinition(String name, MetricType type, String unit, String question, List<String> allowedValues,
            MetricStatus status) {
        this(name, type, unit, question, allowedValues, status, Governance.none());
    }

    /** Null when the value is acceptable for this metric, otherwise why it is not. */
    public String rejection(MetricValue value) {
        String mismatch = type.mismatch(value);
        if (mismatch != null) {
            return mismatch;
        }
        if (type == MetricType.ENUM && !allowedValues.contains(((MetricValue.TextValue) value).value())) {
            return "not one of the allowed values";
        }
        return null;
    }
}
