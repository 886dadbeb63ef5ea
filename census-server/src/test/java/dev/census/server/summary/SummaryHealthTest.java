package dev.census.server.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryHealthTest {

    private static final Instant AT = Instant.parse("2026-03-10T04:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-03-09");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SummaryHealth health = new SummaryHealth(meters);

    @Test
    void failuresAndClippedValuesAreReadFromTheMicrometerCountersAndTrackedProductsOnlyShowThere() {
        health.track("quiet");
        health.track("demo");
        health.recordFailure(new SummaryFailure("demo", DAY, "boom", AT));
        meters.counter(SummaryHealth.FAILURES, "product", "demo").increment();
        meters.counter(SummaryHealth.CLIPPED, "product", "demo").increment(7);

        assertThat(health.totalFailures()).isEqualTo(2);
        assertThat(health.failuresByProduct()).containsExactly(Map.entry("demo", 2L));
        assertThat(health.clipped()).containsExactly(Map.entry("demo", 7L));
        assertThat(meters.get(SummaryHealth.FAILURES).tag("product", "quiet").counter().count()).isZero();
    }

    @Test
    void failingDaysAreListedByProductThenDayWithTheListingOfDaysFirst() {
        health.recordFailure(new SummaryFailure("demo", DAY, "late", AT));
        health.recordFailure(new SummaryFailure("demo", DAY.minusDays(1), "early", AT));
        health.recordFailure(new SummaryFailure("ab", DAY, "other product", AT));
        health.recordFailure(new SummaryFailure("demo", null, "listing", AT));
        health.recordFailure(new SummaryFailure("a", DAY, "shorter name", AT));

        assertThat(health.failing()).extracting(SummaryFailure::error)
                .containsExactly("shorter name", "other product", "listing", "early", "late");
        health.recordSuccess("demo", null);
        assertThat(health.failing()).extracting(SummaryFailure::error)
                .containsExactly("shorter name", "other product", "early", "late");
    }
}
