package dev.census.registry;

import dev.census.protocol.MetricValue;
import dev.census.protocol.WireRules;
import java.util.List;
import java.util.Objects;

/**
 * One metric of a product's registry: its name, type and unit, the question it answers, the
 * allowed values of an enum, whether it has been approved for collection, its answers to the
 * rest of the working group's questions, the range of a count or gauge ({@code null} for other
 * types; the type's default when none is given), and the human title charts and pages show (its
 * name when none is given).
 */
public record MetricDefinition(
        String name,
        MetricType type,
        String unit,
        String question,
        List<String> allowedValues,
        MetricStatus status,
        Governance governance,
        ValueRange range,
        String title) {

    public MetricDefinition {
        WireRules.requireMetricName(name, "name");
        Objects.requireNonNull(type, "type");
        unit = unit == null ? "" : unit;
        question = question == null ? "" : question;
        allowedValues = List.copyOf(allowedValues);
        Objects.requireNonNull(status, "status");
        governance = governance == null ? Governance.none() : governance;
        title = title == null || title.isBlank() ? name : title.strip();
        if (type == MetricType.ENUM && allowedValues.isEmpty()) {
            throw new IllegalArgumentException("metric " + name + ": an enum needs allowed values");
        }
        if (range == null) {
            range = type.defaultRange();
        } else if (!type.numeric()) {
            throw new IllegalArgumentException("metric " + name + ": only a count or gauge has a range, not a " + type.wireName());
        } else if (type == MetricType.COUNT && range.min() < 0) {
            throw new IllegalArgumentException("metric " + name + ": a count is never negative, so its range must start at 0 or above");
        }
    }

    /** A metric without a title of its own: pages show its name. */
    public MetricDefinition(String name, MetricType type, String unit, String question, List<String> allowedValues,
            MetricStatus status, Governance governance, ValueRange range) {
        this(name, type, unit, question, allowedValues, status, governance, range, null);
    }

    /** A metric with the default range of its type. */
    public MetricDefinition(String name, MetricType type, String unit, String question, List<String> allowedValues,
            MetricStatus status, Governance governance) {
        this(name, type, unit, question, allowedValues, status, governance, null, null);
    }

    /** A metric without governance answers, for code and tests that only need the collection rules. */
    public MetricDefinition(String name, MetricType type, String unit, String question, List<String> allowedValues,
            MetricStatus status) {
        this(name, type, unit, question, allowedValues, status, Governance.none(), null, null);
    }

    /**
     * Whether a value of the right type lies in this metric's range; true for types without one.
     * Ingestion drops a value outside as {@code out_of_range}, apart from values of the wrong type.
     */
    public boolean inRange(MetricValue value) {
        return range == null || !(value instanceof MetricValue.NumberValue number) || range.contains(number.value());
    }

    /** Null when the value has the right type (and enum value) for this metric, otherwise why not; see {@link #inRange}. */
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
