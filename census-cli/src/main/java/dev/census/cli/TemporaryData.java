package dev.census.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes a command's temporary directory with everything in it, as {@code census demo} does on exit. */
final class TemporaryData {

    private TemporaryData() {
    }

    /** Deletes the directory and everything below it; what is already gone is fine, what cannot be deleted is reported. */
    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("census demo: could not delete " + directory + ": " + e.getMessage());
        }
    }
}
