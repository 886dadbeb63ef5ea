package dev.census.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.census.registry.Registry;
import dev.census.server.store.ReportStore;
import dev.census.server.summary.Summarizer;
import dev.census.server.summary.SummaryRun;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code census summarize}: on the data dir of a stopped server or on a PostgreSQL database, or —
 * given --url and the admin token — asks a running server to summarize. Exits 1, naming each
 * product and day on standard error, when any day could not be summarized (the others were).
 */
@Command(name = "summarize", mixinStandardHelpOptions = true, description = "Summarize closed days now (and today so far, provisionally, with --today).")
final class SummarizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    PublishOptions publish;

    @Option(names = "--from", description = "First day to summarize (default: the earliest raw day).")
    LocalDate from;

    @Option(names = "--to", description = "Last day to summarize (default: yesterday); today or later also summarizes today so far, provisionally.")
    LocalDate to;

    @Option(names = "--today", description = "Summarize today so far, provisionally (the nightly run replaces it); as --from and --to today.")
    boolean today;

    @Option(names = "--recompute", description = "Write days again even if already summarized.")
    boolean recompute;

    @Option(names = "--url", description = "Ask the running server at this URL instead.")
    URI url;

    @Option(names = "--admin-token", defaultValue = "${env:CENSUS_ADMIN_TOKEN}", description = "Admin token of the running server.")
    String adminToken;

    @Override
    public Integer call() throws Exception {
        if (today) {
            from = LocalDate.now(Clock.systemUTC());
            to = from;
        }
        if (url != null) {
            return remote();
        }
        Registry registry = publish.registry.load();
        spec.commandLine().getErr().println(publish.registry.describe(registry));
        try (ReportStore opened = store.open()) {
            publish.registry.requireCovers(registry, opened.products());
            SummaryRun run = new Summarizer(opened, registry, Clock.systemUTC(), publish.k)
                    .summarize(from, to, recompute);
            PrintWriter out = spec.commandLine().getOut();
            run.summarized().forEach((product, days) -> out.printf("%s: summarized %s %s%n", product, Plural.of(days.size(), "day"), days));
            out.flush();
            run.failed().forEach(failure -> failed(failure.product(), failure.day() == null ? null : failure.day().toString(), failure.error()));
            return run.failed().isEmpty() ? 0 : 1;
        }
    }

    /** One line on standard error per product day that could not be summarized (a null day: its days could not be listed). */
    private void failed(String product, String day, String error) {
        spec.commandLine().getErr().printf("summarize: %s %s failed: %s%n", product, day == null ? "(listing its days)" : day, error);
    }

    private int remote() throws Exception {
        if (adminToken == null) {
            spec.commandLine().getErr().println("--admin-token (or CENSUS_ADMIN_TOKEN) is required with --url");
            return 2;
        }
        StringBuilder query = new StringBuilder("?recompute=").append(recompute);
        if (from != null) {
            query.append("&from=").append(from);
        }
        if (to != null) {
            query.append("&to=").append(to);
        }
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/api/v1/admin/summarize" + query))
                .header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        spec.commandLine().getOut().println(response.body());
        spec.commandLine().getOut().flush();
        if (response.statusCode() != 200) {
            return 1;
        }
        JsonNode failed = new ObjectMapper().readTree(response.body()).path("failed");
        failed.forEach(failure -> failed(failure.path("product").asText(),
                failure.path("day").isTextual() ? failure.path("day").asText() : null, failure.path("error").asText()));
        return failed.isEmpty() ? 0 : 1;
    }
}
