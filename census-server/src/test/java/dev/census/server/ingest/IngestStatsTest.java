package dev.census.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestStatsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IngestStats stats = new IngestStats(meters);

    @Test
    void eachReportIsCountedOnceInMicrometerUnderItsReasonKey() {
        stats.recordAccepted();
        stats.recordRejected(Rejection.Kind.NOTHING_LEFT);
        stats.recordRejected(Rejection.Kind.NOTHING_LEFT);
        stats.recordDropped(Dropped.UNKNOWN_METRIC);

        assertThat(meters.get("census.reports.accepted").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("census.reports.rejected").tag("reason", "nothing-accepted").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("census.fields.dropped").tag("reason", "unknown_metric").counter().count()).isEqualTo(1.0);
    }

    @Test
    void theAdminStatisticsAreReadFromTheMicrometerCounters() {
        meters.counter("census.reports.accepted").increment(3);
        meters.counter("census.reports.rejected", "reason", "too-large").increment();
        meters.counter("census.reports.rejected", "reason", "malformed-report").increment(2);
        meters.counter("census.fields.dropped", "reason", "out_of_range").increment(4);

        assertThat(stats.accepted()).isEqualTo(3);
        assertThat(stats.rejected()).containsExactly(Map.entry("malformed-report", 2L), Map.entry("too-large", 1L));
        assertThat(stats.dropped()).containsExactly(Map.entry("out_of_range", 4L));
    }
}
