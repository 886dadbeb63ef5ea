package dev.census.server.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

/**
 * A whole store put together from its parts over one database: the engine's batch writer and job lock,
 * and the SQL both engines share for retention, the day's aggregation and the published summaries.
 */
abstract class EngineStore implements ReportStore {

    final Sql sql;
    final Layout layout;
    private final BatchWriter writer;
    private final SqlRetention retention;
    private final DayAggregator aggregator;
    private final SummaryStore summaries;
    private final JobLock lock;

    EngineStore(Sql sql, Layout layout, BatchWriter writer, JobLock lock) {
        this.sql = sql;
        this.layout = layout;
        this.writer = writer;
        this.retention = new SqlRetention(sql);
        this.aggregator = new SqlDayAggregator(sql, layout);
        this.summaries = new SqlSummaryStore(sql, layout);
        this.lock = lock;
    }

    @Override
    public void append(List<StoredReport> reports) {
        writer.append(reports);
    }

    @Override
    public void ping() {
        writer.ping();
    }

    @Override
    public int deleteSystem(String product, UUID systemId) {
        return retention.deleteSystem(product, systemId);
    }

    @Override
    public int deleteReportsBefore(LocalDate cutoff) {
        return retention.deleteReportsBefore(cutoff);
    }

    @Override
    public int compactBefore(LocalDate day) {
        return retention.compactBefore(day);
    }

    @Override
    public Optional<LocalDate> earliestRawDay(String product) {
        return aggregator.earliestRawDay(product);
    }

    @Override
    public DayAggregates aggregateDay(String product, LocalDate day, boolean persistentOnly) {
        return aggregator.aggregateDay(product, day, persistentOnly);
    }

    @Override
    public Map<String, MetricUsage> metricUsage(String product) {
        return aggregator.metricUsage(product);
    }

    @Override
    public long countReports(String product) {
        return aggregator.countReports(product);
    }

    @Override
    public void replaceSummaries(String product, LocalDate day, List<SummaryRow> rows, boolean provisional) {
        summaries.replaceSummaries(product, day, rows, provisional);
    }

    @Override
    public Set<LocalDate> summarizedDays(String product) {
        return summaries.summarizedDays(product);
    }

    @Override
    public Set<LocalDate> provisionalDays(String product) {
        return summaries.provisionalDays(product);
    }

    @Override
    public String summaryStamp(String product) {
        return summaries.summaryStamp(product);
    }

    @Override
    public Map<LocalDate, String> summaryVersions(String product) {
        return summaries.summaryVersions(product);
    }

    @Override
    public List<SummaryRow> readSummaries(SummaryQuery query) {
        return summaries.readSummaries(query);
    }

    @Override
    public SortedSet<String> products() {
        return summaries.products();
    }

    @Override
    public boolean runExclusive(String job, Runnable work) {
        return lock.runExclusive(job, work);
    }

    /** The reports whose ids lie in {@code (afterId, lastId]}, as their writer wrote them: for copying and checking. */
    List<ReportRow> readRows(long afterId, long lastId) {
        return sql.inTransaction(connection -> layout.readRows(connection, afterId, lastId));
    }

    @Override
    public void close() {
        writer.close();
    }
}
