package dev.census.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.store.DuckDbReportStore;
import dev.census.server.store.ReportStore;
import dev.census.server.store.SummaryQuery;
import dev.census.server.store.SummaryRow;
import dev.census.server.testing.SummaryReads;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Published days are read from the store once; a new day or a recomputed one is all that is read again. */
class SummaryDaysTest {

    private static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");
    private static final LocalDate MARCH_2 = MARCH_1.plusDays(1);
    private static final LocalDate MARCH_3 = MARCH_1.plusDays(2);

    @TempDir
    Path dataDir;

    private DuckDbReportStore real;
    private final List<SummaryQuery> reads = new ArrayList<>();
    private SummaryDays days;

    @BeforeEach
    void open() {
        real = DuckDbReportStore.open(dataDir);
        ReportStore recording = SummaryReads.recordedInto(real, reads);
        days = new SummaryDays(recording);
    }

    @AfterEach
    void close() {
        real.close();
    }

    @Test
    void eachDayIsReadOnceUntilItIsRecomputed() {
        publish(MARCH_1, 10);
        publish(MARCH_2, 20);

        assertThat(systems(MARCH_1, MARCH_2)).containsExactly(10L, 20L);
        assertThat(systems(MARCH_1, MARCH_2)).containsExactly(10L, 20L);
        assertThat(days.byMetric("demo", "production", MARCH_2, MARCH_2)).containsOnlyKeys("systems");
        assertThat(reads).hasSize(1);

        publish(MARCH_3, 30);
        assertThat(systems(MARCH_1, MARCH_3)).containsExactly(10L, 20L, 30L);
        assertThat(reads).hasSize(2);
        assertThat(reads.get(1).from()).isEqualTo(MARCH_3);
        assertThat(days.summarizedDays("demo")).containsExactlyInAnyOrder(MARCH_1, MARCH_2, MARCH_3);

        publish(MARCH_1, 11);
        assertThat(systems(MARCH_1, MARCH_3)).containsExactly(11L, 20L, 30L);
        assertThat(reads).hasSize(3);
        assertThat(reads.get(2).from()).isEqualTo(MARCH_1);
        assertThat(reads.get(2).to()).isEqualTo(MARCH_1);
    }

    @Test
    void aDayReadBeforeItWasSummarizedIsReadAgainOnceItIs() {
        publish(MARCH_1, 10);
        assertThat(systems(MARCH_1, MARCH_2)).containsExactly(10L);

        publish(MARCH_2, 20);

        assertThat(systems(MARCH_1, MARCH_2)).containsExactly(10L, 20L);
        assertThat(reads.get(reads.size() - 1).from()).isEqualTo(MARCH_2);
    }

    private void publish(LocalDate day, long active) {
        real.replaceSummaries("demo", day, List.of(SummaryRow.bucket(day, "production", "systems", "active_1d", active)));
    }

    private List<Long> systems(LocalDate from, LocalDate to) {
        return days.rows("demo", "production", "systems", from, to).stream().map(SummaryRow::systems).toList();
    }
}
