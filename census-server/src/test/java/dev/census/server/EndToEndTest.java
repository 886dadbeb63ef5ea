package dev.census.server;

import static dev.census.testing.CensusClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.census.server.testing.RunningServer;
import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.Reports;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One report's whole path over real HTTP: ingest, store in DuckDB, summarize, publish as JSON and CSV. */
class EndToEndTest {

    @RegisterExtension
    final RunningServer running = RunningServer.at("2026-03-11T08:00:00Z").freshForEachTest();

    @Test
    void reportsPostedOverHttpAppearInTheSummariesApiAndItsCsv() {
        int[] workers = {1, 2, 3, 4, 10};
        for (int i = 0; i < workers.length; i++) {
            HttpResponse<String> accepted = running.client().postReport(Reports.report().sentAt("2026-03-10T10:00:00Z")
                    .component("core", i < 3 ? "3.49.1" : "3.50.0")
                    .metric("workers.processes", String.valueOf(workers[i]))
                    .metric("database.engine", i == 0 ? "\"sqlite\"" : "\"postgresql\"")
                    .json());
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(json(accepted).get("dropped")).isEmpty();
        }

        HttpResponse<String> summarized = running.client().admin("POST", "/api/v1/admin/summarize", TestServers.ADMIN_TOKEN);
        assertThat(summarized.statusCode()).isEqualTo(200);
        assertThat(json(summarized).at("/summarized/demo/0").asText()).isEqualTo("2026-03-10");

        Map<String, String> numbers = numbers(running.client().get("/api/v1/products/demo/summaries?from=2026-03-10&to=2026-03-10"));
        assertThat(numbers).containsEntry("systems/active_1d", "5")
                .containsEntry("systems/new", "5")
                .containsEntry("components.core.xy/3.49", "3")
                .containsEntry("components.core.xy/3.50", "2")
                .containsEntry("components.core.xyz/3.49.1", "3")
                .containsEntry("workers.processes/mean", "4.0")
                .containsEntry("workers.processes/min", "1.0")
                .containsEntry("workers.processes/p50", "3.0")
                .containsEntry("workers.processes/max", "10.0")
                .containsEntry("workers.processes/8-15", "1")
                .containsEntry("workers.processes/2-3", "2")
                .containsEntry("database.engine/postgresql", "4")
                .containsEntry("database.engine/sqlite", "1");

        HttpResponse<String> csv = running.client().get("/api/v1/products/demo/summaries?from=2026-03-10&to=2026-03-10&metric=workers.processes", "text/csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body().split("\r\n")).contains(
                "day,channel,metric,bucket,stat,value,systems",
                "2026-03-10,production,workers.processes,,mean,4,5",
                "2026-03-10,production,workers.processes,,p90,7.6,5",
                "2026-03-10,production,workers.processes,4-7,,,1");
    }

    @Test
    void seriesAreChartReadyWithOneValuePerDayAndTheSampleSize() {
        running.client().postReport(Reports.report().sentAt("2026-03-09T10:00:00Z").component("core", "3.49.1").json());
        running.client().postReport(Reports.report().sentAt("2026-03-10T10:00:00Z").component("core", "3.50.2").json());
        running.client().postReport(Reports.report().sentAt("2026-03-10T11:00:00Z").component("core", "3.50.2").json());
        running.server().runDailyJobs();

        JsonNode series = json(running.client().get("/api/v1/products/demo/series/components.core.xy?from=2026-03-08&to=2026-03-10"));
        assertThat(series.get("days").toString()).isEqualTo("[\"2026-03-08\",\"2026-03-09\",\"2026-03-10\"]");
        assertThat(series.at("/series/0/key").asText()).isEqualTo("3.49");
        assertThat(series.at("/series/0/values").toString()).isEqualTo("[null,1,0]");
        assertThat(series.at("/series/1/key").asText()).isEqualTo("3.50");
        assertThat(series.at("/series/1/values").toString()).isEqualTo("[null,0,2]");
        assertThat(series.get("systems").toString()).isEqualTo("[null,1,2]");
        assertThat(series.get("latest_day").asText()).isEqualTo("2026-03-10");

        String csv = running.client().get("/api/v1/products/demo/series/components.core.xy?from=2026-03-09&to=2026-03-10&format=csv").body();
        assertThat(csv).isEqualTo("day,3.49,3.50,systems\r\n2026-03-09,1,0,1\r\n2026-03-10,0,2,2\r\n");
    }

