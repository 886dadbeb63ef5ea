package dev.census.server.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.protocol.Channel;
import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import dev.census.registry.RegistryLoader;
import dev.census.registry.ValueRange;
import dev.census.server.store.DatabaseUrl;
import dev.census.server.store.DuckDbReportStore;
import dev.census.server.store.PostgresReportStore;
import dev.census.server.store.ReportStore;
import dev.census.server.store.StoredReport;
import dev.census.server.store.SummaryQuery;
import dev.census.server.store.SummaryRow;
import dev.census.testing.PostgresServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows stored before value ranges were enforced, written straight to the store, may hold any
 * finite double: on both engines the day is still summarized and published, its statistics clipped
 * to ±2^53 and the clipped values counted.
 */
class StoredHugeValuesTest {

    private static final LocalDate DAY = LocalDate.parse("2026-03-10");
    private static final Clock NEXT_MORNING = Clock.fixed(Instant.parse("2026-03-11T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @Test
    void aDuckDbDayHoldingNumbersAtTheEdgeOfADoubleIsSummarizedAndPublished() {
        try (ReportStore store = DuckDbReportStore.open(dataDir)) {
            summarizesAndPublishes(store);
        }
    }

    @Test
    void aPostgresDayHoldingNumbersAtTheEdgeOfADoubleIsSummarizedAndPublished() {
        try (ReportStore store = PostgresReportStore.open(DatabaseUrl.parse(PostgresServer.newDatabase()))) {
            summarizesAndPublishes(store);
        }
    }

    private static void summarizesAndPublishes(ReportStore store) {
        store.append(List.of(report(MetricValue.of(1e308)), report(MetricValue.of(Double.MAX_VALUE)), report(MetricValue.of(3))));
        Summarizer summarizer = new Summarizer(store, RegistryLoader.bundled(), NEXT_MORNING, 1);

        SummaryRun run = summarizer.summarize(DAY, DAY, false);

        assertThat(run.failed()).isEmpty();
        assertThat(run.summarized()).containsEntry("demo", List.of(DAY));
        Map<String, Double> published = new TreeMap<>();
        store.readSummaries(new SummaryQuery("demo", "production", "workers.processes", DAY, DAY, 100, null)).stream()
                .filter(SummaryRow::isStat).forEach(row -> published.put(row.key(), row.value()));
        assertThat(published).containsOnlyKeys("mean", "min", "p50", "p90", "max")
                .containsEntry("min", 3.0).containsEntry("p50", ValueRange.LIMIT).containsEntry("max", ValueRange.LIMIT);
        assertThat(published.get("mean")).isCloseTo((2 * ValueRange.LIMIT + 3) / 3, Percentage.withPercentage(1e-9));
        assertThat(summarizer.health().clipped()).isEqualTo(Map.of("demo", 2L));
    }

    private static StoredReport report(MetricValue workers) {
        return new StoredReport("demo", UUID.randomUUID(), DAY, Channel.PRODUCTION, Instant.parse("2026-03-10T12:00:00Z"),
                List.of(new Component("core", "3.49.1")), Map.of("workers.processes", workers));
    }
}
