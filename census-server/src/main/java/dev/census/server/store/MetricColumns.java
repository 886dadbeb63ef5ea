package dev.census.server.store;

import dev.census.protocol.MetricValue;

/** How one metric value is spread over the num, bucket and txt columns of report_metrics. */
record MetricColumns(Double num, Short bucket, String txt) {

    static MetricColumns of(MetricValue value) {
        if (value instanceof MetricValue.NumberValue number) {
            return new MetricColumns(number.value(), PowerOfTwoBuckets.exponent(number.value()), null);
        }
        if (value instanceof MetricValue.BooleanValue flag) {
            return new MetricColumns(null, null, Boolean.toString(flag.value()));
        }
        return new MetricColumns(null, null, ((MetricValue.TextValue) value).value());
    }
}
