package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.testing.FuzzRun;
import dev.census.server.testing.ReportMutations;
import dev.census.server.testing.RunningServer;
import dev.census.server.testing.TestServers;
import dev.census.testing.Fleet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ten thousand seeded mutations of valid Census JSON reports over real HTTP: none is answered 5xx or
 * outside the OpenAPI document, exactly the reports answered 2xx are stored, and the daily jobs and
 * every read of what was stored still answer.
 */
class ReportFuzzTest {

    private static final int INPUTS = 10_000;
    private static final List<String> PRODUCTS = List.of("demo", "pulp");

    @RegisterExtension
    final RunningServer running = RunningServer.at("2026-03-11T08:00:00Z").freshForEachTest().inMemory();

    @Test
    void mutatedReportsNeverGetA5xxAndOnlyAcceptedOnesAreStored() {
        FuzzRun fuzz = new FuzzRun("JSON report fuzz", 20_261_203L);
        List<String> days = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2026-03-01"); day.isBefore(LocalDate.parse("2026-03-11")); day = day.plusDays(1)) {
            days.add(day.toString());
        }
        List<String> valid = Fleet.reports(100, days, fuzz.seed());
        ReportMutations mutations = new ReportMutations(fuzz.random());
        long storedBefore = stored();
        URI reports = uri("/api/v1/reports");
        for (int i = 0; i < INPUTS; i++) {
            ReportMutations.Input input = mutations.mutate(valid.get(fuzz.random().nextInt(valid.size())));
            HttpRequest.Builder request = HttpRequest.newBuilder(reports).POST(HttpRequest.BodyPublishers.ofByteArray(input.body()));
            if (input.contentType() != null) {
                request.header("Content-Type", input.contentType());
            }
            if (input.contentEncoding() != null) {
                request.header("Content-Encoding", input.contentEncoding());
            }
            fuzz.send(request.build(), input.description());
        }
        int accepted = fuzz.succeeded();
        assertThat(fuzz.sent()).isEqualTo(INPUTS);
        assertThat(stored() - storedBefore).as("reports stored vs answered 2xx (seed %d)", fuzz.seed()).isEqualTo(accepted);
        assertThat(accepted).as("valid inputs among the mutations (seed %d)", fuzz.seed()).isGreaterThan(INPUTS / 20);

        fuzz.send(HttpRequest.newBuilder(uri("/api/v1/admin/summarize")).header("Authorization", "Bearer " + TestServers.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), "summarize what the fuzz stored");
        for (String product : PRODUCTS) {
            String range = "?from=2026-03-01&to=2026-03-10";
            fuzz.send(get("/api/v1/products/" + product + "/summaries" + range + "&limit=10000"), "summaries");
            fuzz.send(get("/p/" + product + range), "the product page");
            for (String metric : List.of("systems", "systems.age_days", "components", "components.core.xy", "workers.processes",
                    "workers.hosts", "users.count", "memory.mib", "content_apps.processes", "tls.enabled", "database.engine")) {
                fuzz.send(get("/api/v1/products/" + product + "/series/" + metric + range), "series");
            }
        }
        fuzz.assertNoFailures();
    }

    private long stored() {
        return PRODUCTS.stream().mapToLong(product -> running.server().store().countReports(product)).sum();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + running.server().port() + path);
    }
}
