package dev.census.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aMetricWithoutATitleIsTitledByItsName() {
        MetricDefinition untitled = new MetricDefinition("workers.processes", MetricType.COUNT, "processes",
                "How many workers?", List.of(), MetricStatus.APPROVED);
        MetricDefinition titled = new MetricDefinition("workers.processes", MetricType.COUNT, "processes",
                "How many workers?", List.of(), MetricStatus.APPROVED, Governance.none(), null, " Worker processes ");

        assertThat(untitled.title()).isEqualTo("workers.processes");
        assertThat(titled.title()).isEqualTo("Worker processes");
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

    @Test
    void countsAndGaugesHaveADefaultRangeAndOtherTypesNone() {
        MetricDefinition count = new MetricDefinition("workers.processes", MetricType.COUNT, "processes", "?", List.of(),
                MetricStatus.APPROVED);
        MetricDefinition gauge = new MetricDefinition("memory.mib", MetricType.GAUGE, "MiB", "?", List.of(), MetricStatus.APPROVED);
        MetricDefinition flag = new MetricDefinition("tls.enabled", MetricType.BOOLEAN, null, "?", List.of(), MetricStatus.APPROVED);

        assertThat(count.range()).isEqualTo(new ValueRange(0, 1e9));
        assertThat(count.inRange(MetricValue.of(1e9))).isTrue();
        assertThat(count.inRange(MetricValue.of(1e9 + 1))).isFalse();
        assertThat(gauge.range()).isEqualTo(new ValueRange(-1e12, 1e12));
        assertThat(gauge.inRange(MetricValue.of(-1e12))).isTrue();
        assertThat(gauge.inRange(MetricValue.of(Double.MAX_VALUE))).isFalse();
        assertThat(flag.range()).isNull();
        assertThat(flag.inRange(MetricValue.of(true))).isTrue();
    }

    @Test
    void aDeclaredRangeIsReadFromTheFileFieldsAndAWrongOneRefusedNamingTheField() {
        assertThat(ValueRange.fromFields(java.util.Map.of("min", 0, "max", "67108864"), MetricType.GAUGE))
                .isEqualTo(new ValueRange(0, 67_108_864));
        assertThat(ValueRange.fromFields(java.util.Map.of("max", 64), MetricType.COUNT)).isEqualTo(new ValueRange(0, 64));
        assertThat(ValueRange.fromFields(java.util.Map.of(), MetricType.VERSION)).isNull();

        assertThatThrownBy(() -> ValueRange.fromFields(java.util.Map.of("min", 5), MetricType.VERSION))
                .hasMessage("min: only a count or gauge has a range, not a version");
        assertThatThrownBy(() -> ValueRange.fromFields(java.util.Map.of("min", 5, "max", 4), MetricType.COUNT))
                .hasMessage("min: 5 is above max 4");
        assertThatThrownBy(() -> ValueRange.fromFields(java.util.Map.of("max", Double.MAX_VALUE), MetricType.GAUGE))
                .hasMessageStartingWith("max: must lie within ±9007199254740992");
        assertThatThrownBy(() -> new MetricDefinition("tls.enabled", MetricType.BOOLEAN, null, "?", List.of(),
                MetricStatus.APPROVED, Governance.none(), new ValueRange(0, 1)))
                .hasMessage("metric tls.enabled: only a count or gauge has a range, not a boolean");
    }
}
