package dev.census.sdk;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The local staging area: every report is written here before it is sent, and kept with its
 * status so an administrator can see exactly what left the host. A folder of JSON files
 * ({@code <id>.json} holds the exact bytes sent, {@code <id>.status} its status), or memory when
 * the application gives no state directory.
 */
public final class Outbox {

    /** Reports kept with their final status (sent, failed, local, superseded). */
    public static final int KEPT = 30;
    /** Reports held while the outbox is paused; older ones are dropped beyond this. */
    public static final int HELD = 30;

    private static final String PAUSED_MARKER = "PAUSED";
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

    /** One report in the outbox: its exact JSON and its status. */
    public record Entry(String id, Instant createdAt, LocalDate day, Status status, String reason, String report) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(report, "report");
        }

        Entry with(Status newStatus, String newReason) {
            return new Entry(id, createdAt, day, newStatus, newReason, report);
        }
    }

    private final Path directory;
    private final TreeMap<String, Entry> memory = new TreeMap<>();
    private boolean memoryPaused;
    private Supplier<UploadResult> onResume = () -> UploadResult.nothingToSend("no reporter attached");

    Outbox(Path directory) {
        this.directory = directory;
    }

    void onResume(Supplier<UploadResult> sendNewest) {
        this.onResume = sendNewest;
    }

    /** Every report kept, oldest first. */
    public synchronized List<Entry> list() {
        if (directory == null) {
            return List.copyOf(memory.values());
        }
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Entry> entries = new ArrayList<>();
            for (Path status : files.filter(p -> p.getFileName().toString().endsWith(".status")).toList()) {
                read(status).ifPresent(entries::add);
            }
            entries.sort(Comparator.comparing(Entry::id));
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** Stops uploads: reports accumulate here (at most {@value #HELD}) for inspection until {@link #resume()}. */
    public synchronized void pause() {
        if (directory == null) {
            memoryPaused = true;
            return;
        }
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(PAUSED_MARKER), "Census uploads are paused; resume to send the newest report.\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pause " + directory, e);
        }
    }

    /**
     * Lifts the pause and sends only the newest held report at once (consent permitting); the
     * older held reports are marked superseded and never sent.
     */
    public UploadResult resume() {
        synchronized (this) {
            if (directory == null) {
                memoryPaused = false;
            } else {
                try {
                    Files.deleteIfExists(directory.resolve(PAUSED_MARKER));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot resume " + directory, e);
                }
            }
            List<Entry> pending = list().stream().filter(e -> e.status() == Status.PENDING).toList();
            for (int i = 0; i < pending.size() - 1; i++) {
                update(pending.get(i).id(), Status.SUPERSEDED, "replaced by a newer report when the outbox resumed");
            }
        }
        return onResume.get();
    }

    /** True while uploads are paused (also when paused by another process sharing the state directory). */
    public synchronized boolean isPaused() {
        return directory == null ? memoryPaused : Files.exists(directory.resolve(PAUSED_MARKER));
    }

    /** Writes every kept report with its status to one JSON file, for an administrator to inspect or archive. */
    public void export(Path file) {
        Objects.requireNonNull(file, "file");
        StringBuilder out = new StringBuilder("{\"entries\":[");
        List<Entry> entries = list();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("{\"id\":").append(quote(entry.id()))
                    .append(",\"created_at\":").append(quote(entry.createdAt().toString()))
                    .append(",\"day\":").append(quote(entry.day().toString()))
                    .append(",\"status\":").append(quote(entry.status().name().toLowerCase(Locale.ROOT)))
                    .append(",\"reason\":").append(entry.reason() == null ? "null" : quote(entry.reason()))
                    .append(",\"report\":").append(entry.report()).append('}');
        }
        out.append("\n]}\n");
        try {
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the outbox to " + file, e);
        }
    }

    synchronized Entry add(String report, LocalDate day, Instant createdAt, Status status, String reason) {
        String base = ID_TIME.format(createdAt);
        String id = base;
        for (int n = 1; exists(id); n++) {
            id = base + "-" + n;
        }
        Entry entry = new Entry(id, createdAt, day, status, reason, report);
        if (directory == null) {
            memory.put(id, entry);
        } else {
            try {
                Files.createDirectories(directory);
                atomicWrite(directory.resolve(id + ".json"), report);
                writeStatus(entry);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to the outbox " + directory, e);
            }
        }
        trim();
        return entry;
    }

    synchronized void update(String id, Status status, String reason) {
        if (directory == null) {
            memory.computeIfPresent(id, (key, entry) -> entry.with(status, reason));
            trim();
            return;
        }
        read(directory.resolve(id + ".status")).ifPresent(entry -> {
            try {
                writeStatus(entry.with(status, reason));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot update the outbox " + directory, e);
            }
        });
        trim();
    }

    synchronized Optional<Entry> newestPending() {
        List<Entry> pending = list().stream().filter(e -> e.status() == Status.PENDING).toList();
        return pending.isEmpty() ? Optional.empty() : Optional.of(pending.get(pending.size() - 1));
    }

    String describe() {
        return directory == null ? "memory (no state directory)" : directory.toString();
    }

    private void trim() {
        List<Entry> entries = list();
        List<Entry> held = entries.stream().filter(e -> e.status() == Status.PENDING).toList();
        List<Entry> done = entries.stream().filter(e -> e.status() != Status.PENDING).toList();
        held.stream().limit(Math.max(0, held.size() - HELD)).forEach(this::remove);
        done.stream().limit(Math.max(0, done.size() - KEPT)).forEach(this::remove);
    }

    private void remove(Entry entry) {
        if (directory == null) {
            memory.remove(entry.id());
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve(entry.id() + ".status"));
            Files.deleteIfExists(directory.resolve(entry.id() + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot trim the outbox " + directory, e);
        }
    }

    private boolean exists(String id) {
        return directory == null ? memory.containsKey(id) : Files.exists(directory.resolve(id + ".status"));
    }

    private Optional<Entry> read(Path statusFile) {
        String name = statusFile.getFileName().toString();
        String id = name.substring(0, name.length() - ".status".length());
        try (Reader reader = Files.newBufferedReader(statusFile, StandardCharsets.UTF_8)) {
            Properties status = new Properties();
            status.load(reader);
            String report = Files.readString(directory.resolve(id + ".json"), StandardCharsets.UTF_8);
            return Optional.of(new Entry(id, Instant.parse(status.getProperty("created_at")),
                    LocalDate.parse(status.getProperty("day")),
                    Status.valueOf(status.getProperty("status")), status.getProperty("reason"), report));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // trimmed by another process meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + statusFile, e);
        }
    }

    private void writeStatus(Entry entry) throws IOException {
        Properties status = new Properties();
        status.setProperty("created_at", entry.createdAt().toString());
        status.setProperty("day", entry.day().toString());
        status.setProperty("status", entry.status().name());
        if (entry.reason() != null) {
            status.setProperty("reason", entry.reason());
        }
        StringWriter text = new StringWriter();
        status.store(text, null);
        atomicWrite(directory.resolve(entry.id() + ".status"), text.toString());
    }

    private void atomicWrite(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(directory, ".outbox", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
