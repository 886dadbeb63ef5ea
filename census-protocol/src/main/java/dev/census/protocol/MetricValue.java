package dev.census.protocol;

/** The value of one metric in a report: a number, a boolean or a short string. */
public sealed interface MetricValue permits MetricValue.NumberValue, MetricValue.BooleanValue, MetricValue.TextValue {

    /**
     * A number.
     *
     * @param value a finite number
     * @return the metric value
     */
    static MetricValue of(double value) {
        return new NumberValue(value);
    }

    /**
     * A boolean.
     *
     * @param value the flag
     * @return the metric value
     */
    static MetricValue of(boolean value) {
        return new BooleanValue(value);
    }

    /**
     * A short string.
     *
     * @param value 1-64 characters
     * @return the metric value
     */
    static MetricValue of(String value) {
        return new TextValue(value);
    }

    /**
     * A finite number; integral values are written without a fraction.
     *
     * @param value the number
     */
    record NumberValue(double value) implements MetricValue {
        /**
         * Refuses infinities and NaN.
         *
         * @param value the number
         */
        public NumberValue {
            if (!Double.isFinite(value)) {
                throw new InvalidReportException("metrics", "numbers must be finite");
            }
        }
    }

    /**
     * A boolean flag.
     *
     * @param value the flag
     */
    record BooleanValue(boolean value) implements MetricValue {
    }

    /**
     * A short string, normally one of the allowed values the registry lists for an enum metric.
     *
     * @param value 1-64 characters
     */
    record TextValue(String value) implements MetricValue {
        /**
         * Refuses empty and long strings.
         *
         * @param value the text
         */
        public TextValue {
            WireRules.requireShortText(value, "metrics");
        }
    }
}
