package dev.census.sdk;

import dev.census.testing.TestClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** The usual test installation: product demo, one release component, one metric, manual scheduling, clean environment. */
final class Fixtures {

    /** A Monday morning, UTC. */
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private Fixtures() {
    }

    static Census.Builder demo(URI endpoint, Path stateDir, TestClock clock) {
        return Census.builder()
                .product("demo")
                .endpoint(endpoint)
                .stateDir(stateDir)
                .component("core", "3.49.1")
                .metric("workers.processes", () -> 4)
                .clock(clock)
                .environment(Map.of())
                .manualScheduling();
    }

    /** Moves the clock to the next due time and runs what is due. */
    static void runNext(Census census, TestClock clock) throws InterruptedException {
        clock.set(census.nextRunAt().orElseThrow());
        census.runDueWork();
    }
}
