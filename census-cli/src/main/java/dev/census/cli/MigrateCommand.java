package dev.census.cli;

import dev.census.cli.simulate.ProgressBar;
import dev.census.registry.Registry;
import dev.census.server.store.DatabaseUrl;
import dev.census.server.store.DuckDbReportStore;
import dev.census.server.store.PostgresReportStore;
import dev.census.server.store.StoreCopier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * {@code census migrate}: copies a stopped embedded server's data into an empty PostgreSQL database,
 * with a progress bar, then compares row counts; exits 1 when any table differs.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Copy an embedded (DuckDB) installation's data into an empty PostgreSQL database, verified by counts.")
final class MigrateCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, description = "Data directory of the stopped embedded server.")
    Path from;

    @Mixin
    RegistryOptions registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, description = "The PostgreSQL database: postgresql://host:5432/census?user=…&password=…")
    String to;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(from.resolve(DuckDbReportStore.FILE_NAME))) {
            System.err.println("no Census data in " + from + " (" + DuckDbReportStore.FILE_NAME + " is missing)");
            return 2;
        }
        DatabaseUrl target = DatabaseUrl.parse(to);
        Registry loaded = registry.load();
        spec.commandLine().getErr().println(registry.describe(loaded));
        try (DuckDbReportStore source = DuckDbReportStore.open(from)) {
            registry.requireCovers(loaded, source.products());
        }
        try (DuckDbReportStore source = DuckDbReportStore.open(from);
             PostgresReportStore destination = PostgresReportStore.open(target)) {
            ProgressBar progress = new ProgressBar(System.out, "copying", StoreCopier.rowsToCopy(source));
            progress.update(0);
            List<StoreCopier.TableCount> counts = StoreCopier.copy(source, destination, progress::update);
            boolean verified = true;
            for (StoreCopier.TableCount count : counts) {
                System.out.printf("%-18s %,12d rows in %s, %,12d in PostgreSQL%s%n", count.table(), count.source(), from,
                        count.target(), count.matches() ? "" : "  MISMATCH");
                verified &= count.matches();
            }
            System.out.println(verified ? "migrated and verified: start the servers with --database " + target.jdbcUrl()
                    : "counts differ: do not switch over; drop the target database and migrate again");
            return verified ? 0 : 1;
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
