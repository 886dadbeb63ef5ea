package dev.census.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.census.protocol.Channel;
import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import dev.census.registry.ValueRange;
import dev.census.server.vocabulary.Statistic;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReportStore} does, whatever its engine: each engine runs this suite with a short
 * subclass that opens a fresh, empty store.
 */
abstract class ReportStoreContract {

    static final LocalDate DAY = LocalDate.parse("2026-03-10");

    ReportStore store;

    /** A fresh, empty store. */
    abstract ReportStore openStore();

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        if (store != null) { // null when the engine is unavailable and the test was skipped
            store.close();
        }
    }

    @Test
    void appendedReportsAreCountedAndTheirEarliestDayKnown() {
        store.append(List.of(report(UUID.randomUUID(), DAY, Channel.PRODUCTION, Map.of()),
                report(UUID.randomUUID(), DAY.minusDays(2), Channel.DEV, Map.of())));
        store.append(List.of());

        assertThat(store.countReports("demo")).isEqualTo(2);
        assertThat(store.countReports("other")).isZero();
        assertThat(store.earliestRawDay("demo")).contains(DAY.minusDays(2));
        assertThat(store.earliestRawDay("other")).isEmpty();
    }

    @Test
    void aBatchTheDatabaseRefusesStoresNothingLeavesNothingForLaterBatchesAndBurnsItsIds() {
        StoredReport accepted = report(UUID.randomUUID(), DAY, Channel.PRODUCTION, Map.of("users.count", MetricValue.of(3)));
        StoredReport refused = new StoredReport(null, UUID.randomUUID(), DAY, Channel.PRODUCTION, Instant.parse(DAY + "T12:00:00Z"),
                List.of(new Component("core", "3.49.1")), Map.of("users.count", MetricValue.of(4))); // no product: NOT NULL
        assertThatThrownBy(() -> store.append(List.of(accepted, refused))).isInstanceOf(StoreUnavailableException.class);

        assertThat(StoredRows.read(store)).as("rows of the refused batch").isEmpty();
        assertThat(StoredRows.orphans(store)).as("relay queue rows of the refused batch").isEmpty();

        UUID later = UUID.randomUUID();
        store.append(List.of(report(later, DAY, Channel.DEV, Map.of("users.count", MetricValue.of(7)))));
        assertThat(StoredRows.read(store)).singleElement().satisfies(row -> {
            assertThat(row.systemId()).isEqualTo(later);
            assertThat(row.id()).as("an id the refused batch did not have").isGreaterThan(2);
            assertThat(row.components()).containsExactly("core=3.49.1");
            assertThat(row.metrics()).containsExactly("users.count=7.0");
        });
        assertThat(StoredRows.orphans(store)).isEmpty();
    }

    @Test
    void latestReportOfTheDayWins() {
        UUID system = UUID.randomUUID();
        store.append(List.of(report(system, DAY, Channel.DEV, Map.of("users.count", MetricValue.of(1)))));
        store.append(List.of(report(system, DAY, Channel.PRODUCTION, Map.of("users.count", MetricValue.of(7)))));

        DayAggregates day = store.aggregateDay("demo", DAY);

        assertThat(fleet(day, "active_1d")).containsExactly("production=1");
        assertThat(day.stats()).singleElement().satisfies(stats -> {
            assertThat(stats.channel()).isEqualTo("production");
            assertThat(stats.systems()).isEqualTo(1);
            assertThat(stats.mean()).isEqualTo(7.0);
        });
    }

    @Test
    void firstAndLastSeenOutliveRawReports() {
        UUID old = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        store.append(List.of(report(old, DAY.minusDays(3), Channel.PRODUCTION, Map.of())));
        store.aggregateDay("demo", DAY.minusDays(3));
        store.deleteReportsBefore(DAY);
        store.append(List.of(report(old, DAY, Channel.PRODUCTION, Map.of()), report(fresh, DAY, Channel.PRODUCTION, Map.of())));

        DayAggregates day = store.aggregateDay("demo", DAY);

        assertThat(fleet(day, "new")).containsExactly("production=1");
        assertThat(day.counts()).filteredOn(count -> count.family() == DayAggregates.Family.AGE)
                .extracting(count -> count.key() + ":" + count.systems()).containsExactlyInAnyOrder("0:1", "3:1");
    }

    @Test
    void componentsAndMetricsAreCountedPerSystem() {
        store.append(List.of(
                report(UUID.randomUUID(), DAY, Channel.PRODUCTION, Map.of("database.engine", MetricValue.of("postgresql"),
                        "users.count", MetricValue.of(3))),
                report(UUID.randomUUID(), DAY, Channel.PRODUCTION, Map.of("database.engine", MetricValue.of("sqlite"),
                        "users.count", MetricValue.of(5)))));

        DayAggregates day = store.aggregateDay("demo", DAY);

        assertThat(day.counts()).filteredOn(count -> count.family() == DayAggregates.Family.TEXT)
                .extracting(count -> count.key() + ":" + count.systems()).containsExactlyInAnyOrder("postgresql:1", "sqlite:1");
        assertThat(day.counts()).filteredOn(count -> count.family() == DayAggregates.Family.COMPONENT_XY)
                .extracting(count -> count.key() + ":" + count.systems()).containsExactly("3.49:2");
        assertThat(day.counts()).filteredOn(count -> count.family() == DayAggregates.Family.NUMBER_BUCKET)
                .extracting(count -> count.key() + ":" + count.systems()).containsExactlyInAnyOrder("1:1", "2:1");
        assertThat(day.stats()).singleElement().satisfies(stats -> {
            assertThat(stats.mean()).isEqualTo(4.0);
            assertThat(stats.p50()).isEqualTo(4.0);
            assertThat(stats.p90()).isCloseTo(4.8, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    /** Rows stored before ranges existed (or by a tool writing to the store directly) may hold any finite double. */
    @Test
    void numbersAtTheEdgeOfADoubleAreClippedToTwoToThe53AndCountedNeverOverflowed() {
        store.append(List.of(
                report(UUID.randomUUID(), DAY, Channel.PRODUCTION, Map.of("workers.processes", MetricValue.of(1e308),
                        "memory.mib", MetricValue.of(-Double.MAX_VALUE))),
                report(UUID.randomUUID(), DAY, Channel.PRODUCTION, Map.of("workers.processes", MetricValue.of(Double.MAX_VALUE),
                        "memory.mib", MetricValue.of(1024))),
                report(UUID.randomUUID(), DAY, Channel.PRODUCTION, Map.of("workers.processes", MetricValue.of(4))),
                report(UUID.randomUUID(), DAY, Channel.PRODUCTION, Map.of("workers.processes", MetricValue.of(2)))));

        DayAggregates day = store.aggregateDay("demo", DAY);

        double limit = ValueRange.LIMIT;
        assertThat(day.stats()).filteredOn(stats -> stats.metric().equals("workers.processes")).singleElement().satisfies(stats -> {
            assertThat(stats.systems()).isEqualTo(4);
            assertThat(stats.clipped()).isEqualTo(2);
            assertThat(stats.mean()).isCloseTo((2 * limit + 6) / 4, org.assertj.core.data.Percentage.withPercentage(1e-9));
            assertThat(stats.min()).isEqualTo(2.0);
            assertThat(stats.p50()).isCloseTo((4 + limit) / 2, org.assertj.core.data.Percentage.withPercentage(1e-9));
            assertThat(stats.p90()).isEqualTo(limit);
            assertThat(stats.max()).isEqualTo(limit);
        });
        assertThat(day.stats()).filteredOn(stats -> stats.metric().equals("memory.mib")).singleElement().satisfies(stats -> {
            assertThat(stats.clipped()).isEqualTo(1);
            assertThat(stats.min()).isEqualTo(-limit);
            assertThat(stats.max()).isEqualTo(1024.0);
            assertThat(stats.mean()).isCloseTo((1024 - limit) / 2, org.assertj.core.data.Percentage.withPercentage(1e-9));
        });
    }

    @Test
    void summariesAreReplacedAsAWholeAndReadPageByPageInCodePointOrder() {
        store.replaceSummaries("demo", DAY, List.of(bucket("database.engine", "old", 9)));
        List<SummaryRow> rows = new ArrayList<>();
        for (String key : List.of("b", "Z", "a", "ä", "A")) {
            rows.add(bucket("database.engine", key, 1));
        }
        rows.add(SummaryRow.stat(DAY, "production", "users.count", Statistic.MEAN, 2.5, 6));
        rows.add(bucket("Users.other", "x", 1));
        store.replaceSummaries("demo", DAY, rows);

        List<String> read = new ArrayList<>();
        SummaryRow after = null;
        for (int page = 0; page < 10; page++) {
            List<SummaryRow> found = store.readSummaries(new SummaryQuery("demo", "production", null, DAY, DAY, 3, after));
            found.forEach(row -> read.add(row.metric() + "/" + row.key() + "=" + (row.isStat() ? String.valueOf(row.value()) : String.valueOf(row.systems()))));
            if (found.size() < 3) {
                break;
            }
            after = found.get(found.size() - 1);
        }

        assertThat(read).containsExactly("Users.other/x=1", "database.engine/A=1", "database.engine/Z=1",
                "database.engine/a=1", "database.engine/b=1", "database.engine/ä=1", "users.count/mean=2.5");
        assertThat(store.summarizedDays("demo")).containsExactly(DAY);
        assertThat(store.readSummaries(new SummaryQuery("demo", "production", "users.count", DAY, DAY, 10, null)))
                .singleElement().satisfies(row -> assertThat(row.systems()).isEqualTo(6));
        assertThat(store.readSummaries(new SummaryQuery("demo", "dev", null, DAY, DAY, 10, null))).isEmpty();
    }

    @Test
    void aProvisionalSummaryIsMarkedUntilTheDayIsWrittenAgainFinal() {
        String before = store.summaryVersions("demo").toString();
        store.replaceSummaries("demo", DAY, List.of(bucket("database.engine", "postgresql", 1)), true);
        String provisional = store.summaryVersions("demo").get(DAY);

        assertThat(store.summarizedDays("demo")).containsExactly(DAY);
        assertThat(store.provisionalDays("demo")).containsExactly(DAY);
        assertThat(before).isEqualTo("{}");

        store.replaceSummaries("demo", DAY, List.of(bucket("database.engine", "postgresql", 2)));

        assertThat(store.summarizedDays("demo")).containsExactly(DAY);
        assertThat(store.provisionalDays("demo")).isEmpty();
        assertThat(store.summaryVersions("demo").get(DAY)).as("the day's version changes").isNotEqualTo(provisional);
        assertThat(store.readSummaries(new SummaryQuery("demo", "production", null, DAY, DAY, 10, null)))
                .singleElement().satisfies(row -> assertThat(row.systems()).isEqualTo(2));
    }

    @Test
    void retentionDeletesOldDaysAndCompactionSupersededReports() {
        UUID system = UUID.randomUUID();
        store.append(List.of(report(system, DAY.minusDays(40), Channel.PRODUCTION, Map.of("users.count", MetricValue.of(1)))));
        store.append(List.of(report(system, DAY.minusDays(1), Channel.PRODUCTION, Map.of()),
                report(system, DAY.minusDays(1), Channel.PRODUCTION, Map.of())));
        store.append(List.of(report(system, DAY, Channel.PRODUCTION, Map.of()), report(system, DAY, Channel.PRODUCTION, Map.of())));

        assertThat(store.deleteReportsBefore(DAY.minusDays(30))).isEqualTo(1);
        assertThat(store.compactBefore(DAY)).isEqualTo(1);

        assertThat(store.countReports("demo")).isEqualTo(3);
        assertThat(store.earliestRawDay("demo")).contains(DAY.minusDays(1));
        assertThat(store.metricUsage("demo")).isEmpty();
    }

    @Test
    void deletingASystemErasesItsReportsAndItsFirstSeen() {
        UUID gone = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        store.append(List.of(report(gone, DAY, Channel.PRODUCTION, Map.of("users.count", MetricValue.of(1))),
                report(kept, DAY, Channel.PRODUCTION, Map.of())));
        store.aggregateDay("demo", DAY);

        assertThat(store.deleteSystem("demo", gone)).isEqualTo(2); // its report and its systems row, wherever its components and metrics were
        assertThat(store.deleteSystem("demo", gone)).isZero();

        assertThat(store.countReports("demo")).isEqualTo(1);
        assertThat(fleet(store.aggregateDay("demo", DAY), "active_1d")).containsExactly("production=1");
    }

    @Test
    void metricUsageNamesTheLastDayAndTheReports() {
        store.append(List.of(report(UUID.randomUUID(), DAY.minusDays(1), Channel.PRODUCTION, Map.of("users.count", MetricValue.of(1))),
                report(UUID.randomUUID(), DAY, Channel.PRODUCTION, Map.of("users.count", MetricValue.of(2)))));

        assertThat(store.metricUsage("demo")).containsExactly(Map.entry("users.count", new DayAggregator.MetricUsage(DAY, 2)));
    }

    @Test
    void anExclusiveJobRunsOnceAtATime() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean firstRan = new AtomicBoolean();
        Thread first = new Thread(() -> firstRan.set(store.runExclusive("daily-jobs", () -> {
            running.countDown();
            await(release);
        })));
        first.start();
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(store.runExclusive("daily-jobs", () -> { })).as("while held").isFalse();
        assertThat(store.runExclusive("another-job", () -> { })).as("other jobs").isTrue();

        release.countDown();
        first.join(30_000);
        assertThat(firstRan).isTrue();
        assertThat(store.runExclusive("daily-jobs", () -> { })).as("once released").isTrue();
    }

    @Test
    void theSummaryStampChangesWheneverADaysSummaryIsWrittenAgainEvenWithTheSameRows() {
        List<SummaryRow> rows = List.of(bucket("database.engine", "postgresql", 1));
        List<String> stamps = new ArrayList<>();
        stamps.add(store.summaryStamp("demo"));
        store.replaceSummaries("demo", DAY, rows, true);
        stamps.add(store.summaryStamp("demo"));
        store.replaceSummaries("demo", DAY, rows, true);
        stamps.add(store.summaryStamp("demo"));
        store.replaceSummaries("demo", DAY, rows, false);
        stamps.add(store.summaryStamp("demo"));
        store.replaceSummaries("demo", DAY, rows, false);
        stamps.add(store.summaryStamp("demo"));
        String other = store.summaryStamp("other");
        store.replaceSummaries("demo", DAY.minusDays(1), rows, false);
        stamps.add(store.summaryStamp("demo"));

        assertThat(stamps).as("empty, provisional, provisional again, final, final again, an earlier day").doesNotContainNull()
                .doesNotHaveDuplicates();
        assertThat(store.summaryStamp("other")).as("another product's").isEqualTo(other);
    }

    @Test
    void readingAndAppendingLeaveTheSummaryStampAndVersionsAlone() {
        store.replaceSummaries("demo", DAY.minusDays(1), List.of(bucket("database.engine", "postgresql", 1)));
        store.replaceSummaries("demo", DAY, List.of(bucket("database.engine", "sqlite", 1)), true);
        String stamp = store.summaryStamp("demo");
        Map<LocalDate, String> versions = store.summaryVersions("demo");

        store.append(List.of(report(UUID.randomUUID(), DAY, Channel.PRODUCTION, Map.of("users.count", MetricValue.of(3)))));
        store.aggregateDay("demo", DAY);
        store.readSummaries(new SummaryQuery("demo", "production", null, DAY.minusDays(1), DAY, 10, null));
        store.summarizedDays("demo");
        store.provisionalDays("demo");
        store.metricUsage("demo");
        store.products();

        assertThat(store.summaryStamp("demo")).isEqualTo(stamp);
        assertThat(store.summaryVersions("demo")).isEqualTo(versions);
    }

    @Test
    void writingADaysSummaryAgainChangesTheVersionOfThatDayOnly() {
        List<SummaryRow> rows = List.of(bucket("database.engine", "postgresql", 1));
        store.replaceSummaries("demo", DAY.minusDays(2), rows);
        store.replaceSummaries("demo", DAY.minusDays(1), rows);
        store.replaceSummaries("demo", DAY, rows, true);
        store.replaceSummaries("other", DAY.minusDays(1), rows);
        Map<LocalDate, String> before = store.summaryVersions("demo");
        Map<LocalDate, String> otherBefore = store.summaryVersions("other");

        store.replaceSummaries("demo", DAY.minusDays(1), rows);
        Map<LocalDate, String> rewritten = store.summaryVersions("demo");
        store.replaceSummaries("demo", DAY, rows);
        Map<LocalDate, String> closed = store.summaryVersions("demo");

        assertThat(before).containsOnlyKeys(DAY.minusDays(2), DAY.minusDays(1), DAY).doesNotContainValue(null);
        assertThat(rewritten).containsOnlyKeys(before.keySet()).containsEntry(DAY.minusDays(2), before.get(DAY.minusDays(2)))
                .containsEntry(DAY, before.get(DAY));
        assertThat(rewritten.get(DAY.minusDays(1))).isNotEqualTo(before.get(DAY.minusDays(1)));
        assertThat(closed).as("provisional to final, same rows").containsEntry(DAY.minusDays(2), before.get(DAY.minusDays(2)))
                .containsEntry(DAY.minusDays(1), rewritten.get(DAY.minusDays(1)));
        assertThat(closed.get(DAY)).isNotEqualTo(rewritten.get(DAY));
        assertThat(store.summaryVersions("other")).as("another product's").isEqualTo(otherBefore);
    }

    @Test
    void persistentOnlyCountsComponentsAndMetricsOfSystemsFirstSeenBeforeTheDayAndFleetAndAgesOfAll() {
        UUID veteran = UUID.randomUUID();
        UUID newcomer = UUID.randomUUID();
        store.append(List.of(report(veteran, DAY.minusDays(1), Channel.PRODUCTION, Map.of("workers.processes", MetricValue.of(2)))));
        store.aggregateDay("demo", DAY.minusDays(1), true);
        store.append(List.of(report(veteran, DAY, Channel.PRODUCTION, Map.of("workers.processes", MetricValue.of(2))),
                report(newcomer, DAY, Channel.PRODUCTION, Map.of("workers.processes", MetricValue.of(64)))));

        DayAggregates persistent = store.aggregateDay("demo", DAY, true);
        assertThat(count(persistent, DayAggregates.Family.COMPONENT, "core")).isEqualTo(1);
        assertThat(persistent.stats()).singleElement().satisfies(stats -> {
            assertThat(stats.systems()).isEqualTo(1);
            assertThat(stats.max()).isEqualTo(2.0);
        });
        assertThat(fleet(persistent, "active_1d")).containsExactly("production=2");
        assertThat(persistent.counts()).filteredOn(count -> count.family() == DayAggregates.Family.AGE)
                .extracting(DayAggregates.Count::key).containsExactlyInAnyOrder("0", "1");

        DayAggregates everyone = store.aggregateDay("demo", DAY, false);
        assertThat(count(everyone, DayAggregates.Family.COMPONENT, "core")).isEqualTo(2);
        assertThat(everyone.stats()).singleElement().satisfies(stats -> assertThat(stats.systems()).isEqualTo(2));
    }

    private static long count(DayAggregates aggregates, DayAggregates.Family family, String name) {
        return aggregates.counts().stream().filter(count -> count.family() == family && count.name().equals(name))
                .mapToLong(DayAggregates.Count::systems).sum();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> fleet(DayAggregates day, String name) {
        return day.counts().stream()
                .filter(count -> count.family() == DayAggregates.Family.FLEET && count.name().equals(name) && count.systems() > 0)
                .map(count -> count.channel() + "=" + count.systems()).sorted().toList();
    }

    static SummaryRow bucket(String metric, String key, long systems) {
        return SummaryRow.bucket(DAY, "production", metric, key, systems);
    }

    static StoredReport report(UUID system, LocalDate day, Channel channel, Map<String, MetricValue> metrics) {
        return new StoredReport("demo", system, day, channel, Instant.parse(day + "T12:00:00Z"),
                List.of(new Component("core", "3.49.1")), metrics);
    }
}
