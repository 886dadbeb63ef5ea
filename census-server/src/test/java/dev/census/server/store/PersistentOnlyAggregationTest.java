package dev.census.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.protocol.Channel;
import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** aggregateDay with persistentOnly: components and metrics of systems first seen before the day; fleet and ages of all. */
class PersistentOnlyAggregationTest {

    private static final LocalDate DAY_1 = LocalDate.parse("2026-03-10");
    private static final LocalDate DAY_2 = DAY_1.plusDays(1);

    @TempDir
    Path dataDir;

    @Test
    void onlySystemsFirstSeenBeforeTheDayCountForComponentsAndMetrics() {
        UUID veteran = UUID.randomUUID();
        UUID newcomer = UUID.randomUUID();
        try (DuckDbReportStore store = DuckDbReportStore.open(dataDir)) {
            store.append(List.of(report(veteran, DAY_1, 2)));
            store.aggregateDay("pulp", DAY_1, true);
            store.append(List.of(report(veteran, DAY_2, 2), report(newcomer, DAY_2, 64)));

            DayAggregates persistent = store.aggregateDay("pulp", DAY_2, true);
            assertThat(count(persistent, DayAggregates.Family.COMPONENT, "core")).isEqualTo(1);
            assertThat(persistent.stats()).singleElement().satisfies(stats -> {
                assertThat(stats.systems()).isEqualTo(1);
                assertThat(stats.max()).isEqualTo(2.0);
            });
            assertThat(count(persistent, DayAggregates.Family.FLEET, "active_1d")).isEqualTo(2);
            assertThat(persistent.counts()).filteredOn(c -> c.family() == DayAggregates.Family.AGE)
                    .extracting(DayAggregates.Count::key).containsExactlyInAnyOrder("0", "1");

            DayAggregates everyone = store.aggregateDay("pulp", DAY_2, false);
            assertThat(count(everyone, DayAggregates.Family.COMPONENT, "core")).isEqualTo(2);
            assertThat(everyone.stats()).singleElement().satisfies(stats -> assertThat(stats.systems()).isEqualTo(2));
        }
    }

    private static StoredReport report(UUID system, LocalDate day, int workers) {
        return new StoredReport("pulp", system, day, Channel.PRODUCTION, Instant.parse(day + "T12:00:00Z"),
                List.of(new Component("core", "3.21.0")), Map.of("workers.processes", MetricValue.of(workers)));
    }

    private static long count(DayAggregates aggregates, DayAggregates.Family family, String name) {
        return aggregates.counts().stream().filter(c -> c.family() == family && c.name().equals(name))
                .mapToLong(DayAggregates.Count::systems).sum();
    }
}
