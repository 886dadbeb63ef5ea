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
import java.util.concurrent.Callable;
import ch.qos.logback.classic.Level;
import dev.census.cli.logging.Logging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "${env:CENSUS_BIND:-127.0.0.1}",
            description = "Address to listen on; 0.0.0.0 shows the demo to other machines (CENSUS_BIND, default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--data-dir",
            description = "Directory for the demo database, kept afterwards (default: a new temporary directory, deleted on exit).")
    Path dataDir;

    @Option(names = "--systems", defaultValue = "2000", description = "Simulated installations (default ${DEFAULT-VALUE}).")
    int systems;

    @Option(names = "--days", defaultValue = "90", description = "Simulated days of history (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated fleet (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--load-only", description = "Load the history and exit instead of serving.")
    boolean loadOnly;

    @Mixin
    LogOptions log;

    @Mixin
    DuckDbOptions duckDb;

    @Override
    public Integer call() throws IOException, InterruptedException {
        log.apply();
        // the loading servers' and the nightly jobs' lines would bury the progress bar; the URL is printed below
        Logging.setLevel("dev.census.server", Level.WARN);
        if (dataDir != null) {
            return run(dataDir, () -> { });
        }
        Path temporary = Files.createTempDirectory("census-demo-");
        loadingCleanup = new Thread(() -> TemporaryData.delete(temporary), "census-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(loadingCleanup); // Ctrl-C while loading
        try {
            return run(temporary, () -> TemporaryData.delete(temporary));
        } finally {
            if (loadOnly) {
                Runtime.getRuntime().removeShutdownHook(loadingCleanup);
                TemporaryData.delete(temporary);
            }
        }
    }

    /** Deletes the temporary data if the JVM stops while loading; the serving server's own hook takes over after. */
    private Thread loadingCleanup;

    /** Loads (unless the directory holds a demo already) and serves until stopped, then runs {@code afterClose}. */
    private int run(Path dir, Runnable afterClose) throws InterruptedException {
        if (Files.exists(dir.resolve(DuckDbReportStore.FILE_NAME))) {
            System.out.println("Reusing the demo data in " + dir);
        } else {
            load(dir);
        }
        if (loadOnly) {
            return 0;
        }
        CensusServer server = CensusServer.builder().host(bind).port(port).dataDir(dir, duckDb.resources()).build().start();
        if (loadingCleanup != null) {
            Runtime.getRuntime().removeShutdownHook(loadingCleanup); // one hook: close the server, then delete
        }
        System.out.println("Census demo is ready at " + server.publicUrl() + " (Ctrl-C to stop"
                + (dataDir == null ? "; its data is deleted then)" : ")"));
        ServeCommand.runUntilStopped(server, afterClose);
        return 0;
    }

    private void load(Path dir) throws InterruptedException {
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
