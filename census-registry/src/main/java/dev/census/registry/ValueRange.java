package dev.census.registry;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The values a count or gauge may take, both ends included ({@code min} and {@code max} in its
 * metric file); a value outside is dropped at ingestion as {@code out_of_range}.
 */
public record ValueRange(double min, double max) {

    /**
     * 2^53, the largest magnitude a range may reach: every whole number up to it is exact in a
     * double, and the sum of a day's values of even a billion systems stays far below overflow
     * (2^53 × 2^30 = 2^83, against a double's 2^1024). Summaries clip anything stored beyond it.
     */
    public static final double LIMIT = 9_007_199_254_740_992d;
    /** A count's range unless its file says otherwise: no installation has a billion of anything it counts. */
    public static final ValueRange COUNT_DEFAULT = new ValueRange(0, 1e9);
    /**
     * A gauge's range unless its file says otherwise: ±10^12 is a million times any measure a host
     * gives in the units metrics use (a host's memory in MiB is below 10^8), and far inside {@link #LIMIT}.
     */
    public static final ValueRange GAUGE_DEFAULT = new ValueRange(-1e12, 1e12);

    public ValueRange {
        requireBound(min, RegistryFields.MIN);
        requireBound(max, RegistryFields.MAX);
        if (min > max) {
            throw new IllegalArgumentException(RegistryFields.MIN + ": " + plain(min) + " is above max " + plain(max));
        }
    }

    /** Whether the value lies in the range, ends included. */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** The range as people read it: {@code 0 to 1000000000}. */
    @Override
    public String toString() {
        return plain(min) + " to " + plain(max);
    }

    /**
     * The range a metric file declares for its type: {@code min} and {@code max} as a YAML or JSON
     * parser gives them, each defaulting to the type's; {@code null} for a type without a range.
     *
     * @throws IllegalArgumentException naming the field, for a bound that is not a number, lies
     *         beyond ±{@link #LIMIT}, is given for a type without a range, makes a count negative or
     *         lies above the other
     */
    public static ValueRange fromFields(Map<String, ?> fields, MetricType type) {
        Double min = bound(fields.get(RegistryFields.MIN), RegistryFields.MIN);
        Double max = bound(fields.get(RegistryFields.MAX), RegistryFields.MAX);
        ValueRange defaults = type.defaultRange();
        if (defaults == null) {
            if (min != null || max != null) {
                throw new IllegalArgumentException((min != null ? RegistryFields.MIN : RegistryFields.MAX)
                        + ": only a count or gauge has a range, not a " + type.wireName());
            }
            return null;
        }
        if (type == MetricType.COUNT && min != null && min < 0) {
            throw new IllegalArgumentException(RegistryFields.MIN + ": a count is never negative, so min must be at least 0");
        }
        return new ValueRange(min == null ? defaults.min() : min, max == null ? defaults.max() : max);
    }

    /**
     * One bound as a parser gives it: {@code null} when absent or empty, else a number within
     * ±{@link #LIMIT} (a YAML number, or text that reads as one, such as {@code 1e9}).
     */
    static Double bound(Object raw, String field) {
        if (raw == null || raw instanceof String text && text.isBlank()) {
            return null;
        }
        double value;
        if (raw instanceof Number number) {
            value = number.doubleValue();
        } else {
            try {
                value = Double.parseDouble(raw.toString().strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": must be a number, not '" + raw + "'");
            }
        }
        requireBound(value, field);
        return value;
    }

    private static void requireBound(double value, String field) {
        if (!(Math.abs(value) <= LIMIT)) {
            throw new IllegalArgumentException(field + ": must lie within ±" + plain(LIMIT) + " (2^53), not " + value);
        }
    }

    /** A number without exponent or trailing zeros: 1000000000, 0.5, -3. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