    @Test
    void summariesPageWithAStableCursorUntilEveryItemIsRead() {
        for (int i = 0; i < 4; i++) {
            running.client().postReport(Reports.report().sentAt("2026-03-0" + (7 + i % 3) + "T10:00:00Z")
                    .component("core", "3.4" + i + ".0").metric("tls.enabled", "true").json());
        }
        running.server().runDailyJobs();
        String all = "/api/v1/products/demo/summaries?from=2026-03-07&to=2026-03-10";
        List<String> everything = items(json(running.client().get(all + "&limit=10000")));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json(running.client().get(all + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor)));
            paged.addAll(items(page));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            pages++;
        } while (cursor != null);

        assertThat(pages).isGreaterThan(3);
        assertThat(paged).isEqualTo(everything).doesNotHaveDuplicates();
    }

    @Test
    void productsAndTheirMetricRegistryArePublished() {
        JsonNode products = json(running.client().get("/api/v1/products"));
        assertThat(products.at("/items/0/name").asText()).isEqualTo("demo");
        JsonNode metrics = json(running.client().get("/api/v1/products/demo/metrics"));
        assertThat(metrics.findValuesAsText("name")).contains("workers.processes", "database.engine");
        assertThat(metrics.toString()).contains("\"allowed_values\":[\"postgresql\",\"mariadb\",\"sqlite\"]");
        assertThat(running.client().get("/api/v1/products/nope/metrics").statusCode()).isEqualTo(404);
        assertThat(running.client().get("/healthz").statusCode()).isEqualTo(200);
        assertThat(running.client().get("/readyz").statusCode()).isEqualTo(200);
        assertThat(running.client().get("/metrics").body()).contains("census_reports_accepted_total");
    }

    @Test
    void dashboardPagesRenderChartsAndTablesFromTheSummaries() {
        running.client().postReport(Reports.report().sentAt("2026-03-10T10:00:00Z").component("core", "3.49.1")
                .metric("workers.processes", "4").json());
        running.server().runDailyJobs();
        HttpResponse<String> page = running.client().get("/p/demo?from=2026-03-01&to=2026-03-10");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<canvas data-chart=\"systems\"", "core versions", "<th scope=\"col\">3.49</th>",
                "/webjars/chart.js/", "Data as of <strong class=\"data-day\">2026-03-10</strong>");
        assertThat(running.client().get("/").body()).contains("href=\"/p/demo\"");
        assertThat(running.client().get(page.body().replaceAll("(?s).*src=\"(/webjars/chart.js/[^\"]+)\".*", "$1")).statusCode())
                .isEqualTo(200);
        assertThat(running.client().get("/p/unknown").statusCode()).isEqualTo(404);
    }

    private static Map<String, String> numbers(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> numbers = new TreeMap<>();
        for (JsonNode item : json(response).get("items")) {
            if (item.get("channel").asText().equals("production")) {
                String key = item.has("stat") ? item.get("stat").asText() : item.get("bucket").asText();
                String value = item.has("stat") ? item.get("value").asText() : item.get("systems").asText();
                numbers.put(item.get("metric").asText() + "/" + key, value);
            }
        }
        return numbers;
    }

    private static List<String> items(JsonNode page) {
        List<String> items = new ArrayList<>();
        page.get("items").forEach(item -> items.add(item.toString()));
        return items;
    }
}
