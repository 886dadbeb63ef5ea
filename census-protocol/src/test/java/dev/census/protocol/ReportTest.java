package dev.census.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final String SYSTEM = "123e4567-e89b-42d3-a456-426614174000";

    @Test
    void canonicalJsonHasAFixedKeyOrderAndSortedMetrics() {
        Report report = Report.builder().product("demo").systemId(SYSTEM).sentAt(Instant.parse("2026-03-10T12:00:00Z"))
                .component("core", "3.49.1")
                .metric("workers.processes", MetricValue.of(4))
                .metric("memory.mib", MetricValue.of(1536.5))
                .metric("database.engine", MetricValue.of("post\"gres"))
                .metric("tls.enabled", MetricValue.of(true))
                .build();
        assertThat(ReportJson.write(report)).isEqualTo("{\"schema\":1,\"product\":\"demo\",\"system_id\":\"" + SYSTEM
                + "\",\"channel\":\"production\",\"sent_at\":\"2026-03-10T12:00:00Z\","
                + "\"components\":[{\"name\":\"core\",\"version\":\"3.49.1\"}],"
                + "\"metrics\":{\"database.engine\":\"post\\\"gres\",\"memory.mib\":1536.5,\"tls.enabled\":true,\"workers.processes\":4}}");
    }

    @Test
    void theBuilderNamesTheFieldAtFault() {
        assertThatThrownBy(() -> Report.builder().product("Bad Product"))
                .isInstanceOf(InvalidReportException.class).hasMessageStartingWith("product:");
        assertThatThrownBy(() -> Report.builder().systemId("not-a-uuid"))
                .isInstanceOf(InvalidReportException.class).hasMessageStartingWith("system_id:");
        assertThatThrownBy(() -> Report.builder().product("demo").sentAt(Instant.EPOCH).build())
                .isInstanceOf(InvalidReportException.class).hasMessage("system_id: is required");
        assertThatThrownBy(() -> Report.builder().component("core", "3 49"))
                .isInstanceOf(InvalidReportException.class).hasMessageStartingWith("components[].version:");
        assertThatThrownBy(() -> Report.builder().metric("workers.processes", MetricValue.of(1)).metric("workers.processes", MetricValue.of(2)))
                .isInstanceOf(InvalidReportException.class).hasMessage("metrics.workers.processes: given twice");
        assertThatThrownBy(() -> MetricValue.of(Double.NaN)).isInstanceOf(InvalidReportException.class);
    }

    @Test
    void productionIsOnlyForStrictReleasesOfEveryComponent() {
        for (String version : new String[] {"1.0.0rc1", "3.50.0.dev", "2.0.0a6", "3.49", "3.49.1.2", "03.49.1", "v3.49.1", "3.49.1+local"}) {
            assertThatThrownBy(() -> Report.builder().product("demo").systemId(UUID.randomUUID()).sentAt(Instant.EPOCH)
                    .component("core", "3.49.1").component("rpm", version).channel(Channel.PRODUCTION).build())
                    .as(version).isInstanceOf(InvalidReportException.class)
                    .hasMessage("channel: production reports carry strict X.Y.Z versions only, but components[1].version is "
                            + version + "; send it as dev");
            assertThat(Report.builder().product("demo").systemId(UUID.randomUUID()).sentAt(Instant.EPOCH)
                    .component("core", "3.49.1").component("rpm", version).channel(Channel.DEV).build().channel())
                    .isEqualTo(Channel.DEV);
        }
        assertThat(Report.builder().product("demo").systemId(UUID.randomUUID()).sentAt(Instant.EPOCH)
                .component("core", "3.49.1").channel(Channel.PRODUCTION).build().channel()).isEqualTo(Channel.PRODUCTION);
    }

    @Test
    void withoutTheChannelTheVersionsChooseIt() {
        Report dev = Report.builder().product("demo").systemId(UUID.randomUUID()).sentAt(Instant.EPOCH)
                .component("core", "3.50.0.dev").build();
        assertThat(dev.channel()).isEqualTo(Channel.DEV);
    }
}
