package dev.census.server.ingest;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.census.protocol.InvalidReportException;
import dev.census.protocol.MetricValue;
import dev.census.protocol.Report;
import dev.census.protocol.WireRules;
import dev.census.server.ingest.pulp.PulpAnalytics.Analytics;
import java.time.Instant;
import java.util.List;

/**
 * Turns pulpcore's protobuf {@code Analytics} message into a {@link Report}: components stay
 * components, each sub-message field present becomes one metric, and any count absent stays absent,
 * never 0 (the PostgreSQL version, absent or 0, is "unknown"). The channel follows the versions (every one strictly X.Y.Z: production). Bytes that are
 * not a complete {@code Analytics} message are refused as {@link Rejection.Kind#MALFORMED}, naming the field when one is at fault.
 */
final class PulpDecoder {

    static final String WORKERS_PROCESSES = "workers.processes";
    static final String WORKERS_HOSTS = "workers.hosts";
    static final String CONTENT_APPS_PROCESSES = "content_apps.processes";
    static final String CONTENT_APPS_HOSTS = "content_apps.hosts";
    static final String POSTGRESQL_VERSION = "postgresql.version";
    static final String RBAC_USERS = "rbac.users";
    static final String RBAC_GROUPS = "rbac.groups";
    static final String RBAC_DOMAINS = "rbac.domains";
    static final String RBAC_CUSTOM_ACCESS_POLICIES = "rbac.custom_access_policies";
    static final String RBAC_CUSTOM_ROLES = "rbac.custom_roles";

    /** Every metric a Pulp report can carry. */
    static final List<String> METRICS = List.of(WORKERS_PROCESSES, WORKERS_HOSTS, CONTENT_APPS_PROCESSES,
            CONTENT_APPS_HOSTS, POSTGRESQL_VERSION, RBAC_USERS, RBAC_GROUPS, RBAC_DOMAINS, RBAC_CUSTOM_ACCESS_POLICIES,
            RBAC_CUSTOM_ROLES);

    /** Decodes one request body for a Pulp-compatible product; {@code receivedAt} stands in for the missing sent-at. */
    Report decode(String product, byte[] body, Instant receivedAt) {
        Analytics analytics = parse(body);
        Report.Builder report = Report.builder().product(product).sentAt(receivedAt);
        try {
            report.systemId(analytics.getSystemId());
        } catch (InvalidReportException e) {
            throw malformed("system_id", e.detail());
        }
        if (analytics.getComponentsCount() > WireRules.MAX_COMPONENTS) {
            throw malformed("components", "at most " + WireRules.MAX_COMPONENTS + " components");
        }
        for (int i = 0; i < analytics.getComponentsCount(); i++) {
            Analytics.Component component = analytics.getComponents(i);
            try {
                report.component(component.getName(), component.getVersion());
            } catch (InvalidReportException e) {
                throw malformed(e.field().replace("components[]", "components[" + i + "]"), e.detail());
            }
        }
        if (analytics.hasOnlineWorkers()) {
            Analytics.OnlineWorkers workers = analytics.getOnlineWorkers();
            putCount(report, WORKERS_PROCESSES, workers.hasProcesses(), workers.getProcesses());
            putCount(report, WORKERS_HOSTS, workers.hasHosts(), workers.getHosts());
        }
        if (analytics.hasOnlineContentApps()) {
            Analytics.OnlineContentApps apps = analytics.getOnlineContentApps();
            putCount(report, CONTENT_APPS_PROCESSES, apps.hasProcesses(), apps.getProcesses());
            putCount(report, CONTENT_APPS_HOSTS, apps.hasHosts(), apps.getHosts());
        }
        // A version chart covers every system: 0 (the client could not tell) and absent (clients
        // before 3.22 never send it) are both "unknown", a bucket of its own — a label, not a number.
        report.metric(POSTGRESQL_VERSION, MetricValue.of(analytics.hasPostgresqlVersion()
                ? PostgresVersions.format(analytics.getPostgresqlVersion()) : PostgresVersions.UNKNOWN));
        if (analytics.hasRbacStats()) {
            Analytics.RBACStats rbac = analytics.getRbacStats();
            putCount(report, RBAC_USERS, rbac.hasUsers(), rbac.getUsers());
            putCount(report, RBAC_GROUPS, rbac.hasGroups(), rbac.getGroups());
            putCount(report, RBAC_DOMAINS, rbac.hasDomains(), rbac.getDomains());
            putCount(report, RBAC_CUSTOM_ACCESS_POLICIES, rbac.hasCustomAccessPolicies(), rbac.getCustomAccessPolicies());
            putCount(report, RBAC_CUSTOM_ROLES, rbac.hasCustomRoles(), rbac.getCustomRoles());
        }
        return report.build();
    }

    /** Parses the whole message; a missing required field is named (e.g. {@code system_id}). */
    private static Analytics parse(byte[] body) {
        Analytics analytics;
        try {
            analytics = Analytics.parser().parsePartialFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw malformed(null, "not a protobuf Analytics message: " + e.getMessage());
        }
        if (!analytics.isInitialized()) {
            List<String> missing = analytics.findInitializationErrors();
            throw malformed(missing.get(0), "is required (missing: " + String.join(", ", missing) + ")");
        }
        return analytics;
    }

    /** A count the message carries, as the unsigned whole number its uint32 is; an absent count stays absent. */
    private static void putCount(Report.Builder report, String metric, boolean present, int unsigned) {
        if (present) {
            report.metric(metric, MetricValue.of((double) Integer.toUnsignedLong(unsigned)));
        }
    }

    private static Rejection malformed(String field, String detail) {
        return new Rejection(Rejection.Kind.MALFORMED, field, detail);
    }
}
