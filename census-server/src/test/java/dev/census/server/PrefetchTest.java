package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.census.server.store.DuckDbReportStore;
import dev.census.server.store.ReportStore;
import dev.census.server.store.SummaryQuery;
import dev.census.server.store.SummaryRow;
import dev.census.server.testing.SummaryReads;
import dev.census.testing.CensusClient;
import dev.census.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A started server reads the published days ahead, so its first visitor does not wait for the store. */
class PrefetchTest {

    private static final LocalDate YESTERDAY = LocalDate.parse("2026-03-10");

    @TempDir
    Path dataDir;

    @Test
    void theFirstRequestAfterAStartIsAnsweredFromDaysReadAhead() {
        DuckDbReportStore real = DuckDbReportStore.open(dataDir);
        for (int day = 0; day < 3; day++) {
            LocalDate date = YESTERDAY.minusDays(day);
            real.replaceSummaries("demo", date, List.of(SummaryRow.bucket(date, "production", "systems", "active_1d", 10 + day)));
        }
        List<SummaryQuery> reads = new CopyOnWriteArrayList<>();
        ReportStore recording = SummaryReads.recordedInto(real, reads);
        TestClock clock = TestClock.at("2026-03-11T08:00:00Z");

        try (CensusServer server = CensusServer.builder().host("127.0.0.1").port(0).store(recording).clock(clock)
                .dailyJobs(false).k(1).build().start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reads.stream().anyMatch(read -> read.product().equals("demo"))
                    && Thread.getAllStackTraces().keySet().stream().noneMatch(thread -> thread.getName().equals("census-prefetch")));
            int readAhead = reads.size();

            String series = new CensusClient(server.port())
                    .get("/api/v1/products/demo/series/systems?from=2026-03-08&to=2026-03-10").body();

            assertThat(series).contains("[12,11,10]");
            assertThat(reads).as("the request was answered from memory").hasSize(readAhead);
        }
    }
}
