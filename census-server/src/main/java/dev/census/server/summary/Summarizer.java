package dev.census.server.summary;

import dev.census.registry.ProductDefinition;
import dev.census.registry.Registry;
import dev.census.server.store.DayAggregates;
import dev.census.server.store.ReportStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each closed UTC day's summary from the latest report of each system that day. Catches up
 * every missed day whose raw data is kept, is idempotent, and recomputes a day on request. A day
 * that fails is logged, counted in {@link SummaryHealth} and retried on the next run; the other days
 * and products go on.
 */
public final class Summarizer {

    private static final Logger LOG = LoggerFactory.getLogger(Summarizer.class);

    /** Smallest group published on its own; smaller buckets merge into "other". */
    public static final int DEFAULT_K = 5;

    private final ReportStore store;
    private final Registry registry;
    private final Clock clock;
    private final SummaryBuilder builder;
    private final SummaryHealth health;

    /** A summarizer whose failure counts are kept but not exported (the command line's). */
    public Summarizer(ReportStore store, Registry registry, Clock clock, int k) {
        this(store, registry, clock, k, new SummaryHealth(new SimpleMeterRegistry()));
    }

    public Summarizer(ReportStore store, Registry registry, Clock clock, int k, SummaryHealth health) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.builder = new SummaryBuilder(k);
        this.health = health;
        registry.products().forEach(product -> health.track(product.name()));
    }

    /** Failed days and clipped values so far. */
    public SummaryHealth health() {
        return health;
    }

    /** The lock the daily jobs hold while they run, on one replica at a time. */
    static final String JOB = "daily-jobs";

    /**
     * Summarizes every closed day not yet summarized, for every product; returns the days written per
     * product and those that failed. Throws {@link JobBusyException} while the daily jobs run elsewhere.
     */
    public SummaryRun catchUp() {
        return summarize(null, null, false);
    }

    /**
     * Summarizes closed days in [from, to] (either may be null: the earliest raw day, yesterday) for
     * every product; with {@code recompute}, days already summarized are written again, and a day
     * summarized provisionally is always written again (final). When [from, to] reaches today, today
     * is summarized too, from the reports so far, as provisional: the next run after it closes replaces it.
     * Returns the days written and those that failed. Throws {@link JobBusyException} while the daily jobs run elsewhere.
     */
    public SummaryRun summarize(LocalDate from, LocalDate to, boolean recompute) {
        return exclusively(() -> summarizeHoldingLock(from, to, recompute));
    }

    /** Summarizes today so far, provisionally, for every product that has raw reports; see {@link #summarize}. */
    public SummaryRun summarizeToday() {
        LocalDate today = LocalDate.now(clock);
        return summarize(today, today, false);
    }

    /** Runs work under the daily jobs' lock, or throws {@link JobBusyException}. */
    <T> T exclusively(java.util.function.Supplier<T> work) {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        if (!store.runExclusive(JOB, () -> result.set(work.get()))) {
            throw new JobBusyException(JOB);
        }
        return result.get();
    }

    /**
     * Each day's summary is written in one transaction: a replica dying mid-run leaves whole days only.
     * A failure (an exception; errors such as running out of memory still end the run) costs only its
     * own day, or, when a product's days cannot be listed, that product's run.
     */
    SummaryRun summarizeHoldingLock(LocalDate from, LocalDate to, boolean recompute) {
        LocalDate today = LocalDate.now(clock);
        LocalDate yesterday = today.minusDays(1);
        LocalDate last = to == null || to.isAfter(yesterday) ? yesterday : to;
        boolean withToday = to != null && !to.isBefore(today) && (from == null || !from.isAfter(today));
        Map<String, List<LocalDate>> written = new LinkedHashMap<>();
        List<SummaryFailure> failed = new ArrayList<>();
        for (ProductDefinition product : registry.products()) {
            List<LocalDate> days = new ArrayList<>();
            written.put(product.name(), days);
            List<LocalDate> pending;
            try {
                pending = new ArrayList<>(pendingDays(product.name(), from, last, recompute));
                if (withToday && store.earliestRawDay(product.name()).filter(day -> !day.isAfter(today)).isPresent()) {
                    pending.add(today);
                }
                health.recordSuccess(product.name(), null);
            } catch (RuntimeException e) {
                failed.add(failure(product.name(), null, e));
                continue;
            }
            for (LocalDate day : pending) {
                try {
                    summarizeDay(product, day, day.equals(today));
                    days.add(day);
                    health.recordSuccess(product.name(), day);
                } catch (RuntimeException e) {
                    failed.add(failure(product.name(), day, e));
                }
            }
        }
        return new SummaryRun(written, failed);
    }

    /** The closed days in [from, last] with raw data, less those summarized already unless recomputing. */
    private List<LocalDate> pendingDays(String product, LocalDate from, LocalDate last, boolean recompute) {
        Optional<LocalDate> earliest = store.earliestRawDay(product);
        if (earliest.isEmpty()) {
            return List.of();
        }
        LocalDate first = from == null || from.isBefore(earliest.get()) ? earliest.get() : from;
        Set<LocalDate> done = new HashSet<>(recompute ? Set.of() : store.summarizedDays(product));
        done.removeAll(store.provisionalDays(product));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!done.contains(day)) {
                days.add(day);
            }
        }
        return days;
    }

    private void summarizeDay(ProductDefinition product, LocalDate day, boolean provisional) {
        DayAggregates aggregates = store.aggregateDay(product.name(), day, product.persistentOnly());
        long clipped = aggregates.stats().stream().mapToLong(DayAggregates.Stats::clipped).sum();
        if (clipped > 0) {
            health.recordClipped(product.name(), clipped);
            LOG.warn("summary of {} {}: {} stored values beyond ±2^53 were clipped to it for the statistics of {}",
                    product.name(), day, clipped, aggregates.stats().stream().filter(stats -> stats.clipped() > 0)
                            .map(DayAggregates.Stats::metric).distinct().toList());
        }
        aggregates.stats().stream().filter(stats -> !stats.finite()).forEach(stats -> LOG.warn(
                "summary of {} {}: statistics of {} on {} are not finite and are not published: {}",
                product.name(), day, stats.metric(), stats.channel(), stats));
        store.replaceSummaries(product.name(), day, builder.build(product, day, aggregates), provisional);
    }

    private SummaryFailure failure(String product, LocalDate day, RuntimeException e) {
        SummaryFailure failure = SummaryFailure.of(product, day, e, clock.instant());
        if (health.recordFailure(failure)) {
            LOG.warn("summary of {} failed, the other days and products go on; it is retried on the next run: {}",
                    failure.where(), failure.error(), e);
        } else {
            LOG.warn("summary of {} failed again: {}", failure.where(), failure.error());
        }
        return failure;
    }
}
