package dev.census.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.census.protocol.Channel;
import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import dev.census.protocol.Report;
import dev.census.server.ingest.pulp.PulpAnalytics.Analytics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** pulpcore's Analytics message into Census's report model: field by field, absent stays absent. */
class PulpDecoderTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final String[] PLUGINS = {"core", "rpm", "container", "file", "ansible", "python", "deb", "maven"};

    private final PulpDecoder decoder = new PulpDecoder();

    @Test
    void seededRandomMessagesRoundTripWithEveryAbsentFieldLeftAbsent() {
        Random random = new Random(5L);
        for (int i = 0; i < 500; i++) {
            Analytics.Builder message = Analytics.newBuilder().setSystemId(new UUID(random.nextLong(), random.nextLong()).toString());
            Map<String, MetricValue> expected = new TreeMap<>();
            List<Component> components = new ArrayList<>();
            boolean release = true;
            for (int c = random.nextInt(PLUGINS.length + 1); c > 0; c--) {
                String version = random.nextInt(3) + "." + random.nextInt(60) + "." + random.nextInt(10);
                if (random.nextInt(5) == 0) {
                    version += random.nextBoolean() ? ".dev" : "rc1";
                    release = false;
                }
                String name = PLUGINS[random.nextInt(PLUGINS.length)];
                message.addComponents(Analytics.Component.newBuilder().setName(name).setVersion(version));
                components.add(new Component(name, version));
            }
            if (random.nextBoolean()) {
                Analytics.OnlineWorkers.Builder workers = Analytics.OnlineWorkers.newBuilder();
                maybe(random, expected, PulpDecoder.WORKERS_PROCESSES, workers::setProcesses);
                maybe(random, expected, PulpDecoder.WORKERS_HOSTS, workers::setHosts);
                message.setOnlineWorkers(workers);
            }
            if (random.nextBoolean()) {
                Analytics.OnlineContentApps.Builder apps = Analytics.OnlineContentApps.newBuilder();
                maybe(random, expected, PulpDecoder.CONTENT_APPS_PROCESSES, apps::setProcesses);
                maybe(random, expected, PulpDecoder.CONTENT_APPS_HOSTS, apps::setHosts);
                message.setOnlineContentApps(apps);
            }
            if (random.nextBoolean()) {
                message.setPostgresqlVersion(150004);
                expected.put(PulpDecoder.POSTGRESQL_VERSION, MetricValue.of("15.4"));
            } else {
                expected.put(PulpDecoder.POSTGRESQL_VERSION, MetricValue.of("unknown"));
            }
            if (random.nextBoolean()) {
                Analytics.RBACStats.Builder rbac = Analytics.RBACStats.newBuilder();
                maybe(random, expected, PulpDecoder.RBAC_USERS, rbac::setUsers);
                maybe(random, expected, PulpDecoder.RBAC_GROUPS, rbac::setGroups);
                maybe(random, expected, PulpDecoder.RBAC_DOMAINS, rbac::setDomains);
                maybe(random, expected, PulpDecoder.RBAC_CUSTOM_ACCESS_POLICIES, rbac::setCustomAccessPolicies);
                maybe(random, expected, PulpDecoder.RBAC_CUSTOM_ROLES, rbac::setCustomRoles);
                message.setRbacStats(rbac);
            }
            Analytics sent = message.build();

            Report report = decoder.decode("pulp", sent.toByteArray(), NOW);

            assertThat(report.systemId().toString()).isEqualTo(sent.getSystemId());
            assertThat(report.product()).isEqualTo("pulp");
            assertThat(report.sentAt()).isEqualTo(NOW);
            assertThat(report.components()).isEqualTo(components);
            assertThat(report.metrics()).isEqualTo(expected);
            assertThat(report.channel()).isEqualTo(release && !components.isEmpty() ? Channel.PRODUCTION : Channel.DEV);
        }
    }

    @Test
    void anEmptySubMessageAddsNoCountAndAMissingPostgresqlVersionIsUnknown() {
        Analytics message = Analytics.newBuilder().setSystemId(UUID.randomUUID().toString())
                .setOnlineWorkers(Analytics.OnlineWorkers.getDefaultInstance())
                .setRbacStats(Analytics.RBACStats.getDefaultInstance()).build();
        assertThat(decoder.decode("pulp", message.toByteArray(), NOW).metrics())
                .isEqualTo(Map.of(PulpDecoder.POSTGRESQL_VERSION, MetricValue.of("unknown")));
    }

    @Test
    void unsignedCountsAboveTwoToThe31StayPositive() {
        Analytics message = Analytics.newBuilder().setSystemId(UUID.randomUUID().toString())
                .setRbacStats(Analytics.RBACStats.newBuilder().setUsers(-1)).build();
        assertThat(decoder.decode("pulp", message.toByteArray(), NOW).metrics())
                .containsEntry(PulpDecoder.RBAC_USERS, MetricValue.of(4_294_967_295.0));
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        byte[] noVersion = Analytics.newBuilder().setSystemId(UUID.randomUUID().toString())
                .addComponents(Analytics.Component.newBuilder().setName("core").buildPartial()).buildPartial().toByteArray();
        assertThatThrownBy(() -> decoder.decode("pulp", noVersion, NOW)).isInstanceOfSatisfying(Rejection.class, e -> {
            assertThat(e.kind()).isEqualTo(Rejection.Kind.MALFORMED);
            assertThat(e.field()).isEqualTo("components[0].version");
        });
    }

    @Test
    void postgresqlServerVersionsAreWrittenAsPeopleWriteThem() {
        assertThat(PostgresVersions.format(150004)).isEqualTo("15.4");
        assertThat(PostgresVersions.format(90605)).isEqualTo("9.6.5");
        assertThat(PostgresVersions.format(100000)).isEqualTo("10.0");
        assertThat(PostgresVersions.format(120017)).isEqualTo("12.17");
        assertThat(PostgresVersions.format(90224)).isEqualTo("9.2.24");
        assertThat(PostgresVersions.format(0)).isEqualTo("unknown");
    }

    private static void maybe(Random random, Map<String, MetricValue> expected, String metric,
            java.util.function.IntFunction<?> setter) {
        if (random.nextBoolean()) {
            int value = random.nextInt(5) == 0 ? 0 : random.nextInt(1 << random.nextInt(20));
            setter.apply(value);
            expected.put(metric, MetricValue.of((double) value));
        }
    }
}
