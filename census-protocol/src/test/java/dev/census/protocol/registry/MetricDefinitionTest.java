package dev.census.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.protocol.MetricValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricDefinitionTest {

    @Test
    void theSixArgumentConstructorKeepsWorkingWithoutGovernanceAnswers() {
        MetricDefinition metric = new MetricDefinition("workers.processes", MetricType.COUNT, "processes",
                "How many workers?", List.of(), MetricStatus.APPROVED);

        assertThat(metric.governance()).isEqualTo(Governance.none());
    }

    @Test
    void governanceIsReadFromTheParsedFileFields() {
        Governance governance = Governance.fromFields(RegistryLinterTest.approvedMetric());

        assertThat(governance.gathering()).isEqualTo(Gathering.DATABASE);
        assertThat(governance.pii()).isFalse();
        assertThat(governance.sinceVersion()).isEqualTo("3.21.0");
        assertThat(governance.decisionLink()).isEqualTo("https://discourse.pulpproject.org/t/proposal-telemetry/259/2");
        assertThat(governance.alternatives()).containsExactly("Report worker host names (rejected: personal data)");
        assertThat(governance.introducedBy()).isEqualTo("pulp/pulpcore#2118");
        assertThat(governance.example()).isEqualTo("{workers.processes: 4}");
    }

    @Test
    void unansweredGovernanceFieldsAreEmptyOrNull() {
        Governance governance = Governance.fromFields(java.util.Map.of("gathering", "cron", "pii", "maybe"));

        assertThat(governance.gathering()).isNull();
        assertThat(governance.pii()).isNull();
        assertThat(governance.example()).isEmpty();
        assertThat(governance.alternatives()).isEmpty();
    }

    @Test
    void aVersionMetricAcceptsVersionStringsOnly() {
        MetricDefinition metric = new MetricDefinition("postgresql.version", MetricType.VERSION, null,
                "Which PostgreSQL versions must we support?", List.of(), MetricStatus.APPROVED);

        assertThat(metric.rejection(MetricValue.of("15.4"))).isNull();
        assertThat(metric.rejection(MetricValue.of("3.22.0.dev"))).isNull();
        assertThat(metric.rejection(MetricValue.of(15))).isEqualTo("expected a version string");
        assertThat(metric.rejection(MetricValue.of("fifteen point four"))).isEqualTo("expected a version string");
        assertThat(MetricType.fromWire("version")).isEqualTo(MetricType.VERSION);
        assertThat(MetricType.VERSION.numeric()).isFalse();
    }
}
