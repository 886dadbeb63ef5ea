package dev.census.cli.simulate;

import dev.census.protocol.Component;
import dev.census.protocol.MetricValue;
import dev.census.protocol.Report;
import dev.census.server.ingest.pulp.PulpAnalytics.Analytics;

/**
 * Turns a simulated installation's report into the protobuf {@code Analytics} message pulpcore would
 * post for it, as each pulpcore era does: everyone sends components, workers and content apps; the
 * systems whose demo engine is PostgreSQL send its server_version (3.22 and later); those that report
 * users send rbac_stats (3.23 and later). Pulp's plugin labels (core, rpm, container, …) match the
 * demo's component names.
 */
public final class PulpMessages {

    private static final int[] POSTGRESQL = {90605, 120017, 130011, 140009, 150004, 150004, 160002};

    private PulpMessages() {
    }

    public static byte[] of(Report report) {
        Analytics.Builder message = Analytics.newBuilder().setSystemId(report.systemId().toString());
        for (Component component : report.components()) {
            message.addComponents(Analytics.Component.newBuilder().setName(component.name()).setVersion(component.version()));
        }
        int hosts = count(report, "workers.hosts", 1);
        message.setOnlineWorkers(Analytics.OnlineWorkers.newBuilder()
                .setProcesses(count(report, "workers.processes", 1)).setHosts(hosts));
        message.setOnlineContentApps(Analytics.OnlineContentApps.newBuilder()
                .setProcesses(count(report, "content_apps.processes", 2)).setHosts(hosts));
        int spread = Math.floorMod(report.systemId().hashCode(), 97);
        if (new MetricValue.TextValue("postgresql").equals(report.metrics().get("database.engine"))) {
            message.setPostgresqlVersion(spread % 13 == 0 ? 0 : POSTGRESQL[spread % POSTGRESQL.length]);
        }
        if (report.metrics().containsKey("users.count")) {
            int users = count(report, "users.count", 0);
            message.setRbacStats(Analytics.RBACStats.newBuilder().setUsers(users).setGroups(users / 4)
                    .setDomains(spread % 9 == 0 ? 1 + spread % 5 : 0).setCustomAccessPolicies(spread % 6 == 0 ? spread % 4 : 0)
                    .setCustomRoles(spread % 3 == 0 ? spread % 11 : 0));
        }
        return message.build().toByteArray();
    }

    private static int count(Report report, String metric, int absent) {
        MetricValue value = report.metrics().get(metric);
        return value instanceof MetricValue.NumberValue number ? (int) number.value() : absent;
    }
}
