package dev.census.server.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts accepted reports, rejected reports per reason and dropped fields per reason; also as Micrometer meters. */
public final class IngestStats {

    private final MeterRegistry meters;
    private final LongAdder accepted = new LongAdder();
    private final Counter acceptedCounter;
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();

    public IngestStats(MeterRegistry meters) {
        this.meters = meters;
        this.acceptedCounter = meters.counter("census.reports.accepted");
    }

    void recordAccepted() {
        accepted.increment();
        acceptedCounter.increment();
    }

    void recordRejected(String reason) {
        rejected.computeIfAbsent(reason, r -> new LongAdder()).increment();
        meters.counter("census.reports.rejected", "reason", reason).increment();
    }

    void recordDropped(String reason) {
        dropped.computeIfAbsent(reason, r -> new LongAdder()).increment();
        meters.counter("census.fields.dropped", "reason", reason).increment();
    }

    public long accepted() {
        return accepted.sum();
    }

    /** Rejected reports per reason, in reason order. */
    public Map<String, Long> rejected() {
        return snapshot(rejected);
    }

    /** Dropped fields per reason, in reason order. */
    public Map<String, Long> dropped() {
        return snapshot(dropped);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((reason, count) -> copy.put(reason, count.sum()));
        return copy;
    }
}
