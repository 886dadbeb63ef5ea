package dev.census.server.testing;

import dev.census.server.CensusServer;
import dev.census.testing.CensusClient;
import dev.census.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A test server on a fresh DuckDB directory, started once for a test class and its client (register it static). */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {

    private final String now;
    private Path dataDir;
    private CensusServer server;
    private CensusClient client;

    private RunningServer(String now) {
        this.now = now;
    }

    /** A {@link TestServers} server whose clock stands still at this instant. */
    public static RunningServer at(String now) {
        return new RunningServer(now);
    }

    public CensusServer server() {
        return server;
    }

    public CensusClient client() {
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("census-server-test");
        server = TestServers.start(dataDir, TestClock.at(now));
        client = new CensusClient(server.port());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            server.close();
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(RunningServer::delete);
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
