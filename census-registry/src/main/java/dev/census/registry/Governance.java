package dev.census.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A metric's answers to the working group's questions: a specific example, how it is gathered and
 * stored, its burden on the host, whether it is personal data and how it is sanitized, the version
 * that first collects it, where it was decided, the alternatives and discussion, how it is
 * summarized and shown, and the change that introduced it. Unanswered text is empty; an unanswered
 * gathering or PII answer is {@code null}. {@code metrics lint} is what insists on the answers.
 */
public record Governance(
        String example,
        Gathering gathering,
        String storage,
        String burden,
        Boolean pii,
        String sanitization,
        String sinceVersion,
        String decisionLink,
        List<String> alternatives,
        String discussion,
        String summarization,
        String visualization,
        String introducedBy) {

    private static final Governance NONE =
            new Governance("", null, "", "", null, "", "", "", List.of(), "", "", "", "");

    public Governance {
        example = text(example);
        storage = text(storage);
        burden = text(burden);
        sanitization = text(sanitization);
        sinceVersion = text(sinceVersion);
        decisionLink = text(decisionLink);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        discussion = text(discussion);
        summarization = text(summarization);
        visualization = text(visualization);
        introducedBy = text(introducedBy);
    }

    /** No answers at all: for metrics built in code and tests. */
    public static Governance none() {
        return NONE;
    }

    /**
     * Reads the answers from a metric file as a YAML or JSON parser gives it (field names in
     * {@link RegistryFields}). Lenient: a missing or malformed answer is left unanswered, since
     * {@link RegistryLinter} reports those.
     */
    public static Governance fromFields(Map<String, ?> fields) {
        Object pii = fields.get(RegistryFields.PII);
        Object gathering = fields.get(RegistryFields.GATHERING);
        return new Governance(
                string(fields.get(RegistryFields.EXAMPLE)),
                gathering == null ? null : Gathering.fromWire(gathering.toString().trim().toLowerCase(Locale.ROOT)),
                string(fields.get(RegistryFields.STORAGE)),
                string(fields.get(RegistryFields.BURDEN)),
                bool(pii),
                string(fields.get(RegistryFields.SANITIZATION)),
                string(fields.get(RegistryFields.SINCE_VERSION)),
                string(fields.get(RegistryFields.DECISION_LINK)),
                strings(fields.get(RegistryFields.ALTERNATIVES)),
                string(fields.get(RegistryFields.DISCUSSION)),
                string(fields.get(RegistryFields.SUMMARIZATION)),
                string(fields.get(RegistryFields.VISUALIZATION)),
                string(fields.get(RegistryFields.INTRODUCED_BY)));
    }

    /** A YAML boolean or one of the strings true/false/yes/no; {@code null} otherwise. */
    static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> Boolean.TRUE;
                case "false", "no" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    /** Scalars as text; a list or map (a structured example) in YAML flow style: {@code {workers.processes: 4}}. */
    static String string(Object value) {
        return value == null ? "" : flow(value).trim();
    }

    private static String flow(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((key, item) -> out.append(out.length() > 1 ? ", " : "").append(key).append(": ").append(flow(item)));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            list.forEach(item -> out.append(out.length() > 1 ? ", " : "").append(flow(item)));
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }

    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                String text = string(item);
                if (!text.isEmpty()) {
                    out.add(text);
                }
            }
        } else if (value != null && !string(value).isEmpty()) {
            out.add(string(value));
        }
        return out;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
