package dev.census.server;

import static dev.census.testing.CensusClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.census.registry.Governance;
import dev.census.registry.MetricDefinition;
import dev.census.registry.MetricStatus;
import dev.census.registry.MetricType;
import dev.census.registry.ProductDefinition;
import dev.census.registry.Registry;
import dev.census.registry.RegistryLoader;
import dev.census.testing.CensusClient;
import dev.census.testing.TestClock;
import dev.census.testing.Reports;
import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public pages over plain HTTP, as a reader without JavaScript (or a cache) sees them. */
class DashboardPagesTest {

    private static final Pattern RESOURCE = Pattern.compile("<(?:script|img|link|iframe|source)\\b[^>]*?(?:src|href)=\"([^\"]*)\"");

    @TempDir
    Path dataDir;

    private final TestClock clock = TestClock.at("2026-03-11T08:00:00Z");
    private CensusServer server;
    private CensusClient client;

    @BeforeEach
    void startWithASmallFleet() {
        server = TestServers.builder(dataDir, clock).registry(registryWithEveryStatus()).build().start();
        client = new CensusClient(server.port());
        for (int day = 1; day <= 10; day++) {
            for (int system = 0; system < 6; system++) {
                Reports report = Reports.report().system("00000000-0000-4000-8000-00000000000" + system)
                        .sentAt("2026-03-%02dT10:00:00Z".formatted(day))
                        .channel(system == 5 ? "dev" : "production")
                        .component("core", day < 6 || system < 2 ? "3.49." + system % 2 : "3.50.0")
                        .metric("workers.processes", String.valueOf(system + day % 3))
                        .metric("database.engine", system == 0 ? "\"sqlite\"" : "\"postgresql\"");
                if (system % 2 == 0) {
                    report.component("rpm", "1.12.0");
                }
                assertThat(client.postReport(report.json()).statusCode()).isEqualTo(202);
            }
        }
        server.runDailyJobs();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void productPageShowsEveryChartAsATableWithoutJavaScript() {
        HttpResponse<String> page = client.get("/p/demo?from=2026-03-01&to=2026-03-10");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        String html = page.body();
        assertThat(sectionIds(html)).containsExactly("systems", "components", "versions-core", "versions-rpm",
                "metric-database.engine", "metric-workers.processes", "metric-workers.processes-buckets", "age", "demography");
        assertThat(html).contains("<details class=\"table\" open>")
                .contains("Data as of <strong class=\"data-day\">2026-03-10</strong> · sample <strong class=\"sample\">5</strong>")
                .contains("<th scope=\"row\">2026-03-10</th><td>2</td><td>3</td><td>5</td>")
                .contains("data-src=\"/api/v1/products/demo/series/components.core.xyz?from=2026-03-01&amp;to=2026-03-10&amp;channel=production\"")
                .contains("href=\"/api/v1/products/demo/series/components.core.xyz?from=2026-03-01&amp;to=2026-03-10&amp;channel=production&amp;format=csv\"")
                .contains("href=\"/api/v1/products/demo/series/workers.processes?from=2026-03-01&amp;to=2026-03-10&amp;channel=production\"")
                .contains("<canvas data-chart=\"versions-core\"")
                .contains("No data in this range for: Content-app processes");
        assertThat(section(html, "components")).as("one system runs several components, but counts once")
                .contains("sample <strong class=\"sample\">5</strong>");
        assertThat(section(html, "metric-workers.processes")).contains("<th scope=\"col\">mean</th>").contains("<th scope=\"col\">p90</th>");
    }

    @Test
    void everyChartsSampleIsTheSeriesApisSystemsOnItsDayAndCountsAreWholeNumbers() {
        String html = client.get("/p/demo?from=2026-03-01&to=2026-03-10").body();
        Pattern meta = Pattern.compile("class=\"sample\">(\\d+)</strong>.*?class=\"json\" href=\"([^\"]+)\"", Pattern.DOTALL);

        for (String id : sectionIds(html)) {
            Matcher found = meta.matcher(section(html, id));
            assertThat(found.find()).as("sample and JSON link of " + id).isTrue();
            com.fasterxml.jackson.databind.JsonNode series = json(client.get(found.group(2).replace("&amp;", "&")));
            assertThat(series.at("/systems/9").asText()).as("the sample of " + id + " is its series' systems on 2026-03-10")
                    .isEqualTo(found.group(1));
            for (com.fasterxml.jackson.databind.JsonNode line : series.get("series")) {
                if (line.get("kind").asText().equals("bucket")) {
                    line.get("values").forEach(value -> assertThat(value.isIntegralNumber()).as(id + " " + line.get("key") + ": " + value).isTrue());
                }
            }
        }
        assertThat(json(client.get("/api/v1/products/demo/series/components?from=2026-03-10&to=2026-03-10")).at("/systems/0").asLong())
                .as("the distinct systems that reported, not core's 5 plus rpm's 3").isEqualTo(5);
        assertThat(client.get("/api/v1/products/demo/series/systems?from=2026-03-10&to=2026-03-10&format=csv").body())
                .isEqualTo("day,active_1d,active_7d,active_28d,new,systems\r\n2026-03-10,5,5,5,0,5\r\n");
    }

    @Test
    void theFleetTodayOpensTheProductPageWithTheNumbersOfTheApi() {
        var today = json(client.get("/api/v1/products/demo/today"));
        String html = client.get("/p/demo").body();
        String glance = section(html, "today");

        assertThat(html.indexOf("id=\"today\"")).isLessThan(html.indexOf("<section class=\"chart\""));
        assertThat(today.path("day").asText()).isEqualTo("2026-03-10");
        assertThat(today.at("/active/0/key").asText()).isEqualTo("active_1d");
        assertThat(today.at("/active/0/label").asText()).isEqualTo("active today");
        assertThat(today.at("/active/0/systems").asLong()).isEqualTo(5);
        assertThat(today.at("/active/0/before").isNull()).as("2026-02-10 was not summarized").isTrue();
        assertThat(today.path("new_this_week").asLong()).isZero();
        assertThat(today.path("median_age_days").asDouble()).isEqualTo(9.0);
        assertThat(today.at("/components/0/name").asText()).isEqualTo("core");
        assertThat(today.at("/components/0/versions").toString())
                .isEqualTo("[{\"key\":\"3.50\",\"systems\":3,\"percent\":60.0},{\"key\":\"3.49\",\"systems\":2,\"percent\":40.0}]");
        assertThat(today.at("/metrics/0/name").asText()).isEqualTo("database.engine");
        assertThat(today.at("/metrics/0/title").asText()).isEqualTo("Database engine");
        assertThat(today.at("/metrics/0/kind").asText()).isEqualTo("shares");
        assertThat(today.at("/metrics/0/bars/0/key").asText()).isEqualTo("postgresql");
        assertThat(today.at("/metrics/1/kind").asText()).isEqualTo("histogram");
        assertThat(today.at("/metrics/1/stats").fieldNames()).toIterable().containsExactly("mean", "p50", "p90");

        assertThat(glance).contains("<h2 id=\"today-title\">The fleet today</h2>")
                .contains("data-figure=\"active_1d\"><span class=\"label\">Active today</span>\n      <strong class=\"value\">5</strong>")
                .contains("data-figure=\"median_age_days\"><span class=\"label\">Median installation age</span>\n      <strong class=\"value\">9</strong>")
                .contains("<tr data-key=\"3.50\" data-systems=\"3\" data-percent=\"60\">")
                .contains("<h4>Database engine ")
                .contains("<span data-stat=\"p50\">p50 <strong>" + today.at("/metrics/1/stats/p50").asLong() + "</strong>");
        assertThat(section(html, "systems")).contains("<th scope=\"col\">active today</th>").contains("<th scope=\"col\">active in 28 days</th>")
                .contains("\"label\":\"active in 7 days\"").doesNotContain("active_1d");
        assertThat(section(html, "metric-workers.processes")).contains("<h3>Worker processes <a class=\"anchor\" href=\"#metric-workers.processes\"");
    }

    @Test
    void theFleetTodayComparesWithTwentyEightDaysEarlierAndKeepsTheTopEightVersions() {
        client.postReport(Reports.report().sentAt("2026-02-10T10:00:00Z").component("core", "3.40.0").json());
        for (int version = 0; version < 10; version++) {
            for (int system = 0; system < version + 2; system++) {
                client.postReport(Reports.report().sentAt("2026-03-10T11:00:00Z").component("core", "4." + version + ".0").json());
            }
        }
        assertThat(client.admin("POST", "/api/v1/admin/summarize?from=2026-02-10&to=2026-03-10&recompute=true",
                TestServers.ADMIN_TOKEN).statusCode()).isEqualTo(200);

        var today = json(client.get("/api/v1/products/demo/today"));

        assertThat(today.at("/active/0/systems").asLong()).isEqualTo(70);
        assertThat(today.at("/active/0/before").asLong()).isEqualTo(1);
        assertThat(today.at("/active/0/change").asLong()).isEqualTo(69);
        assertThat(today.path("new_this_week").asLong()).isEqualTo(65);
        var versions = today.at("/components/0/versions");
        assertThat(versions).hasSize(9);
        assertThat(versions.get(0).path("key").asText()).isEqualTo("4.9");
        assertThat(versions.get(7).path("key").asText()).isEqualTo("4.2");
        assertThat(versions.get(8).path("key").asText()).isEqualTo("other");
        assertThat(versions.get(8).path("systems").asLong()).as("4.1, 4.0, 3.49 and 3.50").isEqualTo(3 + 2 + 2 + 3);
        long sum = 0;
        for (var version : versions) {
            sum += version.path("systems").asLong();
        }
        assertThat(sum).isEqualTo(today.at("/components/0/systems").asLong()).isEqualTo(70);
        assertThat(section(client.get("/p/demo").body(), "today")).contains("<span class=\"change\" data-change=\"69\">+69 against 28 days earlier</span>");
    }

    @Test
    void longRangesTableOneRowAWeekEndingOnTheLatestDay() {
        String systems = section(client.get("/p/demo?from=2025-03-11&to=2026-03-10").body(), "systems");

        assertThat(systems).contains("one row a week").contains("<th scope=\"row\">2026-03-10</th>")
                .contains("<th scope=\"row\">2026-03-03</th>").doesNotContain("<th scope=\"row\">2026-03-09</th>")
                .contains("Every day is in the <a href=\"/api/v1/products/demo/series/systems?from=2025-03-11&amp;to=2026-03-10&amp;channel=production&amp;format=csv\">CSV</a>");
        assertThat(section(client.get("/p/demo?from=2026-03-01&to=2026-03-10").body(), "systems"))
                .doesNotContain("one row a week").contains("<th scope=\"row\">2026-03-09</th>");
    }

    @Test
    void theChannelToggleShowsTheDevFleet() {
        String dev = client.get("/p/demo?from=2026-03-01&to=2026-03-10&channel=dev").body();

        assertThat(dev).contains("value=\"dev\" checked").contains("Showing dev systems");
        assertThat(section(dev, "systems")).contains("sample <strong class=\"sample\">1</strong>");
        assertThat(sectionIds(dev)).doesNotContain("versions-rpm");
    }

    @Test
    void theDefaultRangeIsTheNinetyDaysToYesterday() {
        String html = client.get("/p/demo").body();

        assertThat(html).contains("name=\"from\" value=\"2025-12-11\"").contains("name=\"to\" value=\"2026-03-10\"")
                .contains("aria-current=\"true\">90 days</a>");
    }

    @Test
    void indexListsProductsWithActiveSystemsAndTheLastSummary() {
        String html = client.get("/").body();

        assertThat(html).contains("<a href=\"/p/demo\">Demo Repository Manager</a>")
                .contains("<td class=\"num\">5</td>\n      <td>2026-03-10</td>");
    }

    @Test
    void aboutPageListsCollectedMetricsAndSeparatesRetiredAndRejectedOnes() {
        String html = client.get("/p/demo/about").body();

        String collected = section(html, "collected");
        assertThat(collected).contains("id=\"metric-workers.processes\"")
                .contains("How many worker processes")
                .contains("<h3>Worker processes <code>workers.processes</code></h3>")
                .contains("<a href=\"#metric-workers.processes\">Worker processes</a>")
                .contains("<code>{workers.processes: 4}</code>")
                .contains("https://discourse.pulpproject.org/t/proposal-telemetry/259/2")
                .doesNotContain("old.metric").doesNotContain("bad.metric").doesNotContain("repositories.count");
        assertThat(section(html, "proposed")).contains("repositories.count");
        assertThat(section(html, "retired")).contains("old.metric").contains("https://example.org/decided/retired");
        assertThat(section(html, "rejected")).contains("bad.metric").contains("yes — Would be a host name.");
    }

    @Test
    void privacyPageSaysWhatIsStoredForHowLongAndHowToPreviewAndDelete() {
        String html = client.get("/privacy").body();

        assertThat(html).contains("kept for <strong>30 days</strong>")
                .contains("IP addresses are never stored")
                .contains("census report --preview")
                .contains("<code>preview()</code>")
                .contains("DELETE /api/v1/products/{product}/systems/{system-id}");
    }

    @Test
    void pagesLoadNothingFromAnotherSite() {
        for (String path : List.of("/", "/p/demo", "/p/demo/about", "/privacy")) {
            String html = client.get(path).body();
            Matcher resources = RESOURCE.matcher(html);
            int count = 0;
            while (resources.find()) {
                assertThat(resources.group(1)).as(path).startsWith("/").doesNotStartWith("//");
                count++;
            }
            assertThat(count).as(path).isPositive();
            assertThat(html).as(path).doesNotContain("@import").doesNotContain("url(http");
        }
        assertThat(client.get("/static/census.css").body()).doesNotContain("http").doesNotContain("@import");
    }

    @Test
    void pagesAndApiAnswersCarryAStrongETagAndAnswer304WhenUnchanged() {
        for (String path : List.of("/p/demo", "/", "/p/demo/about", "/privacy",
                "/api/v1/products/demo/series/systems?format=csv", "/api/v1/products/demo/summaries", "/api/v1/products")) {
            HttpResponse<String> first = client.get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).as(path).matches("\"[0-9a-f]{8}-[0-9a-f]+\"");
            assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("public, max-age=300");

            HttpResponse<String> again = client.send(HttpRequest.newBuilder(URI.create(client.base() + path))
                    .header("If-None-Match", etag).GET().build());
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
        }
    }

