package dev.census.server.testing;

import dev.census.server.CensusServer;
import dev.census.testing.PostgresServer;
import java.nio.file.Path;
import java.time.Clock;

/** Starts real Census servers on a free loopback port for tests. */
public final class TestServers {

    public static final String ADMIN_TOKEN = "secret-admin-token";

    private TestServers() {
    }

    /** A server on a DuckDB file in the directory, with k = 1 so tiny fleets publish every bucket. */
    public static CensusServer.Builder builder(Path dataDir, Clock clock) {
        return CensusServer.builder().host("127.0.0.1").port(0).dataDir(dataDir).clock(clock)
                .adminToken(ADMIN_TOKEN).dailyJobs(false).allowBackdatedReports(true).k(1).rateLimitPerMinute(0);
    }

    /** The same server on a PostgreSQL database (see {@link PostgresServer#newDatabase()}). */
    public static CensusServer.Builder postgresBuilder(String database, Clock clock) {
        return CensusServer.builder().host("127.0.0.1").port(0).database(database).clock(clock)
                .adminToken(ADMIN_TOKEN).dailyJobs(false).allowBackdatedReports(true).k(1).rateLimitPerMinute(0);
    }

    public static CensusServer start(Path dataDir, Clock clock) {
        return builder(dataDir, clock).build().start();
    }
}
