package dev.census.cli;

import dev.census.cli.simulate.FleetSimulator;
import dev.census.cli.simulate.ProgressBar;
import dev.census.cli.simulate.ReportPoster;
import dev.census.protocol.Report;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code census simulate}: posts a synthetic fleet's reports over HTTP, one per system and day for the
 * last D days (the server keeps their days only with --allow-backdated-reports).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Post a synthetic fleet to a Census server over HTTP.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, description = "Base URL of the server, e.g. http://localhost:8080")
    URI url;

    @Option(names = "--systems", defaultValue = "100", description = "Installations to simulate (default ${DEFAULT-VALUE}).")
    int systems;

    @Option(names = "--days", defaultValue = "1", description = "Days of reports, ending today (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the simulated fleet (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--concurrency", defaultValue = "16", description = "Requests in flight at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() throws InterruptedException {
        if (systems < 1 || days < 1) {
            System.err.println("--systems and --days must be positive");
            return 2;
        }
        FleetSimulator fleet = new FleetSimulator(systems, days, LocalDate.now(ZoneOffset.UTC), seed);
        List<Report> reports = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            reports.addAll(fleet.reportsOn(day));
        }
        ReportPoster poster = new ReportPoster(url, concurrency);
        ProgressBar progress = new ProgressBar(System.out, "reports", reports.size());
        poster.postAll(reports, progress::update);
        System.out.printf("accepted %d, rejected %d %s%n", poster.accepted(),
                poster.rejected().values().stream().mapToLong(Long::longValue).sum(), poster.rejected());
        return poster.rejected().isEmpty() ? 0 : 1;
    }
}
