package dev.census.server.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts accepted reports, rejected reports per reason and dropped fields per reason, once, as
 * Micrometer counters; the admin statistics are read back from those counters.
 */
public final class IngestStats {

    static final String ACCEPTED = "census.reports.accepted";
    static final String REJECTED = "census.reports.rejected";
    static final String DROPPED = "census.fields.dropped";
    private static final String REASON = "reason";

    private final MeterRegistry meters;
    private final Counter accepted;

    public IngestStats(MeterRegistry meters) {
        this.meters = meters;
        this.accepted = meters.counter(ACCEPTED);
    }

    void recordAccepted() {
        accepted.increment();
    }

    void recordRejected(Rejection.Kind kind) {
        meters.counter(REJECTED, REASON, kind.key()).increment();
    }

    void recordDropped(String reason) {
        meters.counter(DROPPED, REASON, reason).increment();
    }

    public long accepted() {
        return (long) accepted.count();
    }

    /** Rejected reports per reason, in reason order. */
    public Map<String, Long> rejected() {
        return perReason(REJECTED);
    }

    /** Dropped fields per reason, in reason order. */
    public Map<String, Long> dropped() {
        return perReason(DROPPED);
    }

    private Map<String, Long> perReason(String name) {
        Map<String, Long> counts = new TreeMap<>();
        for (Counter counter : meters.find(name).counters()) {
            counts.merge(counter.getId().getTag(REASON), (long) counter.count(), Long::sum);
        }
        return counts;
    }
}
