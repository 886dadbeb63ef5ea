package dev.census.server.summary;

import dev.census.server.store.ReportWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily work, checked every few minutes on one daemon thread: summarize closed days, compact
 * superseded reports, then delete raw reports past retention (after the run's summaries; a day whose
 * summary keeps failing is not kept past retention for it).
 */
public final class DailyJobs implements AutoCloseable {

    /** How often the jobs look for work; each run is cheap when there is none. */
    static final long PERIOD_MINUTES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(DailyJobs.class);

    private final Summarizer summarizer;
    private final ReportWriter store;
    private final Clock clock;
    private final int retentionDays;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "census-daily-jobs");
        thread.setDaemon(true);
        return thread;
    });

    public DailyJobs(Summarizer summarizer, ReportWriter store, Clock clock, int retentionDays) {
        this.summarizer = summarizer;
        this.store = store;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::runLogged, 0, PERIOD_MINUTES, TimeUnit.MINUTES);
    }

    /** The latest time of day (UTC) by which a closed day's summary is written: the jobs look every {@value #PERIOD_MINUTES} minutes. */
    public static LocalTime nightlyBy() {
        return LocalTime.MIDNIGHT.plusMinutes(PERIOD_MINUTES);
    }

    /**
     * Also summarizes today so far, provisionally, every {@code period} (on the same thread, so never
     * at the same time as the daily jobs); the first run after the day closes replaces it.
     */
    public void startProvisional(Duration period) {
        long millis = period.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException("period must be positive");
        }
        scheduler.scheduleWithFixedDelay(this::provisionalLogged, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void provisionalLogged() {
        try {
            summarizer.summarizeToday();
        } catch (JobBusyException e) {
            LOG.debug("provisional summary of today skipped: the daily jobs run now");
        } catch (RuntimeException e) {
            LOG.warn("provisional summary of today failed, will retry: {}", e.getMessage());
        }
    }

    /**
     * Runs the jobs once now, unless another replica is running them (then throws
     * {@link JobBusyException}); returns the days summarized per product and those that failed.
     * Compaction and retention run whatever the summaries did.
     */
    public SummaryRun runOnce() {
        return summarizer.exclusively(this::runHoldingLock);
    }

    private SummaryRun runHoldingLock() {
        SummaryRun run = summarizer.summarizeHoldingLock(null, null, false);
        LocalDate today = LocalDate.now(clock);
        int compacted = store.compactBefore(today);
        LocalDate cutoff = retentionCutoff();
        int expired = store.deleteReportsBefore(cutoff);
        for (SummaryFailure lost : summarizer.health().forgetBefore(cutoff)) {
            LOG.warn("summary of {} was never written: its raw reports passed retention while it failed ({})",
                    lost.where(), lost.error());
        }
        if (compacted + expired > 0 || run.summarized().values().stream().anyMatch(days -> !days.isEmpty())) {
            LOG.info("daily jobs: summarized {}, compacted {} superseded reports, deleted {} reports past retention",
                    run.summarized(), compacted, expired);
        }
        if (!run.failed().isEmpty()) {
            LOG.warn("daily jobs: {} summaries failed ({}) and are retried on the next run; compaction and retention ran",
                    run.failed().size(), run.failed().stream().map(SummaryFailure::where).toList());
        }
        return run;
    }

    /** Raw reports of days before this are deleted. */
    public LocalDate retentionCutoff() {
        return LocalDate.now(clock).minusDays(retentionDays);
    }

    private void runLogged() {
        try {
            runOnce();
        } catch (JobBusyException e) {
            LOG.debug("daily jobs skipped: another replica runs them");
        } catch (RuntimeException e) {
            LOG.warn("daily jobs failed, will retry in {} minutes: {}", PERIOD_MINUTES, e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
