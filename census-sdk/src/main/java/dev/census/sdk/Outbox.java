package dev.census.sdk;

import dev.census.protocol.ReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The local staging area: every report is written here before it is sent, and kept with its
 * status so an administrator can see exactly what left the host. A folder of JSON files
 * ({@code <id>.json} holds the exact bytes sent, {@code <id>.status} its status), or memory when
 * the application gives no state directory. Reading it never waits for an upload in flight.
 */
public final class Outbox {

    /** Reports kept with their final status (sent, failed, local, superseded). */
    public static final int KEPT = 30;
    /** Reports held while the outbox is paused; older ones are dropped beyond this. */
    public static final int HELD = 30;

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Where a report stands. */
    public enum Status {
        /** Written, not sent yet (waiting for its upload, a retry, or a paused outbox to resume). */
        PENDING,
        /** Accepted by the server. */
        SENT,
        /** Not accepted; the reason says why. Not retried after the day's retries. */
        FAILED,
        /** Built for inspection only: consent is LOCAL (or CI), it is never uploaded. */
        LOCAL,
        /** Held while paused and replaced by a newer report on resume: never sent. */
        SUPERSEDED
    }

    /** One report in the outbox: the system ID it was built for, its exact JSON and its status. */
    public record Entry(String id, Instant createdAt, LocalDate day, UUID systemId, Status status, String reason,
                        String report) {
        /**
         * Checks that every field but the reason is present.
         *
         * @param id the entry's ID, unique in the outbox
         * @param createdAt when the report was built
         * @param day the UTC day it reports
         * @param systemId the system ID it was built for
         * @param status where it stands
         * @param reason the server's answer or why it was not sent; may be null
         * @param report the exact JSON
         */
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(systemId, "systemId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(report, "report");
        }

        Entry with(Status newStatus, String newReason) {
            return new Entry(id, createdAt, day, systemId, newStatus, newReason, report);
        }
    }

    private final OutboxStore store;
    private final Census owner;
    /** Serializes the writes that read first (ids, trimming); private, so no application code can hold it. */
    private final Object writing = new Object();

    /** The outbox over a store; {@link #resume()} is the owning {@link Census}'s work, not the outbox's. */
    Outbox(OutboxStore store, Census owner) {
        this.store = store;
        this.owner = owner;
    }

    /**
     * Every report kept, oldest first.
     *
     * @return the entries
     */
    public List<Entry> list() {
        return store.list();
    }

    /** Stops uploads: reports accumulate here (at most {@value #HELD}) for inspection until {@link #resume()}. */
    public void pause() {
        store.setPaused(true);
    }

    /**
     * Lifts the pause and sends only the newest held report at once (consent permitting); the
     * older held reports are marked superseded and never sent.
     *
     * @return what happened to the newest held report
     */
    public UploadResult resume() {
        return owner.resumeOutbox();
    }

    /**
     * True while uploads are paused (also when paused by another process sharing the state directory).
     *
     * @return whether uploads are paused
     */
    public boolean isPaused() {
        return store.isPaused();
    }

    /**
     * Writes every kept report with its status to one JSON file, for an administrator to inspect or archive.
     *
     * @param file the file to write (replaced if it exists)
     */
    public void export(Path file) {
        Objects.requireNonNull(file, "file");
        StringBuilder out = new StringBuilder("{\"entries\":[");
        List<Entry> entries = list();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("{\"id\":").append(ReportJson.quote(entry.id()))
                    .append(",\"created_at\":").append(ReportJson.quote(entry.createdAt().toString()))
                    .append(",\"day\":").append(ReportJson.quote(entry.day().toString()))
                    .append(",\"status\":").append(ReportJson.quote(entry.status().name().toLowerCase(Locale.ROOT)))
                    .append(",\"reason\":").append(entry.reason() == null ? "null" : ReportJson.quote(entry.reason()))
                    .append(",\"report\":").append(entry.report()).append('}');
        }
        out.append("\n]}\n");
        try {
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the outbox to " + file, e);
        }
    }

    /** Writes a new report for a system ID, with its first status. */
    Entry add(UUID systemId, String report, LocalDate day, Instant createdAt, Status status, String reason) {
        synchronized (writing) {
            String base = ID_TIME.format(createdAt);
            String id = base;
            for (int n = 1; store.find(id).isPresent(); n++) {
                id = base + "-" + n;
            }
            Entry entry = new Entry(id, createdAt, day, systemId, status, reason, report);
            store.add(entry);
            trim();
            return entry;
        }
    }

    void update(String id, Status status, String reason) {
        synchronized (writing) {
            store.find(id).ifPresent(entry -> store.update(entry.with(status, reason)));
            trim();
        }
    }

    Optional<Entry> find(String id) {
        return store.find(id);
    }

    Optional<Entry> newestPending() {
        List<Entry> pending = pending();
        return pending.isEmpty() ? Optional.empty() : Optional.of(pending.get(pending.size() - 1));
    }

    /** Lifts the pause and marks every held report but the newest superseded: the first half of {@link #resume()}. */
    void unpauseKeepingOnlyTheNewest() {
        synchronized (writing) {
            store.setPaused(false);
            List<Entry> pending = pending();
            for (int i = 0; i < pending.size() - 1; i++) {
                update(pending.get(i).id(), Status.SUPERSEDED, "replaced by a newer report when the outbox resumed");
            }
        }
    }

    String describe() {
        return store.describe();
    }

    private List<Entry> pending() {
        return store.list().stream().filter(e -> e.status() == Status.PENDING).toList();
    }

    private void trim() {
        List<Entry> entries = store.list();
        List<Entry> held = entries.stream().filter(e -> e.status() == Status.PENDING).toList();
        List<Entry> done = entries.stream().filter(e -> e.status() != Status.PENDING).toList();
        held.stream().limit(Math.max(0, held.size() - HELD)).forEach(e -> store.remove(e.id()));
        done.stream().limit(Math.max(0, done.size() - KEPT)).forEach(e -> store.remove(e.id()));
    }

}
