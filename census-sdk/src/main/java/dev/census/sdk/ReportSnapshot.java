package dev.census.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The last report the SDK gathered, as the exact JSON it sends, kept in the state directory as
 * {@value #FILE_NAME} so that {@code census report --preview --state-dir DIR} shows what this
 * installation sends without running its collectors. Best effort: a failed write is logged at debug level.
 */
final class ReportSnapshot {

    /** The file in the state directory; its format is the report's Census JSON, nothing else. */
    static final String FILE_NAME = "last-report.json";

    private final Path file;
    private final QuietLog log;

    /** A snapshot in the directory, or none (a null directory: the identity is in a database). */
    ReportSnapshot(Path stateDir, QuietLog log) {
        this.file = stateDir == null ? null : stateDir.resolve(FILE_NAME);
        this.log = log;
    }

    void write(String json) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(FILE_NAME + ".partial");
            Files.writeString(partial, json, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.debug("Census could not keep the last report in " + file + ": " + e.getMessage());
        }
    }
}
