package dev.census.server.store;

import java.util.List;

/** How one engine commits a batch of reports, and tells whether it can commit now. */
interface BatchWriter extends AutoCloseable {

    /** Commits the batch, all or nothing: when this returns the reports are durable. */
    void append(List<StoredReport> reports);

    /** Throws {@link StoreUnavailableException} unless a commit can succeed now, as far as it can tell cheaply. */
    void ping();

    @Override
    void close();
}
