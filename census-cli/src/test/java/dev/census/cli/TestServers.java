package dev.census.cli;

import dev.census.server.CensusServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;

/** Census servers for the command line's tests: loopback, a free port, k = 1, backdated reports, no rate limit. */
final class TestServers {

    static final String ADMIN_TOKEN = "secret-admin-token";

    private TestServers() {
    }

    /** A builder with the test settings; the caller names the store ({@code dataDir} or {@code database}). */
    static CensusServer.Builder builder(Clock clock) {
        return CensusServer.builder().host("127.0.0.1").port(0).clock(clock).adminToken(ADMIN_TOKEN)
                .dailyJobs(false).allowBackdatedReports(true).k(1).rateLimitPerMinute(0);
    }

    /** A started server on a DuckDB file in the directory. */
    static CensusServer start(Path dataDir, Clock clock) {
        return builder(clock).dataDir(dataDir).build().start();
    }

    /** A loopback port free right now, for a server that runs as a process of its own. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
