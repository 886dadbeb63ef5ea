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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps the outbox in a directory an administrator can read: {@code <id>.json} holds the exact
 * bytes sent, {@code <id>.status} its status, and a {@code PAUSED} file the pause, so that
 * another process on the same directory (the {@code census} CLI) sees and changes the same outbox.
 */
final class DirectoryOutboxStore implements OutboxStore {

    private static final String PAUSED_MARKER = "PAUSED";

    private final Path directory;

    DirectoryOutboxStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public List<Outbox.Entry> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Outbox.Entry> entries = new ArrayList<>();
            for (Path status : files.filter(p -> p.getFileName().toString().endsWith(".status")).toList()) {
                read(status).ifPresent(entries::add);
            }
            entries.sort(Comparator.comparing(Outbox.Entry::id));
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    @Override
    public Optional<Outbox.Entry> find(String id) {
        return read(directory.resolve(id + ".status"));
    }

    @Override
    public void add(Outbox.Entry entry) {
        try {
            Files.createDirectories(directory);
            atomicWrite(directory.resolve(entry.id() + ".json"), entry.report());
            writeStatus(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the outbox " + directory, e);
        }
    }

    @Override
    public void update(Outbox.Entry entry) {
        if (!Files.exists(directory.resolve(entry.id() + ".status"))) {
            return;
        }
        try {
            writeStatus(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the outbox " + directory, e);
        }
    }

    @Override
    public void remove(String id) {
        try {
            Files.deleteIfExists(directory.resolve(id + ".status"));
            Files.deleteIfExists(directory.resolve(id + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot trim the outbox " + directory, e);
        }
    }

    @Override
    public boolean isPaused() {
        return Files.exists(directory.resolve(PAUSED_MARKER));
    }

    @Override
    public void setPaused(boolean paused) {
        try {
            if (paused) {
                Files.createDirectories(directory);
                Files.writeString(directory.resolve(PAUSED_MARKER),
                        "Census uploads are paused; resume to send the newest report.\n");
            } else {
                Files.deleteIfExists(directory.resolve(PAUSED_MARKER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + (paused ? "pause " : "resume ") + directory, e);
        }
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    private Optional<Outbox.Entry> read(Path statusFile) {
        String name = statusFile.getFileName().toString();
        String id = name.substring(0, name.length() - ".status".length());
        Properties status = new Properties();
        String report;
        try (Reader reader = Files.newBufferedReader(statusFile, StandardCharsets.UTF_8)) {
            status.load(reader);
            report = Files.readString(directory.resolve(id + ".json"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty(); // trimmed by another process meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + statusFile, e);
        }
        try {
            return Optional.of(new Outbox.Entry(id, Instant.parse(status.getProperty("created_at")),
                    LocalDate.parse(status.getProperty("day")), UUID.fromString(status.getProperty("system_id")),
                    Outbox.Status.valueOf(status.getProperty("status")), status.getProperty("reason"), report));
        } catch (RuntimeException e) {
            throw new IllegalStateException("corrupt outbox entry " + statusFile + ": " + e, e);
        }
    }

    private void writeStatus(Outbox.Entry entry) throws IOException {
        Properties status = new Properties();
        status.setProperty("created_at", entry.createdAt().toString());
        status.setProperty("day", entry.day().toString());
        status.setProperty("system_id", entry.systemId().toString());
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
}
