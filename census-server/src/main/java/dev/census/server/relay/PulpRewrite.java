package dev.census.server.relay;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.census.protocol.Component;
import dev.census.protocol.Report;
import dev.census.server.ingest.pulp.PulpAnalytics.Analytics;
import java.util.Set;

/**
 * pulpcore's {@code Analytics} message cut down to what a report kept: the kept system ID and
 * components, and only the counts whose metric is still there (names as the Pulp decoder gives them).
 * Everything else of the original message stays as it was.
 */
final class PulpRewrite {

    private PulpRewrite() {
    }

    /** The message to forward; the original bytes when it is unchanged. */
    static byte[] keep(byte[] original, Report kept) {
        Analytics message;
        try {
            message = Analytics.parser().parsePartialFrom(original);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("an accepted Pulp message no longer parses", e);
        }
        Analytics.Builder out = message.toBuilder().setSystemId(kept.systemId().toString()).clearComponents();
        for (Component component : kept.components()) {
            out.addComponents(Analytics.Component.newBuilder().setName(component.name()).setVersion(component.version()));
        }
        Set<String> metrics = kept.metrics().keySet();
        if (message.hasOnlineWorkers()) {
            Analytics.OnlineWorkers.Builder workers = out.getOnlineWorkersBuilder();
            if (!metrics.contains("workers.processes")) {
                workers.clearProcesses();
            }
            if (!metrics.contains("workers.hosts")) {
                workers.clearHosts();
            }
        }
        if (message.hasOnlineContentApps()) {
            Analytics.OnlineContentApps.Builder apps = out.getOnlineContentAppsBuilder();
            if (!metrics.contains("content_apps.processes")) {
                apps.clearProcesses();
            }
            if (!metrics.contains("content_apps.hosts")) {
                apps.clearHosts();
            }
        }
        if (!metrics.contains("postgresql.version")) {
            out.clearPostgresqlVersion();
        }
        if (message.hasRbacStats()) {
            Analytics.RBACStats.Builder rbac = out.getRbacStatsBuilder();
            if (!metrics.contains("rbac.users")) {
                rbac.clearUsers();
            }
            if (!metrics.contains("rbac.groups")) {
                rbac.clearGroups();
            }
            if (!metrics.contains("rbac.domains")) {
                rbac.clearDomains();
            }
            if (!metrics.contains("rbac.custom_access_policies")) {
                rbac.clearCustomAccessPolicies();
            }
            if (!metrics.contains("rbac.custom_roles")) {
                rbac.clearCustomRoles();
            }
        }
        Analytics rewritten = out.buildPartial();
        return rewritten.equals(message) ? original : rewritten.toByteArray();
    }
}
