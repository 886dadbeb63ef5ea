package dev.census.cli;

import dev.census.cli.simulate.FleetSimulator;
import dev.census.cli.simulate.ProgressBar;
import dev.census.cli.simulate.PulpMessages;
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
 * last D days (the server keeps their days only with --allow-backdated-reports); with --product pulp,
 * today's fleet as pulpcore's protobuf messages.
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

    @Option(names = "--product", defaultValue = "demo",
            description = "demo (Census JSON) or pulp (pulpcore's protobuf message to /; it carries no date, so --days 1 only).")
    String product;

    @Option(names = "--concurrency", defaultValue = "16", description = "Requests in flight at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() throws InterruptedException {
        if (systems < 1 || days < 1) {
            System.err.println("--systems and --days must be positive");
            return 2;
        }
        boolean pulp = "pulp".equals(product);
        if (!pulp && !"demo".equals(product)) {
            System.err.println("--product must be demo or pulp");
            return 2;
        }
        if (pulp && days != 1) {
            System.err.println("--product pulp posts today's messages only (pulpcore's message carries no date): use --days 1");
            return 2;
        }
        FleetSimulator fleet = new FleetSimulator(systems, days, LocalDate.now(ZoneOffset.UTC), seed);
        List<Report> reports = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            reports.addAll(fleet.reportsOn(day));
        }
        ReportPoster poster = new ReportPoster(url, concurrency);
        ProgressBar progress = new ProgressBar(System.out, "reports", reports.size());
        if (pulp) {
            poster.postAllPulp(reports.stream().map(PulpMessages::of).toList(), progress::update);
        } else {
            poster.postAll(reports, progress::update);
        }
        System.out.printf("accepted %d, rejected %d %s%n", poster.accepted(),
                poster.rejected().values().stream().mapToLong(Long::longValue).sum(), poster.rejected());
        return poster.rejected().isEmpty() ? 0 : 1;
    }
}
