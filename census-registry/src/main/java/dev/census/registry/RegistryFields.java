package dev.census.registry;

import java.util.List;

/**
 * The field names of a metric file ({@code metrics/<product>/<name>.yaml}), shared by the loader,
 * {@code metrics lint} and {@code metrics new}. Each governance field answers one of the working
 * group's questions for every metric.
 */
public final class RegistryFields {

    public static final String NAME = "name";
    /** The human title charts, axes and the about page show: "Worker processes". */
    public static final String TITLE = "title";
    /** count, gauge, enum, boolean or version. */
    public static final String TYPE = "type";
    /** The unit of a count or gauge: processes, MiB. */
    public static final String UNIT = "unit";
    /** Count or gauge only: the smallest value accepted (default 0 for a count, -10^12 for a gauge). */
    public static final String MIN = "min";
    /** Count or gauge only: the largest value accepted (default 10^9 for a count, 10^12 for a gauge). */
    public static final String MAX = "max";
    /** Enum only: every value the metric may take. */
    public static final String ALLOWED_VALUES = "allowed_values";
    /** What question will this help us answer? */
    public static final String QUESTION = "question";
    /** What is a specific example of the data to be gathered? */
    public static final String EXAMPLE = "example";
    /** Gathered at runtime or from the database: runtime | database. */
    public static final String GATHERING = "gathering";
    /** How the value is stored, on the host and on the server. */
    public static final String STORAGE = "storage";
    /** Will the gathering and/or storage of this cause unacceptable burden/load on the host? */
    public static final String BURDEN = "burden";
    /** Is this metric personally identifiable data? true | false. */
    public static final String PII = "pii";
    /** How the output is sanitized; required when {@link #PII} is true. */
    public static final String SANITIZATION = "sanitization";
    /** The product version that first collects it. */
    public static final String SINCE_VERSION = "since_version";
    /** proposed, approved, rejected or retired. */
    public static final String STATUS = "status";
    /** The link where the decision was made; required once the status is not proposed. */
    public static final String DECISION_LINK = "decision_link";
    /** Alternative proposals considered: a list, or a sentence. */
    public static final String ALTERNATIVES = "alternatives";
    /** Discussion notes; required once decided. */
    public static final String DISCUSSION = "discussion";
    /** How the values are summarized. */
    public static final String SUMMARIZATION = "summarization";
    /** How the summaries are shown. */
    public static final String VISUALIZATION = "visualization";
    /** The commit or change that introduced the collector; required once approved. */
    public static final String INTRODUCED_BY = "introduced_by";

    /** Every field a metric file may hold, in the order {@code metrics new} writes them. */
    public static final List<String> ALL = List.of(NAME, TITLE, TYPE, UNIT, MIN, MAX, ALLOWED_VALUES, QUESTION, EXAMPLE, GATHERING,
            STORAGE, BURDEN, PII, SANITIZATION, SINCE_VERSION, ALTERNATIVES, DISCUSSION, SUMMARIZATION, VISUALIZATION,
            STATUS, DECISION_LINK, INTRODUCED_BY);

    private RegistryFields() {
    }
}
