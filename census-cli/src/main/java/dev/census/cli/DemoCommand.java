package dev.census.cli;

import dev.census.cli.simulate.FleetLoader;
import dev.census.cli.simulate.FleetSimulator;
import dev.census.cli.simulate.ProgressBar;
import dev.census.server.CensusServer;
import dev.census.server.store.DuckDbReportStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code census demo}: replays a simulated fleet day by day through a real server over HTTP — each
 * day's reports (a demo fleet in Census JSON, a Pulp fleet as pulpcore's protobuf messages), then that
 * night's summaries and retention — and then serves the result live.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Load a simulated fleet (about 2,000 systems over 90 days) and serve the dashboard.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:CENSUS_PORT:-" + CensusServer.DEFAULT_PORT + "}", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", description = "Directory for the demo database (default: a new temporary directory).")
    Path dataDir;

    @Option(names = "--systems", defaultValue = "2000", description = "Simulated installations (default ${DEFAULT-VALUE}).")
    int systems;

    @Option(names = "--days", defaultValue = "90", description = "Simulated days of history (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated fleet (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--load-only", description = "Load the history and exit instead of serving.")
    boolean loadOnly;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("census-demo-");
        if (Files.exists(dir.resolve(DuckDbReportStore.FILE_NAME))) {
            System.out.println("Reusing the demo data in " + dir);
        } else {
            load(dir);
        }
        if (loadOnly) {
            return 0;
        }
        CensusServer server = CensusServer.builder().port(port).dataDir(dir).build().start();
        ServeCommand.runUntilStopped(server);
        return 0;
    }

    /**
     * Loggers that would print a line per simulated day (the nightly jobs) or per start of the loading
     * server: while loading, only their warnings show, so the progress bar stays readable.
     */
    private static final List<String> CHATTY_WHILE_LOADING = List.of("org.flywaydb", "io.javalin", "org.eclipse.jetty",
            "dev.census.server.summary.DailyJobs");

    private void load(Path dir) throws InterruptedException {
        CHATTY_WHILE_LOADING.forEach(logger -> System.setProperty("org.slf4j.simpleLogger.log." + logger, "warn"));
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        FleetSimulator fleet = new FleetSimulator(systems, days, yesterday, seed);
        FleetSimulator pulpFleet = new FleetSimulator(systems, days, yesterday, seed + 1);
        System.out.printf("Simulating %d demo and %d Pulp systems over %d days into %s%n", systems, systems, days, dir);
        ProgressBar progress = new ProgressBar(System.out, "days", days);
        FleetLoader.Result loaded = FleetLoader.load(dir, fleet, pulpFleet, progress::update);
        if (!loaded.rejected().isEmpty()) {
            System.err.println("some reports were refused: " + loaded.rejected());
        }
        System.out.printf("Loaded %d reports; raw data older than 30 days was deleted as in production, summaries kept.%n",
                loaded.accepted());
    }
}
