package dev.census.server.summary;

import dev.census.protocol.registry.ProductDefinition;
import dev.census.server.registry.Registry;
import dev.census.server.store.ReportStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes each closed UTC day's summary from the latest report of each system that day. Catches up
 * every missed day whose raw data is kept, is idempotent, and recomputes a day on request.
 */
public final class Summarizer {

    /** Smallest group published on its own; smaller buckets merge into "other". */
    public static final int DEFAULT_K = 5;

    private final ReportStore store;
    private final Registry registry;
    private final Clock clock;
    private final SummaryBuilder builder;

    public Summarizer(ReportStore store, Registry registry, Clock clock, int k) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.builder = new SummaryBuilder(k);
    }

    /** The lock the daily jobs hold while they run, on one replica at a time. */
    static final String JOB = "daily-jobs";

    /**
     * Summarizes every closed day not yet summarized, for every product; returns the days written per
     * product. Throws {@link JobBusyException} while the daily jobs run elsewhere.
     */
    public Map<String, List<LocalDate>> catchUp() {
        return summarize(null, null, false);
    }

    /**
     * Summarizes closed days in [from, to] (either may be null: the earliest raw day, yesterday) for
     * every product; with {@code recompute}, days already summarized are written again. Throws
     * {@link JobBusyException} while the daily jobs run elsewhere.
     */
    public Map<String, List<LocalDate>> summarize(LocalDate from, LocalDate to, boolean recompute) {
        return exclusively(() -> summarizeHoldingLock(from, to, recompute));
    }

    /** Runs work under the daily jobs' lock, or throws {@link JobBusyException}. */
    <T> T exclusively(java.util.function.Supplier<T> work) {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        if (!store.runExclusive(JOB, () -> result.set(work.get()))) {
            throw new JobBusyException(JOB);
        }
        return result.get();
    }

    /** Each day's summary is written in one transaction: a replica dying mid-run leaves whole days only. */
    Map<String, List<LocalDate>> summarizeHoldingLock(LocalDate from, LocalDate to, boolean recompute) {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        LocalDate last = to == null || to.isAfter(yesterday) ? yesterday : to;
        Map<String, List<LocalDate>> written = new LinkedHashMap<>();
        for (ProductDefinition product : registry.products()) {
            Optional<LocalDate> earliest = store.earliestRawDay(product.name());
            if (earliest.isEmpty()) {
                written.put(product.name(), List.of());
                continue;
            }
            LocalDate first = from == null || from.isBefore(earliest.get()) ? earliest.get() : from;
            Set<LocalDate> done = recompute ? Set.of() : store.summarizedDays(product.name());
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (!done.contains(day)) {
                    store.replaceSummaries(product.name(), day, builder.build(product, day, store.aggregateDay(product.name(), day, product.persistentOnly())));
                    days.add(day);
                }
            }
            written.put(product.name(), days);
        }
        return written;
    }
}
