package dev.census.registry;

import dev.census.protocol.WireRules;
import dev.census.protocol.pii.PiiDetector;
import dev.census.protocol.pii.PiiDetectors;
import dev.census.protocol.pii.PiiFinding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a metric file, as a YAML parser gives it, against the governance rules: every question
 * answered, a known type, an enum with values, a range only on a count or gauge and holding its
 * example, a decision link once decided, the introducing change once approved, and no example or
 * allowed value that trips a PII detector. Needs no YAML library:
 * the caller ({@link RegistryLoader#lint}) parses, the linter reads maps, lists and scalars.
 */
public final class RegistryLinter {

    /** Answers that only promise an answer: the working group's own notes say "[example TBD]". */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?is).*\\b(?:tbd|todo|tba|fixme)\\b.*|\\W*");

    private static final List<String> ALWAYS_REQUIRED = List.of(RegistryFields.TITLE, RegistryFields.QUESTION, RegistryFields.EXAMPLE,
            RegistryFields.STORAGE, RegistryFields.BURDEN, RegistryFields.SINCE_VERSION, RegistryFields.ALTERNATIVES,
            RegistryFields.SUMMARIZATION, RegistryFields.VISUALIZATION);

    private final PiiDetector detector;

    private RegistryLinter(PiiDetector detector) {
        this.detector = detector;
    }

    /** A linter using the standard PII detectors, the same ones the SDK and ingestion run. */
    public static RegistryLinter standard() {
        return new RegistryLinter(PiiDetectors.standard());
    }

    /** A linter with other detectors, for tests. */
    public static RegistryLinter using(PiiDetector detector) {
        return new RegistryLinter(Objects.requireNonNull(detector, "detector"));
    }

    /**
     * The problems of one metric file, in field order; empty when the file passes.
     *
     * @param file   how problems name the file, normally its path ({@code metrics/pulp/workers.processes.yaml})
     * @param fields the parsed file: field name to scalar, list or map
     */
    public List<LintProblem> lint(String file, Map<String, ?> fields) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fields, "fields");
        Problems problems = new Problems(file);
        for (String field : fields.keySet()) {
            if (!RegistryFields.ALL.contains(field)) {
                problems.add(field, "unknown field (known fields: " + String.join(", ", RegistryFields.ALL) + ")");
            }
        }
        checkName(file, fields, problems);
        MetricType type = checkType(fields, problems);
        checkRange(fields, type, problems);
        checkAllowedValues(fields, type, problems);
        for (String field : ALWAYS_REQUIRED) {
            requireAnswer(fields, field, problems);
        }
        checkExample(fields, problems);
        checkGathering(fields, problems);
        checkPii(fields, problems);
        checkStatus(fields, problems);
        problems.list.sort(Comparator.comparingInt(p -> fieldOrder(p.field())));
        return List.copyOf(problems.list);
    }

    /** Problems come in the order {@code metrics new} writes the fields; unknown fields last. */
    private static int fieldOrder(String field) {
        int index = RegistryFields.ALL.indexOf(field);
        return index < 0 ? RegistryFields.ALL.size() : index;
    }

    private static void checkName(String file, Map<String, ?> fields, Problems problems) {
        String name = text(fields.get(RegistryFields.NAME));
        if (unanswered(name)) {
            problems.unanswered(RegistryFields.NAME);
            return;
        }
        try {
            WireRules.requireMetricName(name, RegistryFields.NAME);
        } catch (IllegalArgumentException e) {
            problems.add(RegistryFields.NAME, "metric names are lowercase dotted words such as workers.processes");
            return;
        }
        String fileName = file.replace('\\', '/').substring(file.replace('\\', '/').lastIndexOf('/') + 1);
        if (fileName.endsWith(".yaml") || fileName.endsWith(".yml")) {
            String stem = fileName.substring(0, fileName.lastIndexOf('.'));
            if (!stem.equals(name)) {
                problems.add(RegistryFields.NAME, "the file of metric " + name + " must be named " + name + ".yaml");
            }
        }
    }

    private static MetricType checkType(Map<String, ?> fields, Problems problems) {
        String type = text(fields.get(RegistryFields.TYPE));
        if (unanswered(type)) {
            problems.unanswered(RegistryFields.TYPE);
            return null;
        }
        MetricType parsed = MetricType.fromWire(type);
        if (parsed == null) {
            problems.add(RegistryFields.TYPE, "unknown type '" + type + "' (count, gauge, enum, boolean or version)");
        } else if (parsed.numeric() && unanswered(text(fields.get(RegistryFields.UNIT)))) {
            problems.add(RegistryFields.UNIT, "a " + type + " needs a unit, such as processes or MiB");
        }
        return parsed;
    }

    /**
     * A range only on a count or gauge, its bounds numbers within ±2^53, a count's never negative,
     * min not above max (declared or default), and the example's value inside it.
     */
    private static void checkRange(Map<String, ?> fields, MetricType type, Problems problems) {
        Double min = bound(fields, RegistryFields.MIN, problems);
        Double max = bound(fields, RegistryFields.MAX, problems);
        if (type == null || unusable(min) || unusable(max)) {
            return;
        }
        if (!type.numeric()) {
            if (min != null) {
                problems.add(RegistryFields.MIN, "only a count or gauge has a range, not a " + type.wireName());
            }
            if (max != null) {
                problems.add(RegistryFields.MAX, "only a count or gauge has a range, not a " + type.wireName());
            }
            return;
        }
        if (type == MetricType.COUNT && min != null && min < 0) {
            problems.add(RegistryFields.MIN, "a count is never negative, so min must be at least 0");
            return;
        }
        ValueRange defaults = type.defaultRange();
        double low = min == null ? defaults.min() : min;
        double high = max == null ? defaults.max() : max;
        if (low > high) {
            if (max == null) {
                problems.add(RegistryFields.MIN, "min " + ValueRange.plain(low) + " is above a " + type.wireName()
                        + "'s default max " + ValueRange.plain(high));
            } else if (min == null) {
                problems.add(RegistryFields.MAX, "max " + ValueRange.plain(high) + " is below a " + type.wireName()
                        + "'s default min " + ValueRange.plain(low));
            } else {
                problems.add(RegistryFields.MIN, "min " + ValueRange.plain(low) + " is above max " + ValueRange.plain(high));
            }
            return;
        }
        ValueRange range = new ValueRange(low, high);
        Double example = exampleNumber(fields.get(RegistryFields.EXAMPLE), text(fields.get(RegistryFields.NAME)));
        if (example != null && !range.contains(example)) {
            problems.add(RegistryFields.EXAMPLE, "the example's value " + ValueRange.plain(example) + " is outside the range "
                    + range + (min == null && max == null ? ", the default for a " + type.wireName() : ""));
        }
    }

    private static boolean unusable(Double bound) {
        return bound != null && bound.isNaN();
    }

    /** A declared bound, {@code null} when absent, NaN (with a problem added) when it is not a usable number. */
    private static Double bound(Map<String, ?> fields, String field, Problems problems) {
        try {
            return ValueRange.bound(fields.get(field), field);
        } catch (IllegalArgumentException e) {
            problems.add(field, e.getMessage().substring(field.length() + 1).strip());
            return Double.NaN;
        }
    }

    /** The number an example gives for the metric: {@code {workers.processes: 4}}, or a bare number; null when it gives none. */
    private static Double exampleNumber(Object example, String name) {
        Object value = example instanceof Map<?, ?> map ? map.get(name) : example;
        double number;
        if (value instanceof Number given) {
            number = given.doubleValue();
        } else if (value instanceof String text) {
            try {
                number = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(number) ? number : null;
    }

    private void checkAllowedValues(Map<String, ?> fields, MetricType type, Problems problems) {
        Object raw = fields.get(RegistryFields.ALLOWED_VALUES);
        List<String> values = Governance.strings(raw);
        if (raw != null && !(raw instanceof List<?>)) {
            problems.add(RegistryFields.ALLOWED_VALUES, "must be a list of values");
        }
        if (type == MetricType.ENUM && values.isEmpty()) {
            problems.add(RegistryFields.ALLOWED_VALUES, "an enum needs its allowed values");
        }
        if (type != null && type != MetricType.ENUM && !values.isEmpty()) {
            problems.add(RegistryFields.ALLOWED_VALUES, "only an enum has allowed values");
        }
        for (String value : values) {
            try {
                WireRules.requireShortText(value, RegistryFields.ALLOWED_VALUES);
            } catch (IllegalArgumentException e) {
                problems.add(RegistryFields.ALLOWED_VALUES, "'" + value + "' is not 1-" + WireRules.MAX_TEXT + " characters");
            }
            detector.scan(value).ifPresent(f -> problems.add(RegistryFields.ALLOWED_VALUES, tripped(value, f)));
        }
    }

    private void checkExample(Map<String, ?> fields, Problems problems) {
        Object example = fields.get(RegistryFields.EXAMPLE);
        if (unanswered(text(example))) {
            return;
        }
        List<String> texts = new ArrayList<>();
        collectText(example, texts);
        for (String text : texts) {
            Optional<PiiFinding> finding = detector.scan(text);
            if (finding.isPresent()) {
                problems.add(RegistryFields.EXAMPLE, tripped(text, finding.get()));
                return;
            }
        }
    }

    private static void checkGathering(Map<String, ?> fields, Problems problems) {
        String gathering = text(fields.get(RegistryFields.GATHERING));
        if (unanswered(gathering)) {
            problems.unanswered(RegistryFields.GATHERING);
        } else if (Gathering.fromWire(gathering.toLowerCase(Locale.ROOT)) == null) {
            problems.add(RegistryFields.GATHERING, "must be runtime or database, not '" + gathering + "'");
        }
    }

    private static void checkPii(Map<String, ?> fields, Problems problems) {
        Object pii = fields.get(RegistryFields.PII);
        if (pii == null || unanswered(text(pii))) {
            problems.unanswered(RegistryFields.PII);
            return;
        }
        Boolean answer = Governance.bool(pii);
        if (answer == null) {
            problems.add(RegistryFields.PII, "must be true or false, not '" + text(pii) + "'");
        } else if (answer && unanswered(text(fields.get(RegistryFields.SANITIZATION)))) {
            problems.add(RegistryFields.SANITIZATION, "personal data needs an answer to: how can we sanitize this output?");
        }
    }

    private static void checkStatus(Map<String, ?> fields, Problems problems) {
        String statusText = text(fields.get(RegistryFields.STATUS));
        if (unanswered(statusText)) {
            problems.unanswered(RegistryFields.STATUS);
            return;
        }
        MetricStatus status = MetricStatus.fromWire(statusText);
        if (status == null) {
            problems.add(RegistryFields.STATUS, "unknown status '" + statusText + "' (proposed, approved, rejected or retired)");
            return;
        }
        if (status == MetricStatus.PROPOSED) {
            return;
        }
        String link = text(fields.get(RegistryFields.DECISION_LINK));
        if (unanswered(link)) {
            problems.add(RegistryFields.DECISION_LINK, "a metric that is " + statusText + " needs the link where that was decided");
        } else if (!isWebLink(link)) {
            problems.add(RegistryFields.DECISION_LINK, "must be an http(s) link, not '" + link + "'");
        }
        if (unanswered(text(fields.get(RegistryFields.DISCUSSION)))) {
            problems.add(RegistryFields.DISCUSSION, "a metric that is " + statusText + " needs its discussion notes");
        }
        if (status == MetricStatus.APPROVED && unanswered(text(fields.get(RegistryFields.INTRODUCED_BY)))) {
            problems.add(RegistryFields.INTRODUCED_BY, "an approved metric needs the commit or change that introduced it");
        }
    }

    private static void requireAnswer(Map<String, ?> fields, String field, Problems problems) {
        Object value = fields.get(field);
        boolean answered = value instanceof List<?> list
                ? Governance.strings(list).stream().anyMatch(item -> !unanswered(item))
                : !unanswered(text(value));
        if (!answered) {
            problems.unanswered(field);
        }
    }

    private static void collectText(Object value, List<String> out) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.add(String.valueOf(entry.getKey()));
                collectText(entry.getValue(), out);
            }
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> collectText(item, out));
        } else if (value != null) {
            out.add(value.toString());
        }
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = new URI(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String tripped(String text, PiiFinding finding) {
        return "'" + finding.matchIn(text) + "' looks like " + finding.kind().description()
                + "; use a made-up value of the right shape, never real personal data";
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            List<String> texts = new ArrayList<>();
            collectText(value, texts);
            return String.join(" ", texts).strip();
        }
        return Governance.string(value);
    }

    private static boolean unanswered(String text) {
        return text == null || PLACEHOLDER.matcher(text).matches();
    }

    /** Collects problems of one file. */
    private static final class Problems {
        private final String file;
        private final List<LintProblem> list = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        void add(String field, String message) {
            list.add(new LintProblem(file, field, message));
        }

        void unanswered(String field) {
            add(field, "unanswered: " + MetricTemplate.questionOf(field));
        }
    }
}
