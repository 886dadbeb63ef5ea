package dev.census.server.relay;

import dev.census.protocol.Report;
import dev.census.protocol.ReportJson;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * The relay's policy applied to one accepted report: the exact bytes that will leave, in the format it
 * came in — its original bytes when neither the screen nor the policy changed it, else the kept report
 * written anew (canonical Census JSON, or the Pulp message without what was taken out) — or none.
 */
public final class Outbound {

    private final RelayPolicy policy;
    private final Pseudonyms pseudonyms;

    Outbound(RelayPolicy policy, Pseudonyms pseudonyms) {
        this.policy = policy;
        this.pseudonyms = pseudonyms;
    }

    /**
     * The bytes to forward, or null when the policy keeps this report inside.
     *
     * @param screened whether the registry screen changed the report as it came in (dropped or renamed anything)
     */
    public byte[] bytes(Wire wire, byte[] original, Report kept, boolean screened) {
        if (!policy.channels().contains(kept.channel())) {
            return null;
        }
        Set<String> dropped = new TreeSet<>(kept.metrics().keySet());
        dropped.retainAll(policy.droppedMetrics());
        if (!screened && dropped.isEmpty() && !policy.pseudonymize()) {
            return original.clone();
        }
        Report leaving = kept.withoutMetrics(dropped);
        if (policy.pseudonymize()) {
            leaving = new Report(leaving.product(), pseudonyms.of(leaving.systemId()), leaving.channel(), leaving.sentAt(),
                    leaving.components(), leaving.metrics());
        }
        return switch (wire) {
            case CENSUS_JSON -> ReportJson.write(leaving).getBytes(StandardCharsets.UTF_8);
            case PULP_PROTOBUF -> PulpRewrite.keep(original, leaving);
        };
    }
}
