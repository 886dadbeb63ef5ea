package dev.census.registry;

import dev.census.protocol.WireRules;
import java.util.Map;

/**
 * The proposal file {@code census metrics new} writes: every question of the working group present
 * as a comment above its field, every answer empty, status proposed.
 */
public final class MetricTemplate {

    private static final Map<String, String> QUESTIONS = Map.ofEntries(
            Map.entry(RegistryFields.NAME, "What is the metric called (lowercase dotted words)?"),
            Map.entry(RegistryFields.TITLE, "What do charts and pages call it, in a few words (Worker processes)?"),
            Map.entry(RegistryFields.TYPE, "What type is it: count, gauge, enum, boolean or version?"),
            Map.entry(RegistryFields.UNIT, "What unit does a count or gauge have (processes, MiB)?"),
            Map.entry(RegistryFields.MIN, "What is the smallest value a count or gauge can truly take?"),
            Map.entry(RegistryFields.MAX, "What is the largest value a count or gauge can truly take?"),
            Map.entry(RegistryFields.ALLOWED_VALUES, "Which values may an enum take?"),
            Map.entry(RegistryFields.QUESTION, "What question will this help us answer?"),
            Map.entry(RegistryFields.EXAMPLE, "What is a specific example of the data to be gathered?"),
            Map.entry(RegistryFields.GATHERING, "Will this metric be gathered at runtime or from the database?"),
            Map.entry(RegistryFields.STORAGE, "How will this metric be stored, on the host and on the Census server?"),
            Map.entry(RegistryFields.BURDEN, "Will the gathering and/or storage of this cause unacceptable burden/load on the host?"),
            Map.entry(RegistryFields.PII, "Is this metric Personally-Identifiable-Data?"),
            Map.entry(RegistryFields.SANITIZATION, "How can we sanitize this output?"),
            Map.entry(RegistryFields.SINCE_VERSION, "What product version will this be collected with?"),
            Map.entry(RegistryFields.ALTERNATIVES, "What alternative proposals were considered?"),
            Map.entry(RegistryFields.DISCUSSION, "What did the discussion conclude?"),
            Map.entry(RegistryFields.SUMMARIZATION, "How will the values be summarized?"),
            Map.entry(RegistryFields.VISUALIZATION, "How are we going to visualize that information?"),
            Map.entry(RegistryFields.STATUS, "Is this approved/not-approved?"),
            Map.entry(RegistryFields.DECISION_LINK, "Where was it decided (a link)?"),
            Map.entry(RegistryFields.INTRODUCED_BY, "Which commit or change introduced it?"));

    private static final String TEMPLATE = """
            # Census metric proposal: %1$s/%2$s
            # Answer every question below, then run `census metrics lint`. The server collects a metric
            # only once its status is approved, with the link where that was decided. docs/governance.md
            # explains the process.
            name: %2$s
            # What do charts and pages call it, in a few words? (Worker processes)
            title:

            # What type is it? count | gauge | enum | boolean | version
            type:
            # What unit does a count or gauge have? (processes, MiB; leave empty for other types)
            unit:
            # Count or gauge only: the valid range, both ends included. A value outside is dropped at
            # ingestion (reason out_of_range). Leave empty for the default: a count 0 to 1000000000,
            # a gauge -1000000000000 to 1000000000000; bounds lie within ±2^53.
            min:
            max:
            # Enum only: which values may it take? e.g. [filesystem, s3, azure]
            allowed_values: []

            # What question will this help us answer?
            question:
            # What is a specific example of the data to be gathered?
            # (made-up values of the right shape, never real hosts, addresses or names)
            example:
            # Will this metric be gathered at runtime or from the database? runtime | database
            gathering:
            # How will this metric be stored, on the host and on the Census server?
            storage:
            # Will the gathering and/or storage of this cause unacceptable burden/load on %1$s?
            burden:
            # Is this metric Personally-Identifiable-Data? true | false
            pii:
            # How can we sanitize this output? (required when pii is true)
            sanitization:
            # What %1$s version will this be collected with?
            since_version:

            # Alternative proposal(s): one line per option considered.
            alternatives: []
            # Discussion notes (required once decided).
            discussion:
            # How will the values be summarized? (counts per value, mean and percentiles, per X.Y version)
            summarization:
            # How are we going to visualize that information?
            visualization:

            # Is this approved/not-approved? proposed | approved | rejected | retired
            status: proposed
            # Where was it decided? (a link, required once approved, rejected or retired)
            decision_link:
            # Which commit or change introduced it? (required once approved)
            introduced_by:
            """;

    private MetricTemplate() {
    }

    /** The YAML text of a new proposal for a metric of a product; names are checked, so the file lints by name. */
    public static String yaml(String product, String name) {
        WireRules.requireProduct(product, "product");
        WireRules.requireMetricName(name, "name");
        return TEMPLATE.formatted(product, name);
    }

    /** The working group's question a field answers. */
    public static String questionOf(String field) {
        return QUESTIONS.getOrDefault(field, field);
    }
}
