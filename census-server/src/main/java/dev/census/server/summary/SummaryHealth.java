package dev.census.server.summary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Counts failed summary days and clipped values per product, once, as Micrometer counters
 * ({@code census_summary_failures_total}, {@code census_summary_values_clipped_total}, both tagged with
 * the product) that the admin statistics read back, and remembers the days failing now.
 */
public final class SummaryHealth {

    static final String FAILURES = "census.summary.failures";
    static final String CLIPPED = "census.summary.values.clipped";

    private static final String PRODUCT = "product";

    private final MeterRegistry meters;
    /** Sorted by product, then day (the listing of the product's days, a null day, first): as the admin answer shows them. */
    private final Map<ProductDay, SummaryFailure> failing = new ConcurrentSkipListMap<>(ProductDay.ORDER);

    /** One product's day, or with a null day the listing of its days. */
    private record ProductDay(String product, LocalDate day) {
        static final Comparator<ProductDay> ORDER = Comparator.comparing(ProductDay::product)
                .thenComparing(ProductDay::day, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    public SummaryHealth(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Shows a product's counters at 0 before anything happened, so alerts can watch them from the start. */
    void track(String product) {
        meters.counter(FAILURES, PRODUCT, product);
        meters.counter(CLIPPED, PRODUCT, product);
    }

    /** Counts a failure; true when this day was not failing already (or failed differently), so it deserves a stack trace. */
    boolean recordFailure(SummaryFailure failure) {
        meters.counter(FAILURES, PRODUCT, failure.product()).increment();
        SummaryFailure before = failing.put(new ProductDay(failure.product(), failure.day()), failure);
        return before == null || !before.error().equals(failure.error());
    }

    /** The day (or, with a null day, the listing of the product's days) succeeded: it is failing no more. */
    void recordSuccess(String product, LocalDate day) {
        failing.remove(new ProductDay(product, day));
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
        meters.counter(CLIPPED, PRODUCT, product).increment(values);
    }

    /** Failed summary attempts since start, of every product. */
    public long totalFailures() {
        return perProduct(FAILURES).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Failed summary attempts since start, per product. */
    public Map<String, Long> failuresByProduct() {
        return perProduct(FAILURES);
    }

    /** The product days whose last attempt failed, by product and day. */
    public List<SummaryFailure> failing() {
        return new ArrayList<>(failing.values());
    }

    /** Stored values beyond ±2^53 clipped for statistics since start, per product. */
    public Map<String, Long> clipped() {
        return perProduct(CLIPPED);
    }

    /** The products whose counter moved (those only {@link #track tracked} stay out), in product order. */
    private Map<String, Long> perProduct(String name) {
        Map<String, Long> counts = new TreeMap<>();
        for (Counter counter : meters.find(name).counters()) {
            long count = (long) counter.count();
            if (count > 0) {
                counts.merge(counter.getId().getTag(PRODUCT), count, Long::sum);
            }
        }
        return counts;
    }
}
