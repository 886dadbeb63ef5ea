package dev.census.protocol;

/** The value of one metric in a report: a number, a boolean or a short string. */
public sealed interface MetricValue permits MetricValue.NumberValue, MetricValue.BooleanValue, MetricValue.TextValue {

    static MetricValue of(double value) {
        return new NumberValue(value);
    }

    static MetricValue of(boolean value) {
        return new BooleanValue(value);
    }

    static MetricValue of(String value) {
        return new TextValue(value);
    }

    /** A finite number; integral values are written without a fraction. */
    record NumberValue(double value) implements MetricValue {
        public NumberValue {
            if (!Double.isFinite(value)) {
                throw new InvalidReportException("metrics", "numbers must be finite");
            }
        }
    }

    /** A boolean flag. */
    record BooleanValue(boolean value) implements MetricValue {
    }

    /** A short string, normally one of the allowed values the registry lists for an enum metric. */
    record TextValue(String value) implements MetricValue {
        public TextValue {
            WireRules.requireShortText(value, "metrics");
        }
    }
}
