package dev.census.server.testing;

import dev.census.server.ingest.pulp.PulpAnalytics.Analytics;
import java.util.UUID;

/**
 * Builds pulpcore's {@code Analytics} messages with the generated classes, the way pulpcore does
 * in each era: 3.21 sends components, workers and content apps; 3.22 adds postgresql_version; 3.23
 * adds rbac_stats.
 */
public final class PulpPayloads {

    private PulpPayloads() {
    }

    /** A 3.21-era message: no postgresql_version, no rbac_stats. */
    public static Analytics.Builder pulp321(UUID system, String coreVersion, int workers, int workerHosts) {
        return Analytics.newBuilder().setSystemId(system.toString())
                .addComponents(component("core", coreVersion))
                .addComponents(component("rpm", "3.18.0"))
                .setOnlineWorkers(Analytics.OnlineWorkers.newBuilder().setProcesses(workers).setHosts(workerHosts))
                .setOnlineContentApps(Analytics.OnlineContentApps.newBuilder().setProcesses(2).setHosts(1));
    }

    /** A 3.22-era message: with postgresql_version (libpq's integer), still without rbac_stats. */
    public static Analytics.Builder pulp322(UUID system, String coreVersion, int workers, int postgresql) {
        return pulp321(system, coreVersion, workers, 1).setPostgresqlVersion(postgresql);
    }

    /** A 3.23-era message: with rbac_stats. */
    public static Analytics.Builder pulp323(UUID system, String coreVersion, int workers, int postgresql, int users) {
        return pulp322(system, coreVersion, workers, postgresql).setRbacStats(Analytics.RBACStats.newBuilder()
                .setUsers(users).setGroups(1).setDomains(1).setCustomAccessPolicies(0).setCustomRoles(0));
    }

    public static Analytics.Component component(String name, String version) {
        return Analytics.Component.newBuilder().setName(name).setVersion(version).build();
    }
}