    @Test
    void aNewSummaryDayChangesTheETag() {
        String before = client.get("/p/demo").headers().firstValue("ETag").orElseThrow();
        String sameDay = client.get("/p/demo").headers().firstValue("ETag").orElseThrow();
        assertThat(sameDay).isEqualTo(before);

        client.postReport(Reports.report().sentAt("2026-03-11T10:00:00Z").component("core", "3.50.0").json());
        clock.set(java.time.Instant.parse("2026-03-12T08:00:00Z"));
        server.runDailyJobs();

        HttpResponse<String> after = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/p/demo?to=2026-03-11"))
                .header("If-None-Match", before).GET().build());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(before));
        assertThat(after.body()).contains("Data as of <strong class=\"data-day\">2026-03-11</strong>");
    }

    @Test
    void aRecomputedDayIsServedAnewByTheApiAndThePage() {
        String path = "/api/v1/products/demo/series/systems?from=2026-03-10&to=2026-03-10&format=csv";
        assertThat(client.get(path).body()).contains("2026-03-10,5,");
        assertThat(client.get("/p/demo?from=2026-03-10&to=2026-03-10").body()).contains("sample <strong class=\"sample\">5</strong>");

        client.postReport(Reports.report().sentAt("2026-03-10T11:00:00Z").component("core", "3.50.0").json());
        HttpResponse<String> recomputed = client.admin("POST",
                "/api/v1/admin/summarize?from=2026-03-10&to=2026-03-10&recompute=true", TestServers.ADMIN_TOKEN);
        assertThat(recomputed.statusCode()).isEqualTo(200);

        assertThat(client.get(path).body()).contains("2026-03-10,6,");
        assertThat(client.get("/p/demo?from=2026-03-10&to=2026-03-10").body()).contains("sample <strong class=\"sample\">6</strong>");
    }

    @Test
    void theCsvOfAChartHasTheNumbersOfItsJsonSeries() {
        String path = "/api/v1/products/demo/series/components.core.xy?from=2026-03-01&to=2026-03-10&channel=production";
        var series = json(client.get(path));
        String[] csv = client.get(path + "&format=csv").body().split("\r\n");

        assertThat(csv[0]).isEqualTo("day,3.49,3.50,systems");
        assertThat(csv).hasSize(11);
        assertThat(csv[10]).isEqualTo("2026-03-10," + (int) series.at("/series/0/values/9").asDouble() + ","
                + (int) series.at("/series/1/values/9").asDouble() + "," + series.at("/systems/9").asLong());
    }

    @Test
    void anUnknownProductPageIs404() {
        assertThat(client.get("/p/nope").statusCode()).isEqualTo(404);
        assertThat(client.get("/p/nope/about").statusCode()).isEqualTo(404);
    }

    private static List<String> sectionIds(String html) {
        return Pattern.compile("<section class=\"chart\" id=\"([^\"]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
    }

    /** The HTML of one section, from its opening tag to its closing one. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** The bundled registry with a retired and a rejected metric added to the demo product. */
    private static Registry registryWithEveryStatus() {
        ProductDefinition demo = RegistryLoader.bundled().product("demo").orElseThrow();
        Map<String, MetricDefinition> metrics = new TreeMap<>(demo.metrics());
        metrics.put("old.metric", new MetricDefinition("old.metric", MetricType.COUNT, "", "What did we once count?", List.of(),
                MetricStatus.RETIRED, governance("https://example.org/decided/retired", false, "Only a count.")));
        metrics.put("bad.metric", new MetricDefinition("bad.metric", MetricType.ENUM, "", "Which host?", List.of("a"),
                MetricStatus.REJECTED, governance("https://example.org/decided/rejected", true, "Would be a host name.")));
        return new Registry(List.of(new ProductDefinition(demo.name(), demo.title(), demo.description(),
                demo.knownComponents(), metrics)));
    }

    private static Governance governance(String decision, boolean pii, String sanitization) {
        return new Governance("{x: 1}", null, "", "", pii, sanitization, "1.0.0", decision, List.of(), "", "", "", "");
    }
}
