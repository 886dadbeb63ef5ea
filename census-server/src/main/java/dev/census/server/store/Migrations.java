package dev.census.server.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a database's schema up to date with Flyway, from the migrations of its engine. */
final class Migrations {

    private Migrations() {
    }

    static void apply(DataSource dataSource, String engine) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/" + engine)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("schema migration failed: " + e.getMessage(), e);
        }
    }
}
