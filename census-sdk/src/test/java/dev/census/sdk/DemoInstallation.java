package dev.census.sdk;

import dev.census.testing.RecordingCensusEndpoint;
import dev.census.testing.TempDirectories;
import dev.census.testing.TestClock;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Per test, the usual installation's surroundings: a fresh state directory, a clock at {@link Fixtures#T0} and a recording endpoint. */
final class DemoInstallation implements BeforeEachCallback, AfterEachCallback {

    private final RecordingCensusEndpoint server = new RecordingCensusEndpoint();
    private final TestClock clock = new TestClock(Fixtures.T0);
    private Path tmp;

    RecordingCensusEndpoint server() {
        return server;
    }

    TestClock clock() {
        return clock;
    }

    /** A fresh directory of this test's own. */
    Path stateDir() {
        return tmp;
    }

    /** {@link Fixtures#demo} against this endpoint, state directory and clock. */
    Census.Builder builder() {
        return Fixtures.demo(server.uri(), stateDir(), clock);
    }

    /** {@link #builder()}'s Census, built and started. */
    Census started() {
        Census census = builder().build();
        census.start();
        return census;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        tmp = TempDirectories.create("census-sdk-test");
        server.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            server.afterEach(context);
        } finally {
            TempDirectories.deleteRecursively(tmp);
        }
    }
}
