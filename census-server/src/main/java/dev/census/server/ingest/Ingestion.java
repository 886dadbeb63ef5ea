package dev.census.server.ingest;

import dev.census.protocol.Report;
import dev.census.registry.Registry;
import dev.census.server.relay.Outbound;
import dev.census.server.relay.Wire;
import dev.census.server.store.ReportWriter;
import dev.census.server.store.StoredReport;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The ingestion chain, top to bottom: decode (Census JSON, or pulpcore's protobuf) → validate → screen
 * → stage what a relay forwards → enqueue → commit. A report is acknowledged only when its batch has committed. A report refused is a
 * {@link Rejection} of some kind; what that means in HTTP is the API's business.
 */
public final class Ingestion implements AutoCloseable {

    private final ReportDecoder decoder = new ReportDecoder();
    private final PulpDecoder pulpDecoder = new PulpDecoder();
    private final RegistryScreen screen;
    private final GroupCommitWriter writer;
    private final Clock clock;
    private final boolean allowBackdated;
    private final int retentionDays;
    private final IngestStats stats;
    private volatile Outbound outbound;

    public Ingestion(Registry registry, ReportWriter store, Clock clock, boolean allowBackdated, int retentionDays,
            IngestStats stats) {
        this(registry, store, clock, allowBackdated, retentionDays, stats, GroupCommitWriter.DEFAULT_CAPACITY);
    }

    public Ingestion(Registry registry, ReportWriter store, Clock clock, boolean allowBackdated, int retentionDays,
            IngestStats stats, int queueCapacity) {
        this.screen = new RegistryScreen(registry);
        this.writer = new GroupCommitWriter(store, queueCapacity, GroupCommitWriter.DEFAULT_MAX_BATCH);
        this.clock = clock;
        this.allowBackdated = allowBackdated;
        this.retentionDays = retentionDays;
        this.stats = stats;
    }

    /**
     * Takes one request body. Throws {@link Rejection} for a report refused as a whole; otherwise the
     * future completes with what was dropped once the report is durable, or fails with a
     * {@link Rejection.Kind#STORAGE_UNAVAILABLE} rejection when its batch could not be committed.
     */
    public CompletableFuture<List<Dropped>> ingest(byte[] body) {
        return accept(Wire.CENSUS_JSON, body, () -> decoder.decode(body));
    }

    /**
     * Makes this server a relay: from now on, each accepted report carries the bytes the relay's
     * policy lets leave, which the store queues in the report's own transaction.
     */
    public void relayThrough(Outbound outbound) {
        this.outbound = outbound;
    }

    /**
     * Takes one body of pulpcore's protobuf {@code Analytics} message for a Pulp-compatible product;
     * from the decoded report on, the chain is the same as for Census JSON.
     */
    public CompletableFuture<List<Dropped>> ingestPulp(String product, byte[] body) {
        return accept(Wire.PULP_PROTOBUF, body, () -> pulpDecoder.decode(product, body, clock.instant()));
    }

    private CompletableFuture<List<Dropped>> accept(Wire wire, byte[] body, Supplier<Report> decode) {
        try {
            Report decoded = decode.get();
            ScreenedReport screened = screen.screen(decoded);
            Report report = screened.report();
            Instant now = clock.instant();
            StoredReport stored = new StoredReport(report.product(), report.systemId(), dayOf(report, now),
                    report.channel(), now, report.components(), report.metrics(), forwarded(wire, body, decoded, screened));
            CompletableFuture<Void> committed = writer.submit(stored);
            if (committed == null) {
                throw new Rejection(Rejection.Kind.OVERLOADED, null, "the ingestion queue is full; retry later");
            }
            CompletableFuture<List<Dropped>> durable = new CompletableFuture<>();
            committed.whenComplete((done, failure) -> {
                if (failure == null) {
                    stats.recordAccepted();
                    screened.dropped().forEach(d -> stats.recordDropped(d.reason()));
                    durable.complete(screened.dropped());
                } else {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    durable.completeExceptionally(Rejection.storageUnavailable(
                            "the report could not be stored: " + cause.getMessage(), cause));
                }
            });
            return durable;
        } catch (Rejection e) {
            stats.recordRejected(e.kind());
            throw e;
        }
    }

    /** The bytes a relay forwards of this report, or null (not a relay, or its policy keeps the report in). */
    private StoredReport.Forward forwarded(Wire wire, byte[] body, Report decoded, ScreenedReport screened) {
        Outbound relay = outbound;
        if (relay == null) {
            return null;
        }
        byte[] bytes = relay.bytes(wire, body, screened.report(), !screened.report().equals(decoded));
        return bytes == null ? null : new StoredReport.Forward(wire.wireName(), bytes);
    }

    /** Records a refusal decided before the body reached the chain (rate, size, content type, origin). */
    public void recordRejected(Rejection.Kind kind) {
        stats.recordRejected(kind);
    }

    /** The UTC day a report counts for: the day it arrives, or with backdating allowed, the day it was sent. */
    private LocalDate dayOf(Report report, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!allowBackdated) {
            return today;
        }
        LocalDate sent = LocalDate.ofInstant(report.sentAt(), ZoneOffset.UTC);
        if (sent.isAfter(today)) {
            throw new Rejection(Rejection.Kind.INVALID, "sent_at", "lies in the future");
        }
        if (sent.isBefore(today.minusDays(retentionDays - 1L))) {
            throw new Rejection(Rejection.Kind.INVALID, "sent_at", "is older than the " + retentionDays + "-day retention");
        }
        return sent;
    }

    /** Reports waiting for their commit. */
    public int queueDepth() {
        return writer.depth();
    }

    public IngestStats stats() {
        return stats;
    }

    /** Commits what is queued and stops the writer. */
    @Override
    public void close() {
        writer.close();
    }
}
