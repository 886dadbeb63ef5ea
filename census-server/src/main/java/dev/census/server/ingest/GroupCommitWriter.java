package dev.census.server.ingest;

import dev.census.server.store.FailureLog;
import dev.census.server.store.ReportWriter;
import dev.census.server.store.StoredReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: reports wait in a bounded queue and one thread commits whatever is queued as
 * one batch (group commit), completing each report's future only after its batch committed. It
 * drains rather than lingers: while one commit runs, the next batch forms by itself. A batch that
 * fails fails every report in it (503 with Retry-After); nothing of it is stored.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** Reports waiting at most; beyond this a report is refused as overloaded. */
    static final int DEFAULT_CAPACITY = 10_000;
    /** Reports per commit at most: bounds one transaction's size and latency. */
    static final int DEFAULT_MAX_BATCH = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final Pending STOP = new Pending(null, null);

    private final ReportWriter store;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Thread thread;
    /** Completes futures off the writer thread: answering clients must not delay the next commit. */
    private final ExecutorService acknowledger =
            Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "census-acknowledger"));
    private volatile boolean accepting = true;
    /** A full disk fails every batch: one log line a minute says so, not one per batch. */
    private final FailureLog failures = new FailureLog(LOG, "committing reports");

    GroupCommitWriter(ReportWriter store, int capacity, int maxBatch) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive");
        }
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.thread = daemon(this::run, "census-writer");
        this.thread.start();
    }

    /** Queues a report; the future completes once it is committed, or is null when the queue is full. */
    CompletableFuture<Void> submit(StoredReport report) {
        if (!accepting) {
            return null;
        }
        Pending pending = new Pending(report, new CompletableFuture<>());
        return queue.offer(pending) ? pending.done() : null;
    }

    /** Reports waiting to be committed. */
    int depth() {
        return queue.size();
    }

    private void run() {
        boolean stopping = false;
        while (!stopping) {
            List<Pending> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            stopping = batch.remove(STOP);
            commit(batch);
        }
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        commit(rest);
        acknowledger.shutdown();
    }

    private void commit(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.append(batch.stream().map(Pending::report).toList());
            failures.succeeded();
            acknowledger.execute(() -> batch.forEach(p -> p.done().complete(null)));
        } catch (RuntimeException e) {
            failures.failed("a batch of " + batch.size() + " reports: " + e.getMessage());
            acknowledger.execute(() -> batch.forEach(p -> p.done().completeExceptionally(e)));
        } catch (Error e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
            throw e;
        }
    }

    /** Stops accepting, commits what is queued, and waits for the writer thread. */
    @Override
    public void close() {
        accepting = false;
        try {
            queue.put(STOP);
            thread.join();
            acknowledger.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(StoredReport report, CompletableFuture<Void> done) {
    }

    /** A thread that does not keep the JVM alive; {@link #close()} drains the queue. */
    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
