package dev.census.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.protocol.MetricValue;
import dev.census.protocol.Report;
import dev.census.registry.RegistryLoader;
import dev.census.server.ingest.pulp.PulpAnalytics.Analytics;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The registry screen against the bundled registry: a count or gauge outside its range is dropped as out_of_range. */
class RegistryScreenTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private final RegistryScreen screen = new RegistryScreen(RegistryLoader.bundled());

    @Test
    void aJsonCountOrGaugeOutsideItsRangeIsDroppedAndTheRestKept() {
        Report report = Report.builder().product("demo").systemId(UUID.randomUUID()).sentAt(NOW)
                .metric("workers.processes", MetricValue.of(1e308))
                .metric("users.count", MetricValue.of(1e9))
                .metric("memory.mib", MetricValue.of(-1))
                .metric("workers.hosts", MetricValue.of(1.5))
                .build();

        ScreenedReport screened = screen.screen(report);

        assertThat(screened.dropped()).containsExactlyInAnyOrder(
                new Dropped("metrics.workers.processes", Dropped.OUT_OF_RANGE),
                new Dropped("metrics.memory.mib", Dropped.OUT_OF_RANGE),
                new Dropped("metrics.workers.hosts", Dropped.INVALID_VALUE));
        assertThat(screened.report().metrics()).containsOnlyKeys("users.count");
    }

    @Test
    void aPulpCountAboveABillionIsDroppedThoughItFitsAUint32() {
        Analytics message = Analytics.newBuilder().setSystemId(UUID.randomUUID().toString())
                .setOnlineWorkers(Analytics.OnlineWorkers.newBuilder().setProcesses(-1).setHosts(2)) // uint32 4294967295
                .setRbacStats(Analytics.RBACStats.newBuilder().setUsers(1_000_000_001).setGroups(1_000_000_000))
                .build();

        ScreenedReport screened = screen.screen(new PulpDecoder().decode("pulp", message.toByteArray(), NOW));

        assertThat(screened.dropped()).containsExactlyInAnyOrder(
                new Dropped("metrics.workers.processes", Dropped.OUT_OF_RANGE),
                new Dropped("metrics.rbac.users", Dropped.OUT_OF_RANGE));
        assertThat(screened.report().metrics()).containsEntry("workers.hosts", MetricValue.of(2))
                .containsEntry("rbac.groups", MetricValue.of(1e9));
    }
}
