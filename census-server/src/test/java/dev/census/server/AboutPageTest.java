package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.registry.Governance;
import dev.census.registry.MetricDefinition;
import dev.census.registry.MetricStatus;
import dev.census.registry.MetricType;
import dev.census.registry.ProductDefinition;
import dev.census.registry.Registry;
import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.TestClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The about page tells what is collected: since when only for what is approved; every page shows the registry's prose as text with `code` spans. */
class AboutPageTest {

    @TempDir
    Path dataDir;

    @Test
    void collectedSinceShowsOnlyForApprovedMetricsAndCodeSpansRenderAsCodeInEscapedText() {
        Registry registry = new Registry(List.of(new ProductDefinition("acme", "Acme", "Counts `jobs` <b>safely</b>.", Set.of("core"),
                Map.of("jobs.count", metric("jobs.count", MetricStatus.APPROVED, "How many `jobs` run & wait?"),
                        "jobs.failed", metric("jobs.failed", MetricStatus.PROPOSED, "How many fail?")))));
        try (CensusServer server = TestServers.builder(dataDir, TestClock.at("2026-03-10T12:00:00Z")).registry(registry).build().start()) {
            String html = new CensusClient(server.port()).get("/p/acme/about").body();

            assertThat(html).contains("Counts <code>jobs</code> &lt;b&gt;safely&lt;/b&gt;.", "How many <code>jobs</code> run &amp; wait?")
                    .doesNotContain("`");
            assertThat(article(html, "jobs.count")).contains("Collected since", "version 2.3.0");
            assertThat(article(html, "jobs.failed")).doesNotContain("Collected since");
            for (String page : List.of("/", "/p/acme")) {
                assertThat(new CensusClient(server.port()).get(page).body()).as(page)
                        .contains("Counts <code>jobs</code> &lt;b&gt;safely&lt;/b&gt;.").doesNotContain("`jobs`");
            }
        }
    }

    private static MetricDefinition metric(String name, MetricStatus status, String question) {
        return new MetricDefinition(name, MetricType.COUNT, "jobs", question, List.of(), status,
                new Governance("{x: 1}", null, "", "", false, "", "2.3.0", "https://example.org/decided", List.of(), "", "", "", ""));
    }

    private static String article(String html, String metric) {
        int start = html.indexOf("<article class=\"metric\" id=\"metric-" + metric + "\"");
        return html.substring(start, html.indexOf("</article>", start));
    }
}
