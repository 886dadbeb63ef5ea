package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.testing.TestDataSources;
import dev.census.testing.TestDataSources.TestDataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcSystemIdStoreTest {

    @RegisterExtension
    final DemoInstallation demo = new DemoInstallation();
    TestDataSource database;

    @BeforeEach
    void open() throws Exception {
        database = TestDataSources.duckDb(demo.stateDir().resolve("app.duckdb"));
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    private Census node(String name) {
        return Census.builder().product("demo").endpoint(demo.server().uri())
                .systemIdStore(JdbcSystemIdStore.of(database))
                .stateDir(demo.stateDir().resolve(name))
                .component("core", "3.49.1")
                .metric("workers.processes", () -> 4)
                .clock(demo.clock()).environment(java.util.Map.of()).manualScheduling()
                .build();
    }

    @Test
    void theIdSurvivesRestartsAndIsSharedByTwoNodesOnOneDatabase() {
        UUID first;
        try (Census a = node("a")) {
            first = a.systemId().orElseThrow();
        }
        try (Census a = node("a"); Census b = node("b")) {
            assertThat(a.systemId()).contains(first);
            assertThat(b.systemId()).contains(first);
        }
    }

    @RepeatedTest(3)
    void concurrentFirstStartsOfSeveralNodesYieldOneId() throws Exception {
        List<UUID> ids = race(i -> {
            JdbcSystemIdStore store = JdbcSystemIdStore.of(database);
            Installation candidate = new Installation(UUID.randomUUID(), false, i, null, Installation.NEVER);
            return () -> store.createIfAbsent(candidate).systemId();
        });
        Set<UUID> distinct = Set.copyOf(ids);
        assertThat(distinct).hasSize(1);
        assertThat(JdbcSystemIdStore.of(database).read().orElseThrow().systemId()).isEqualTo(distinct.iterator().next());
    }

    @Test
    void theDayLeaseGoesToExactlyOneCaller() {
        JdbcSystemIdStore store = JdbcSystemIdStore.of(database);
        store.createIfAbsent(new Installation(UUID.randomUUID(), false, 0, null, Installation.NEVER));
        LocalDate day = LocalDate.of(2026, 3, 2);

        assertThat(store.claimDay(day)).isTrue();
        assertThat(JdbcSystemIdStore.of(database).claimDay(day)).isFalse();
        assertThat(store.claimDay(day.minusDays(1))).isFalse();
        assertThat(store.claimDay(day.plusDays(1))).isTrue();
    }

    @RepeatedTest(3)
    void racingNodesTakeTheDayLeaseExactlyOnce() throws Exception {
        JdbcSystemIdStore.of(database).createIfAbsent(new Installation(UUID.randomUUID(), false, 0, null, Installation.NEVER));
        LocalDate day = LocalDate.of(2026, 3, 2);
        List<Boolean> claims = race(i -> {
            JdbcSystemIdStore store = JdbcSystemIdStore.of(database);
            return () -> store.claimDay(day);
        });
        assertThat(claims).containsOnlyOnce(true);
    }

    @Test
    void twoNodesSharingTheDatabaseUploadOnceADay() throws Exception {
        try (Census a = node("a"); Census b = node("b")) {
            a.start();
            b.start();
            for (int day = 0; day < 3; day++) {
                demo.clock().set(later(a.nextRunAt().orElseThrow(), b.nextRunAt().orElseThrow()));
                a.runDueWork();
                b.runDueWork();
            }
            assertThat(demo.server().reports()).hasSize(3);
            Set<String> days = demo.server().reports().stream().map(r -> r.header("Idempotency-Key")).collect(Collectors.toSet());
            assertThat(days).hasSize(3);
            assertThat(a.outbox().list().size() + b.outbox().list().size()).isEqualTo(3);
        }
    }

    @Test
    void missedDaysAreNotBackfilled() throws Exception {
        try (Census a = node("a")) {
            a.start();
            Fixtures.runNext(a, demo.clock());
            demo.clock().advance(Duration.ofDays(5));
            a.runDueWork();
            a.runDueWork();

            assertThat(demo.server().reports()).hasSize(2);
            assertThat(a.outbox().list()).extracting(Outbox.Entry::day)
                    .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 7));
        }
    }

    @Test
    void nothingIsWrittenToTheDatabaseWhenReportingIsOff() throws Exception {
        try (Census off = Census.builder().product("demo").endpoint(demo.server().uri())
                .systemIdStore(JdbcSystemIdStore.of(database)).consent(Consent.OFF)
                .clock(demo.clock()).environment(java.util.Map.of()).manualScheduling().build()) {
            off.start();
            off.sendNow();
        }
        try (var connection = database.getConnection();
             var tables = connection.getMetaData().getTables(null, null, "%", null)) {
            assertThat(tables.next()).isFalse();
        }
    }

    private static java.time.Instant later(java.time.Instant a, java.time.Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Runs four nodes' calls at the same moment, each on its own thread, and returns their answers. */
    private static <T> List<T> race(IntFunction<Callable<T>> node) throws Exception {
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Callable<T> call = node.apply(i);
                answers.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
