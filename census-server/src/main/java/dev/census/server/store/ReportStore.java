package dev.census.server.store;

/**
 * One engine's whole store — the raw-report writer, the day aggregator, the published summaries and
 * the job lock over one database — as the server opens it. Every method is one transaction; a failure
 * throws {@link StoreUnavailableException} and changes nothing.
 */
public interface ReportStore extends ReportWriter, DayAggregator, SummaryStore, JobLock, AutoCloseable {

    /**
     * Throws {@link StoreUnavailableException} unless the store can commit now, as far as it can tell
     * cheaply: for readiness checks. After a failed commit it tries to heal and probes a write, at most
     * once a second; in between, that failure stands.
     */
    void ping();

    /** Where the data is, for the start-up log: a file path, or a database's host and name; never a credential. */
    String describe();

    @Override
    void close();
}
