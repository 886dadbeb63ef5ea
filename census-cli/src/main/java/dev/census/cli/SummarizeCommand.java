package dev.census.cli;

import dev.census.server.store.ReportStore;
import dev.census.server.summary.Summarizer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code census summarize}: on the data dir of a stopped server or on a PostgreSQL database, or —
 * given --url and the admin token — asks a running server to summarize.
 */
@Command(name = "summarize", mixinStandardHelpOptions = true, description = "Summarize closed days now.")
final class SummarizeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Mixin
    PublishOptions publish;

    @Option(names = "--from", description = "First day to summarize (default: the earliest raw day).")
    LocalDate from;

    @Option(names = "--to", description = "Last day to summarize (default: yesterday).")
    LocalDate to;

    @Option(names = "--recompute", description = "Write days again even if already summarized.")
    boolean recompute;

    @Option(names = "--url", description = "Ask the running server at this URL instead.")
    URI url;

    @Option(names = "--admin-token", defaultValue = "${env:CENSUS_ADMIN_TOKEN}", description = "Admin token of the running server.")
    String adminToken;

    @Override
    public Integer call() throws Exception {
        if (url != null) {
            return remote();
        }
        try (ReportStore opened = store.open()) {
            Map<String, List<LocalDate>> written = new Summarizer(opened, publish.registry.load(), Clock.systemUTC(), publish.k)
                    .summarize(from, to, recompute);
            written.forEach((product, days) -> System.out.printf("%s: summarized %d days %s%n", product, days.size(), days));
        }
        return 0;
    }

    private int remote() throws Exception {
        if (adminToken == null) {
            System.err.println("--admin-token (or CENSUS_ADMIN_TOKEN) is required with --url");
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
        System.out.println(response.body());
        return response.statusCode() == 200 ? 0 : 1;
    }
}
