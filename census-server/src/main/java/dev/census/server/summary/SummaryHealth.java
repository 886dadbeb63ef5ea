package dev.census.server.summary;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts failed summary days and clipped values per product, remembers the days failing now, and
 * shows the counts as Micrometer counters ({@code census_summary_failures_total},
 * {@code census_summary_values_clipped_total}, both tagged with the product).
 */
public final class SummaryHealth {

    static final String FAILURES = "census.summary.failures";
    static final String CLIPPED = "census.summary.values.clipped";

    private final MeterRegistry meters;
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> clipped = new ConcurrentHashMap<>();
    /** Keyed product, then day ("" while the product's days cannot be listed): sorted for the admin answer. */
    private final Map<String, SummaryFailure> failing = new ConcurrentSkipListMap<>();

    public SummaryHealth(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Shows a product's counters at 0 before anything happened, so alerts can watch them from the start. */
    void track(String product) {
        meters.counter(FAILURES, "product", product);
        meters.counter(CLIPPED, "product", product);
    }

    /** Counts a failure; true when this day was not failing already (or failed differently), so it deserves a stack trace. */
    boolean recordFailure(SummaryFailure failure) {
        failures.computeIfAbsent(failure.product(), p -> new LongAdder()).increment();
        meters.counter(FAILURES, "product", failure.product()).increment();
        SummaryFailure before = failing.put(key(failure.product(), failure.day()), failure);
        return before == null || !before.error().equals(failure.error());
    }

    /** The day (or, with a null day, the listing of the product's days) succeeded: it is failing no more. */
    void recordSuccess(String product, LocalDate day) {
        failing.remove(key(product, day));
    }

    /**
     * Forgets the failing days before the retention cutoff: their raw reports are deleted, so they
     * can never be summarized; returns them so the caller can say so.
     */
    List<SummaryFailure> forgetBefore(LocalDate cutoff) {
        List<SummaryFailure> lost = new ArrayList<>();
        failing.values().removeIf(failure -> {
            boolean gone = failure.day() != null && failure.day().isBefore(cutoff);
            if (gone) {
                lost.add(failure);
            }
            return gone;
        });
        return lost;
    }

    void recordClipped(String product, long values) {
        clipped.computeIfAbsent(product, p -> new LongAdder()).add(values);
        meters.counter(CLIPPED, "product", product).increment(values);
    }

    /** Failed summary attempts since start, of every product. */
    public long totalFailures() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Failed summary attempts since start, per product. */
    public Map<String, Long> failuresByProduct() {
        return snapshot(failures);
    }

    /** The product days whose last attempt failed, by product and day. */
    public List<SummaryFailure> failing() {
        return new ArrayList<>(failing.values());
    }

    /** Stored values beyond ±2^53 clipped for statistics since start, per product. */
    public Map<String, Long> clipped() {
        return snapshot(clipped);
    }

    private static String key(String product, LocalDate day) {
        return product + "\n" + (day == null ? "" : day.toString());
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((product, count) -> copy.put(product, count.sum()));
        return copy;
    }
}
