package dev.census.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * A {@code @TempDir} in memory ({@code /dev/shm}) where there is one, else the usual one: for tests
 * that commit thousands of reports one by one to probe HTTP input handling, not the disk.
 */
public final class MemoryTempDir implements TempDirFactory {

    private static final Path SHM = Path.of("/dev/shm");

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws IOException {
        return create();
    }

    /** A fresh directory in memory where there is room for one, else in the usual place; the caller deletes it. */
    static Path create() throws IOException {
        return Files.isDirectory(SHM) && Files.isWritable(SHM)
                ? Files.createTempDirectory(SHM, "census-test-") : Files.createTempDirectory("census-test-");
    }
}
