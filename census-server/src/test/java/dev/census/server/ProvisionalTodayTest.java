package dev.census.server;

import static dev.census.testing.CensusClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.census.registry.ProductDefinition;
import dev.census.registry.Registry;
import dev.census.registry.RegistryLoader;
import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Today summarized on request, marked provisional in the API and on the page, and replaced by the nightly run. */
class ProvisionalTodayTest {

    private static final String TODAY = "2026-03-11";

    @TempDir
    Path dataDir;

    private final TestClock clock = TestClock.at(TODAY + "T08:00:00Z");
    private CensusServer server;
    private CensusClient client;

    @BeforeEach
    void startWithABrandNewProduct() {
        server = TestServers.builder(dataDir, clock).registry(withFreshProduct()).build().start();
        client = new CensusClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aNewProductsFirstReportShowsProvisionallyAfterSummarizingTodayAndTheNightlyRunMakesItFinal() {
        assertThat(client.postReport(Reports.report().product("fresh").sentAt(TODAY + "T07:00:00Z").component("core", "3.49.1").json())
                .statusCode()).isEqualTo(202);

        JsonNode run = json(client.admin("POST", "/api/v1/admin/summarize?from=" + TODAY + "&to=" + TODAY, TestServers.ADMIN_TOKEN));
        assertThat(run.at("/summarized/fresh").toString()).isEqualTo("[\"" + TODAY + "\"]");

        JsonNode series = json(client.get("/api/v1/products/fresh/series/systems"));
        assertThat(last(series.get("days")).asText()).as("the default range ends today once today is summarized").isEqualTo(TODAY);
        assertThat(series.get("latest_day").asText()).isEqualTo(TODAY);
        assertThat(last(series.get("systems")).asLong()).isEqualTo(1);
        assertThat(last(series.get("provisional")).asBoolean()).isTrue();
        assertThat(series.get("provisional").get(0).asBoolean()).isFalse();
        assertThat(provisionalFlags(json(client.get("/api/v1/products/fresh/summaries")))).isNotEmpty().containsOnly(true);
        assertThat(client.get("/p/fresh").body()).contains("<p class=\"note provisional\" id=\"provisional\">" + TODAY
                + ": provisional — today so far, final after the nightly run (by 00:10 UTC).</p>").contains("sample <strong class=\"sample\">1</strong>");

        clock.advance(Duration.ofDays(1));
        assertThat(server.runDailyJobs().get("fresh")).as("the nightly run writes the provisional day again").contains(
                java.time.LocalDate.parse(TODAY));

        String range = "?from=" + TODAY + "&to=" + TODAY;
        JsonNode closed = json(client.get("/api/v1/products/fresh/series/systems" + range));
        assertThat(closed.get("provisional").toString()).isEqualTo("[false]");
        assertThat(closed.at("/systems/0").asLong()).isEqualTo(1);
        assertThat(provisionalFlags(json(client.get("/api/v1/products/fresh/summaries" + range)))).containsOnly(false);
        assertThat(client.get("/p/fresh" + range).body()).doesNotContain("provisional");
    }

    @Test
    void aProductWithoutASummarizedDaySaysWhatHappensNext() {
        String page = client.get("/p/fresh").body();

        assertThat(page).contains("No summarized day in this range yet").contains("<code>POST /api/v1/reports</code>")
                .contains("by 00:10 UTC").contains("<code>census summarize --today</code>")
                .contains("POST /api/v1/admin/summarize?to=" + TODAY);
    }

    @Test
    void summarizingTodayWithoutReportsWritesNothing() {
        JsonNode run = json(client.admin("POST", "/api/v1/admin/summarize?to=" + TODAY, TestServers.ADMIN_TOKEN));

        assertThat(run.get("summarized").get("fresh")).isEmpty();
        assertThat(server.store().summarizedDays("fresh")).isEmpty();
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    /** Whether each item of a summaries page is marked provisional. */
    private static List<Boolean> provisionalFlags(JsonNode page) {
        List<Boolean> flags = new ArrayList<>();
        page.get("items").forEach(item -> flags.add(item.path("provisional").asBoolean(false)));
        return flags;
    }

    /** The bundled registry and a product "fresh" that has never reported, with the demo product's components and metrics. */
    private static Registry withFreshProduct() {
        ProductDefinition demo = RegistryLoader.bundled().product("demo").orElseThrow();
        List<ProductDefinition> products = new ArrayList<>(RegistryLoader.bundled().products());
        products.add(new ProductDefinition("fresh", "Fresh", "A product that has never reported.", demo.knownComponents(), demo.metrics()));
        return new Registry(products);
    }
}
