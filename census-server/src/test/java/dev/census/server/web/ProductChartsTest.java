package dev.census.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.registry.MetricDefinition;
import dev.census.registry.MetricStatus;
import dev.census.registry.MetricType;
import dev.census.registry.ProductDefinition;
import dev.census.server.publish.Series;
import dev.census.server.vocabulary.RowKind;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The charts of a product page follow the published data and the registry, whatever the product. */
class ProductChartsTest {

    private static final List<LocalDate> DAYS = List.of(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-10"));

    @Test
    void aProductWithPluginsAVersionMetricAndExtraFleetSummariesGetsAChartForEach() {
        ProductDefinition pulp = new ProductDefinition("pulp", "Pulp", "", Set.of("core", "rpm"), Map.of(
                "postgresql.version", metric("postgresql.version", MetricType.VERSION, MetricStatus.APPROVED),
                "rbac.users", metric("rbac.users", MetricType.COUNT, MetricStatus.APPROVED),
                "storage.type", metric("storage.type", MetricType.ENUM, MetricStatus.APPROVED),
                "old.count", metric("old.count", MetricType.COUNT, MetricStatus.RETIRED)));
        Map<String, Series> published = new LinkedHashMap<>();
        published.put("components", buckets("components", "core", "pulp_rpm"));
        published.put("components.core.xy", buckets("components.core.xy", "3.49", "3.50"));
        published.put("components.core.xyz", buckets("components.core.xyz", "3.49.1", "3.50.0"));
        published.put("components.pulp_rpm.xy", buckets("components.pulp_rpm.xy", "3.26"));
        published.put("components.pulp_rpm.xyz", buckets("components.pulp_rpm.xyz", "3.26.1"));
        published.put("postgresql.version", buckets("postgresql.version", "13.0", "15.4"));
        published.put("postgresql.version.xyz", buckets("postgresql.version.xyz", "13.0.0", "15.4.0"));
        published.put("rbac.users", stats("rbac.users"));
        published.put("systems", buckets("systems", "active_1d", "active_7d", "active_28d", "new"));
        published.put("systems.age_days", buckets("systems.age_days", "0", "1", "2-3"));
        published.put("systems.workers", buckets("systems.workers", "1", "2-3"));

        ProductCharts.Page page = ProductCharts.of(pulp, published, null);

        assertThat(page.charts()).extracting(Chart::id).containsExactly("systems", "components", "versions-core",
                "versions-pulp_rpm", "metric-postgresql.version", "metric-rbac.users", "metric-rbac.users-buckets", "age",
                "other-systems.workers");
        Chart postgres = chart(page, "metric-postgresql.version");
        assertThat(postgres.views()).extracting(Chart.View::name).containsExactly("X.Y", "X.Y.Z");
        assertThat(postgres.views()).extracting(Chart.View::metric).containsExactly("postgresql.version", "postgresql.version.xyz");
        assertThat(postgres.style()).isEqualTo("stacked");
        assertThat(chart(page, "versions-pulp_rpm").views()).extracting(Chart.View::metric)
                .containsExactly("components.pulp_rpm.xy", "components.pulp_rpm.xyz");
        Chart users = chart(page, "metric-rbac.users");
        assertThat(users.style()).isEqualTo("stats");
        assertThat(users.views().get(0).headers()).containsExactly("day", "mean", "p50", "p90", "systems");
        assertThat(users.views().get(0).dataJson()).contains("\"label\":\"mean\"").doesNotContain("\"label\":\"8-15\"");
        Chart userBuckets = chart(page, "metric-rbac.users-buckets");
        assertThat(userBuckets.style()).isEqualTo("stacked");
        assertThat(userBuckets.metric()).as("its CSV and JSON links read the same metric").isEqualTo("rbac.users");
        assertThat(userBuckets.views().get(0).headers()).containsExactly("day", "8-15", "systems");
        assertThat(chart(page, "other-systems.workers").style()).isEqualTo("stacked");
        assertThat(page.withoutData()).containsExactly("storage.type");
    }

    @Test
    void aChartCarriesItsSampleSizeAndLatestDayAndTablesNewestFirst() {
        Chart chart = ProductCharts.of(new ProductDefinition("x", "X", "", Set.of(), Map.of()),
                Map.of("systems", buckets("systems", "active_1d")), null).charts().get(0);

        assertThat(chart.latestDay()).isEqualTo("2026-03-10");
        assertThat(chart.sampleSize()).isEqualTo("20");
        assertThat(chart.views().get(0).rows()).containsExactly(List.of("2026-03-10", "20", "20"), List.of("2026-03-09", "10", "10"));
    }

    private static Chart chart(ProductCharts.Page page, String id) {
        return page.charts().stream().filter(chart -> chart.id().equals(id)).findFirst().orElseThrow();
    }

    private static MetricDefinition metric(String name, MetricType type, MetricStatus status) {
        return new MetricDefinition(name, type, "", "Why " + name + "?", type == MetricType.ENUM ? List.of("a") : List.of(), status);
    }

    /** Buckets of 10 systems on the first day and 20 on the second, per key. */
    private static Series buckets(String metric, String... keys) {
        List<Series.Line> lines = java.util.Arrays.stream(keys).map(key -> new Series.Line(key, RowKind.BUCKET, List.of(10.0, 20.0))).toList();
        long systems = metric.equals("systems") ? 1 : keys.length;
        return new Series("p", metric, "production", DAYS, lines, List.of(10 * systems, 20 * systems), DAYS.get(1));
    }

    private static Series stats(String metric) {
        List<Series.Line> lines = List.of(new Series.Line("mean", RowKind.STAT, List.of(4.0, 5.0)),
                new Series.Line("p50", RowKind.STAT, List.of(3.0, 4.0)), new Series.Line("p90", RowKind.STAT, List.of(9.0, 9.0)),
                new Series.Line("8-15", RowKind.BUCKET, List.of(1.0, 2.0)));
        return new Series("p", metric, "production", DAYS, lines, List.of(12L, 14L), DAYS.get(1));
    }
}
