package dev.census.server.testing;

import dev.census.server.store.DayAggregates;
import dev.census.server.store.ReportStore;
import dev.census.server.store.StoreUnavailableException;
import dev.census.server.store.StoredReport;
import dev.census.server.store.SummaryQuery;
import dev.census.server.store.SummaryRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A real store whose appends wait at a gate the test opens, so a test can observe the server while
 * a commit is in progress; it can also fail appends as an unavailable database would.
 */
public final class GatedReportStore implements ReportStore {

    private final ReportStore delegate;
    private final Semaphore gate = new Semaphore(0);
    private final CountDownLatch appendStarted = new CountDownLatch(1);
    private volatile boolean open;
    private volatile boolean failing;

    public GatedReportStore(ReportStore delegate) {
        this.delegate = delegate;
    }

    /** Lets every append through from now on. */
    public void open() {
        open = true;
        gate.release(Integer.MAX_VALUE / 2);
    }

    /** Makes appends fail as if the database were down. */
    public void failAppends(boolean failing) {
        this.failing = failing;
    }

    /** Waits until an append has reached the gate. */
    public boolean awaitAppend() throws InterruptedException {
        return appendStarted.await(30, TimeUnit.SECONDS);
    }

    @Override
    public void append(List<StoredReport> reports) {
        appendStarted.countDown();
        if (!open) {
            gate.acquireUninterruptibly();
        }
        if (failing) {
            throw new StoreUnavailableException("database is down (test)", null);
        }
        delegate.append(reports);
    }

    @Override
    public void checkWritable() {
        if (failing) {
            throw new StoreUnavailableException("database is down (test)", null);
        }
        delegate.checkWritable();
    }

    @Override
    public boolean runExclusive(String job, Runnable work) {
        return delegate.runExclusive(job, work);
    }

    @Override
    public int deleteSystem(String product, UUID systemId) {
        return delegate.deleteSystem(product, systemId);
    }

    @Override
    public Optional<LocalDate> earliestRawDay(String product) {
        return delegate.earliestRawDay(product);
    }

    @Override
    public Set<LocalDate> summarizedDays(String product) {
        return delegate.summarizedDays(product);
    }

    @Override
    public DayAggregates aggregateDay(String product, LocalDate day, boolean persistentOnly) {
        return delegate.aggregateDay(product, day, persistentOnly);
    }

    @Override
    public void replaceSummaries(String product, LocalDate day, List<SummaryRow> rows, boolean provisional) {
        delegate.replaceSummaries(product, day, rows, provisional);
    }

    @Override
    public Set<LocalDate> provisionalDays(String product) {
        return delegate.provisionalDays(product);
    }

    @Override
    public List<SummaryRow> readSummaries(SummaryQuery query) {
        return delegate.readSummaries(query);
    }

    @Override
    public int deleteReportsBefore(LocalDate cutoff) {
        return delegate.deleteReportsBefore(cutoff);
    }

    @Override
    public int compactBefore(LocalDate day) {
        return delegate.compactBefore(day);
    }

    @Override
    public java.util.Map<String, MetricUsage> metricUsage(String product) {
        return delegate.metricUsage(product);
    }

    @Override
    public long countReports(String product) {
        return delegate.countReports(product);
    }

    @Override
    public java.util.SortedSet<String> products() {
        return delegate.products();
    }

    @Override
    public void close() {
        open();
        delegate.close();
    }
}
