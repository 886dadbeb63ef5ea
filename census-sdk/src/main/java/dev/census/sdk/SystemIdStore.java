package dev.census.sdk;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an installation keeps its identity: a file in the application's state directory
 * ({@link #inDirectory(Path)}) or a one-row table in the application's own database
 * ({@link JdbcSystemIdStore#of(javax.sql.DataSource)}), which every node of a cluster shares.
 */
public abstract sealed class SystemIdStore permits FileSystemIdStore, JdbcSystemIdStore {

    SystemIdStore() {
    }

    /**
     * Keeps the identity in {@code installation.properties} inside the directory, written atomically.
     *
     * @param directory the directory, created if absent
     * @return the store
     */
    public static SystemIdStore inDirectory(Path directory) {
        return new FileSystemIdStore(Objects.requireNonNull(directory, "directory"));
    }

    /** The stored installation, if any; never creates or writes anything. */
    abstract Optional<Installation> read();

    /** Stores the candidate unless an installation is already stored; returns whichever is stored. */
    abstract Installation createIfAbsent(Installation candidate);

    /** Replaces the stored system ID. */
    abstract void replaceSystemId(UUID newId);

    /**
     * Takes the upload lease for a day: true for exactly one caller per day, across every node
     * sharing this store, and false when the day (or a later one) was already taken.
     */
    abstract boolean claimDay(LocalDate day);

    /** Records when the administrator was first told that reports are uploaded, unless already recorded. */
    abstract void recordFirstNotice(java.time.Instant at);

    /** Removes the stored installation. */
    abstract void forget();

    /** Where the identity lives, for log lines. */
    abstract String describe();
}
