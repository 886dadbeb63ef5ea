package dev.census.server.store;

import java.time.LocalDate;
import java.util.Objects;

/** Which published numbers to read: a product, channel and day range, optionally one metric, one page. */
public record SummaryQuery(String product, String channel, String metric, LocalDate from, LocalDate to, int limit, SummaryRow after) {

    public SummaryQuery {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
