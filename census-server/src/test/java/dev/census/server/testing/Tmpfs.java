package dev.census.server.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test, so that a real filesystem can be filled up: mounting needs root,
 * so elsewhere the test is skipped with the reason, unless {@code CENSUS_REQUIRE_TMPFS=1} (as in CI)
 * makes that a failure.
 */
public final class Tmpfs implements AutoCloseable {

    private final Path mountPoint;

    private Tmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code size} (as mount takes it, e.g. {@code 24m}) on a new directory inside {@code parent}. */
    public static Tmpfs mountOrSkip(Path parent, String size) {
        Path mountPoint = parent.resolve("tmpfs");
        String failure;
        if (!"root".equals(System.getProperty("user.name"))) {
            failure = "mounting a tmpfs needs root, and the tests run as " + System.getProperty("user.name");
        } else {
            try {
                Files.createDirectories(mountPoint);
                failure = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString());
            } catch (IOException e) {
                failure = e.getMessage();
            }
        }
        if (failure != null) {
            String message = "the full-disk tests need a small tmpfs and none could be mounted: " + failure;
            if ("1".equals(System.getenv("CENSUS_REQUIRE_TMPFS"))) {
                Assertions.fail(message + "; CENSUS_REQUIRE_TMPFS=1 forbids skipping");
            }
            Assumptions.abort(message);
        }
        return new Tmpfs(mountPoint);
    }

    public Path path() {
        return mountPoint;
    }

    /** Writes a file until the filesystem has no room left; deleting it frees the space again. */
    public Path fill() throws IOException {
        Path filler = mountPoint.resolve("filler");
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (int chunk : new int[] {1 << 20, 1 << 12, 1}) {
                byte[] bytes = new byte[chunk];
                try {
                    while (true) {
                        out.write(bytes);
                        out.flush();
                    }
                } catch (IOException full) {
                    // room for no more chunks of this size: go on with smaller ones
                }
            }
        } catch (IOException closingAFullFile) {
            // the last buffered bytes had no room either
        }
        return filler;
    }

    /** Unmounts, lazily if something still holds a file open. */
    @Override
    public void close() throws IOException {
        if (run("umount", mountPoint.toString()) != null) {
            run("umount", "-l", mountPoint.toString());
        }
    }

    /** Runs a command; returns null on success, else what it said. */
    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return process.exitValue() == 0 ? null : String.join(" ", command) + ": " + output;
    }
}
