package dev.census.server.summary;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one summary run did: the days written per product, and the product days that failed (the others went on). */
public record SummaryRun(Map<String, List<LocalDate>> summarized, List<SummaryFailure> failed) {

    public SummaryRun {
        Map<String, List<LocalDate>> copy = new LinkedHashMap<>();
        summarized.forEach((product, days) -> copy.put(product, List.copyOf(days)));
        summarized = java.util.Collections.unmodifiableMap(copy);
        failed = List.copyOf(failed);
    }
}
