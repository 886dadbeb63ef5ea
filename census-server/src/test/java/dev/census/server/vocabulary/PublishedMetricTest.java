package dev.census.server.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Published names are formed, parsed and ordered in one place. */
class PublishedMetricTest {

    @Test
    void eachFamilyIsPublishedUnderItsName() {
        assertThat(List.of(PublishedMetric.SYSTEMS, PublishedMetric.AGE, PublishedMetric.DEMOGRAPHY, PublishedMetric.COMPONENTS,
                PublishedMetric.componentXy("pulp_rpm"), PublishedMetric.componentXyz("pulp_rpm"),
                PublishedMetric.metric("postgresql.version"), PublishedMetric.metricXyz("postgresql.version")))
                .extracting(PublishedMetric::name)
                .containsExactly("systems", "systems.age_days", "systems.demography", "components",
                        "components.pulp_rpm.xy", "components.pulp_rpm.xyz", "postgresql.version", "postgresql.version.xyz");
    }

    @Test
    void everyPublishedNameParsesBackToItsMetric() {
        for (PublishedMetric metric : List.of(PublishedMetric.SYSTEMS, PublishedMetric.AGE, PublishedMetric.DEMOGRAPHY,
                PublishedMetric.COMPONENTS, PublishedMetric.componentXy("core"), PublishedMetric.componentXyz("core"),
                PublishedMetric.componentXy("a.xy"), PublishedMetric.metric("rbac.users"), PublishedMetric.metricXyz("db.version"))) {
            assertThat(PublishedMetric.parse(metric.name())).as(metric.name()).isEqualTo(metric);
        }
    }

    @Test
    void aVersionSeriesByXyKnowsItsSeriesByXyzAndBack() {
        assertThat(PublishedMetric.componentXy("core").xyz()).hasValue(PublishedMetric.componentXyz("core"));
        assertThat(PublishedMetric.componentXyz("core").xy()).hasValue(PublishedMetric.componentXy("core"));
        assertThat(PublishedMetric.parse("db.version").xyz()).hasValue(PublishedMetric.metricXyz("db.version"));
        assertThat(PublishedMetric.parse("db.version.xyz").xy()).hasValue(PublishedMetric.metric("db.version"));
        assertThat(PublishedMetric.parse("db.version.xyz").isXyz()).isTrue();
        assertThat(PublishedMetric.SYSTEMS.xyz()).isEmpty();
        assertThat(PublishedMetric.COMPONENTS.xy()).isEmpty();
    }

    @Test
    void fixedNamesTakeNoSubjectAndTheOthersNeedOne() {
        assertThatThrownBy(() -> new PublishedMetric(PublishedMetric.Family.FLEET, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("subject must be empty for FLEET");
        assertThatThrownBy(() -> PublishedMetric.componentXy(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("subject must be given for COMPONENT_XY");
    }

    @Test
    void statisticsAndFleetBucketsHaveTheirNaturalOrderAndWireNames() {
        assertThat(Arrays.stream(Statistic.values()).map(Statistic::wireName)).containsExactly("mean", "min", "p50", "p90", "max");
        assertThat(Arrays.stream(FleetBucket.values()).map(FleetBucket::wireName))
                .containsExactly("active_1d", "active_7d", "active_28d", "new");
        assertThat(Arrays.stream(RowKind.values()).map(RowKind::wireName)).containsExactly("bucket", "stat");
        assertThat(Statistic.parse("p90")).hasValue(Statistic.P90);
        assertThat(FleetBucket.parse("active_28d")).hasValue(FleetBucket.ACTIVE_28D);
        assertThat(FleetBucket.ACTIVE_7D.days()).isEqualTo(7);
        assertThat(RowKind.parse("stat")).hasValue(RowKind.STAT);
        assertThat(Statistic.parse("P90")).as("wire names are lower case").isEmpty();
        assertThat(FleetBucket.parse(Buckets.OTHER)).isEmpty();
    }
}
