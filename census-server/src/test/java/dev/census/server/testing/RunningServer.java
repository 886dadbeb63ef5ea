package dev.census.server.testing;

import dev.census.server.CensusServer;
import dev.census.testing.CensusClient;
import dev.census.testing.TempDirectories;
import dev.census.testing.TestClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link TestServers} server on a fresh DuckDB directory and its client: started once for the
 * test class (register it on a static field), or {@link #freshForEachTest() for each test}.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final Supplier<TestClock> clocks;
    private final boolean eachTest;
    private final boolean inMemory;
    private Path dataDir;
    private CensusServer server;
    private CensusClient client;

    private RunningServer(Supplier<TestClock> clocks, boolean eachTest, boolean inMemory) {
        this.clocks = clocks;
        this.eachTest = eachTest;
        this.inMemory = inMemory;
    }

    /** A server whose clock stands still at this instant. */
    public static RunningServer at(String now) {
        return new RunningServer(() -> TestClock.at(now), false, false);
    }

    /** A server on the test's own clock, for tests that move time on. */
    public static RunningServer on(TestClock clock) {
        return new RunningServer(() -> clock, false, false);
    }

    /** The same, started anew before each test and closed after it (register it on an instance field). */
    public RunningServer freshForEachTest() {
        return new RunningServer(clocks, true, inMemory);
    }

    /** The same, with its data in memory where possible (see {@link MemoryTempDir}). */
    public RunningServer inMemory() {
        return new RunningServer(clocks, eachTest, true);
    }

    public CensusServer server() {
        return server;
    }

    public CensusClient client() {
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!eachTest) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!eachTest) {
            stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (eachTest) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (eachTest) {
            stop();
        }
    }

    private void start() throws IOException {
        dataDir = inMemory ? MemoryTempDir.create() : TempDirectories.create("census-server-test");
        server = TestServers.start(dataDir, clocks.get());
        client = new CensusClient(server.port());
    }

    private void stop() {
        try {
            server.close();
        } finally {
            TempDirectories.deleteRecursively(dataDir);
        }
    }
}
