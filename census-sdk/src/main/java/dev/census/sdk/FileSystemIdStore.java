package dev.census.sdk;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the installation in a properties file, replaced atomically on every change. */
final class FileSystemIdStore extends SystemIdStore {

    static final String FILE_NAME = "installation.properties";
    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final Path file;

    FileSystemIdStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        this.file = this.directory.resolve(FILE_NAME);
    }

    @Override
    Optional<Installation> read() {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return Optional.of(new Installation(
                    UUID.fromString(properties.getProperty("system_id")),
                    Boolean.parseBoolean(properties.getProperty("upgraded")),
                    Integer.parseInt(properties.getProperty("time_of_day")),
                    Installation.noticeInstant(Long.parseLong(properties.getProperty("first_notice_at"))),
                    LocalDate.ofEpochDay(Long.parseLong(properties.getProperty("last_report_day")))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("corrupt " + file + ": " + e, e);
        }
    }

    @Override
    Installation createIfAbsent(Installation candidate) {
        synchronized (lock()) {
            Optional<Installation> existing = read();
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                Files.createDirectories(directory);
                Path temp = writeTemp(candidate);
                try {
                    Files.createLink(file, temp); // fails if another process created it first
                } catch (FileAlreadyExistsException lost) {
                    return read().orElseThrow();
                } catch (UnsupportedOperationException | IOException noLinks) {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
                return candidate;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    @Override
    void replaceSystemId(UUID newId) {
        synchronized (lock()) {
            read().ifPresent(current -> write(current.withSystemId(newId)));
        }
    }

    @Override
    boolean claimDay(LocalDate day) {
        synchronized (lock()) {
            Optional<Installation> current = read();
            if (current.isEmpty() || !current.get().lastReportDay().isBefore(day)) {
                return false;
            }
            write(current.get().withLastReportDay(day));
            return true;
        }
    }

    @Override
    void recordFirstNotice(Instant at) {
        synchronized (lock()) {
            read().filter(current -> current.firstNoticeAt() == null)
                    .ifPresent(current -> write(current.withFirstNoticeAt(at)));
        }
    }

    @Override
    void forget() {
        synchronized (lock()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        }
    }

    @Override
    String describe() {
        return file.toString();
    }

    private void write(Installation installation) {
        try {
            Path temp = writeTemp(installation);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Path writeTemp(Installation installation) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("system_id", installation.systemId().toString());
        properties.setProperty("upgraded", Boolean.toString(installation.upgraded()));
        properties.setProperty("time_of_day", Integer.toString(installation.secondOfDay()));
        properties.setProperty("first_notice_at", Long.toString(Installation.noticeMillis(installation.firstNoticeAt())));
        properties.setProperty("last_report_day", Long.toString(installation.lastReportDay().toEpochDay()));
        StringWriter text = new StringWriter();
        properties.store(text, "Census usage reporting: this installation's anonymous identity. Delete to start afresh.");
        Path temp = Files.createTempFile(directory, ".installation", ".tmp");
        Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
        return temp;
    }

    private Object lock() {
        return LOCKS.computeIfAbsent(file, key -> new Object());
    }
}
