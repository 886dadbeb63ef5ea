package dev.census.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DuckDB's batch writer: one connection with its appenders, one explicit transaction per batch.
 *
 * <p>A batch is all or nothing, and its ids are not handed out again while the store is open. After a
 * failed commit the appenders are discarded and the database opened again from its WAL (DuckDB 1.4 can
 * crash the process on the next commit or read after a failed one); the next batch is tried once a
 * small write beside the database succeeds. Nothing is acknowledged into a file that is no longer at
 * its path.
 */
final class DuckDbReportWriter implements BatchWriter {

    /** DuckDB's own default: the WAL is written into the database file once it holds this much. */
    static final long CHECKPOINT_WAL_BYTES = 16L << 20;
    /** What the probe writes (and syncs, and deletes) to see the disk take data again after a failure. */
    static final int PROBE_BYTES = 64 << 10;

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbReportWriter.class);

    private final DuckDbDataSource duckDb;
    private final Sql sql;
    /** How the last commit (or write probe) went: readiness answers from it. */
    private final WriteHealth health = new WriteHealth(System::nanoTime);
    private long lastId;
    private DuckDbAppenders appenders;

    DuckDbReportWriter(DuckDbDataSource duckDb, Sql sql) {
        this.duckDb = duckDb;
        this.sql = sql;
    }

    private long maxId() {
        return sql.inTransaction(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT coalesce(max(id), 0) FROM reports")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /**
     * Appends the batch in one transaction on the writer connection; its ids are taken before the
     * commit is tried, so a batch that fails burns them. After a failure, a batch is tried only once a
     * small write beside the database succeeds.
     */
    @Override
    public synchronized void append(List<StoredReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        boolean committing = false;
        try {
            if (health.failure() != null) {
                probeDisk();
            }
            DuckDbAppenders current = appenders();
            checkFileInPlace();
            long firstId = lastId + 1;
            lastId += reports.size();
            committing = true;
            current.append(ReportRow.of(firstId, reports), RelayRow.of(firstId, reports));
            committing = false;
            checkCommittedToTheFile();
        } catch (SQLException | IOException | RuntimeException e) {
            throw failed(e, committing);
        }
        health.succeeded();
        checkpointIfDue();
    }

    /**
     * Cheap while the last commit succeeded: the file is still at its path and the database answers.
     * After a failure — at most once a second, else that failure stands — it opens the appenders (opening
     * the database again if it must) and writes, syncs and deletes a small file beside the database.
     */
    @Override
    public synchronized void ping() {
        StoreUnavailableException failure = health.failure();
        if (failure != null && !health.mayRetry()) {
            throw failure;
        }
        try {
            if (failure == null) {
                checkFileInPlace();
                sql.roundTrip();
                return;
            }
            appenders();
            probeDisk();
        } catch (SQLException | IOException | RuntimeException e) {
            throw failed(e, false);
        }
        health.succeeded();
        LOG.info("the database {} takes writes again", duckDb.file());
    }

    /**
     * The appenders; if the last were discarded, new ones — after opening the database again when it
     * was closed, invalidated or replaced — and the ids carry on from the largest stored.
     */
    private DuckDbAppenders appenders() throws SQLException {
        if (appenders == null) {
            if (!duckDb.fileExists()) {
                throw new StoreUnavailableException("the database file " + duckDb.file() + " was deleted under the"
                        + " running server; reports are refused until it is back at its path (or the server restarts"
                        + " with a new, empty database)", null);
            }
            if (!duckDb.fileInPlace() || !answers()) {
                LOG.warn("opening the database {} again", duckDb.file());
                duckDb.reopen();
            }
            lastId = Math.max(lastId, maxId());
            appenders = DuckDbAppenders.open(duckDb);
        }
        return appenders;
    }

    private void checkFileInPlace() {
        if (!duckDb.fileInPlace()) {
            throw new StoreUnavailableException(duckDb.isOpen() ? "the database file " + duckDb.file()
                    + " was deleted or replaced under the running server"
                    : "the database " + duckDb.file() + " is closed until it can be opened again", null);
        }
    }

    /** Whether the instance runs a query: DuckDB refuses every query once a fatal error invalidated it. */
    private boolean answers() {
        try {
            sql.roundTrip();
            return true;
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    /**
     * After a commit, the database file must still be the one at the path, and the WAL the commit wrote
     * must be there: a WAL deleted under DuckDB took the commit with it, unless a checkpoint writes it
     * into the database file now.
     */
    private void checkCommittedToTheFile() throws SQLException {
        checkFileInPlace();
        if (!Files.exists(duckDb.wal())) {
            LOG.warn("the WAL of {} was deleted under the running server; writing what it held into the database file",
                    duckDb.file());
            appenders.checkpoint();
        }
    }

    /**
     * Writes the WAL into the database file once it holds {@link #CHECKPOINT_WAL_BYTES}, between batches,
     * and only when the disk has room for it. It never fails the batch: a checkpoint that cannot run now
     * (another write transaction is open) waits for a later batch; one that failed made DuckDB invalidate
     * the instance, which is then opened again — its WAL still holds every commit.
     */
    private void checkpointIfDue() {
        try {
            long wal = Files.exists(duckDb.wal()) ? Files.size(duckDb.wal()) : 0;
            if (wal < CHECKPOINT_WAL_BYTES || Files.getFileStore(duckDb.file()).getUsableSpace() < 2 * wal) {
                return;
            }
            appenders.checkpoint();
        } catch (IOException | SQLException e) {
            if (answers()) {
                LOG.debug("checkpointing {} postponed: {}", duckDb.file(), e.getMessage());
                return;
            }
            LOG.warn("checkpointing {} failed; its WAL keeps every commit: {}", duckDb.file(), e.getMessage());
            discardAppenders();
            reopenAfterFailure();
        }
    }

    private void probeDisk() throws IOException {
        Path probe = duckDb.file().resolveSibling(DuckDbReportStore.FILE_NAME + ".probe");
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.allocate(PROBE_BYTES);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** Discards the appenders — and after a failed commit the instance too — and records the failure, returned to be thrown. */
    private StoreUnavailableException failed(Exception e, boolean committing) {
        discardAppenders();
        if (committing) {
            reopenAfterFailure();
        }
        return health.failed(e instanceof StoreUnavailableException unavailable ? unavailable
                : new StoreUnavailableException(e instanceof SQLException ? "database error: " + e.getMessage()
                        : "storage error: " + e, e));
    }

    /**
     * Closes the instance without letting it write its memory into the file, and opens the file again
     * from its WAL; if that cannot be done now, the next write, read or readiness check tries again.
     */
    private void reopenAfterFailure() {
        LOG.warn("opening the database {} again from its WAL after a failed write", duckDb.file());
        duckDb.abandon();
        try {
            duckDb.reopen();
        } catch (StoreUnavailableException e) {
            LOG.warn("opening {} again failed; the next write, read or readiness check tries again: {}",
                    duckDb.file(), e.getMessage());
        }
    }

    private void discardAppenders() {
        if (appenders != null) {
            appenders.discard();
            appenders = null;
        }
    }

    @Override
    public synchronized void close() {
        if (appenders != null) {
            try {
                appenders.close();
            } catch (SQLException e) {
                // closing anyway: everything acknowledged was committed
            }
            appenders = null;
        }
    }
}
