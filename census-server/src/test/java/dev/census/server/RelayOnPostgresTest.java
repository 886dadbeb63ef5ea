package dev.census.server;

import dev.census.server.testing.TestServers;
import dev.census.testing.PostgresServer;
import dev.census.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;

/** Every relay scenario again with the relay's store, and so its queue, on PostgreSQL. */
class RelayOnPostgresTest extends RelayTest {

    private String database;

    @BeforeEach
    void database() {
        database = PostgresServer.newDatabase();
    }

    @Override
    CensusServer.Builder relayOn(TestClock clock) {
        return TestServers.postgresBuilder(database, clock);
    }
}
