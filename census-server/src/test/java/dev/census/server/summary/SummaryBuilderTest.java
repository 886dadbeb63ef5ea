package dev.census.server.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.registry.ProductDefinition;
import dev.census.server.store.DayAggregates;
import dev.census.server.store.SummaryRow;
import dev.census.server.vocabulary.PublishedMetric;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The age demography, computed from exact-age counts as SQL's percentile_cont would. */
class SummaryBuilderTest {

    private static final LocalDate DAY = LocalDate.parse("2026-03-10");
    private static final ProductDefinition PRODUCT = new ProductDefinition("pulp", "Pulp", "", Set.of(), Map.of());

    @Test
    void percentilesInterpolateLikePercentileCont() {
        TreeMap<Long, Long> histogram = new TreeMap<>();
        for (long age : new long[] {0, 1, 2, 3, 5, 8, 13, 21, 34, 55}) {
            histogram.merge(age, 1L, Long::sum);
        }
        assertThat(SummaryBuilder.percentile(histogram, 10, 0.5)).isEqualTo(6.5);
        assertThat(SummaryBuilder.percentile(histogram, 10, 0.9)).isCloseTo(36.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SummaryBuilder.percentile(new TreeMap<>(Map.of(7L, 3L)), 3, 0.9)).isEqualTo(7.0);
    }

    @Test
    void demographyIsPublishedPerChannelOnlyFromKSystems() {
        List<DayAggregates.Count> ages = List.of(
                new DayAggregates.Count("production", DayAggregates.Family.AGE, "age", "0", 2),
                new DayAggregates.Count("production", DayAggregates.Family.AGE, "age", "10", 2),
                new DayAggregates.Count("production", DayAggregates.Family.AGE, "age", "100", 1),
                new DayAggregates.Count("dev", DayAggregates.Family.AGE, "age", "3", 4));
        List<SummaryRow> rows = new SummaryBuilder(5).build(PRODUCT, DAY, new DayAggregates(ages, List.of()));
        Map<String, Double> production = rows.stream()
                .filter(row -> row.metric().equals(PublishedMetric.DEMOGRAPHY.name()) && row.channel().equals("production"))
                .collect(Collectors.toMap(SummaryRow::key, SummaryRow::value));
        assertThat(production).isEqualTo(Map.of("mean", 24.0, "min", 0.0, "p50", 10.0, "p90", 64.0, "max", 100.0));
        assertThat(rows).filteredOn(row -> row.metric().equals(PublishedMetric.DEMOGRAPHY.name()))
                .allMatch(row -> row.systems() == 5 && row.isStat());
        assertThat(rows).filteredOn(row -> row.channel().equals("dev") && row.metric().equals(PublishedMetric.DEMOGRAPHY.name()))
                .as("four dev systems are fewer than k").isEmpty();
    }

    @Test
    void statisticsThatAreNotFiniteAreWithheldNotThrown() {
        ProductDefinition demo = dev.census.registry.RegistryLoader.bundled().product("demo").orElseThrow();
        List<DayAggregates.Stats> stats = List.of(
                new DayAggregates.Stats("production", "workers.processes", 5, Double.POSITIVE_INFINITY, 1, 2, 3, Double.MAX_VALUE),
                new DayAggregates.Stats("production", "memory.mib", 5, 1024, 512, 1024, 2048, 4096));

        List<SummaryRow> rows = new SummaryBuilder(5).build(demo, DAY, new DayAggregates(List.of(), stats));

        assertThat(rows).filteredOn(SummaryRow::isStat).extracting(SummaryRow::metric).containsOnly("memory.mib").hasSize(5);
    }
}
