package dev.census.protocol;

import java.util.UUID;
import java.util.regex.Pattern;

/** The limits and name rules of Census JSON v1, shared by the SDK and the server. */
public final class WireRules {

    /** The schema number of Census JSON v1. */
    public static final int SCHEMA = 1;
    /** Largest accepted request body, before or after gzip: one report is a few hundred bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Components per report: Pulp installations run a dozen plugins at most. */
    public static final int MAX_COMPONENTS = 100;
    /** Metrics per report. */
    public static final int MAX_METRICS = 200;
    /** Longest string value, component name or version. */
    public static final int MAX_TEXT = 64;

    private static final Pattern PRODUCT = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+!-]*");
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private WireRules() {
    }

    /**
     * Checks a product name: 1-40 lowercase letters, digits or '-', starting with a letter.
     *
     * @param product the name
     * @param field the field named in the exception
     * @return the value, unchanged
     * @throws InvalidReportException when it breaks the rule
     */
    public static String requireProduct(String product, String field) {
        require(product != null && PRODUCT.matcher(product).matches(), field,
                "must be 1-40 lowercase letters, digits or '-', starting with a letter");
        return product;
    }

    /**
     * Checks a metric name: lowercase dotted words such as {@code workers.processes}.
     *
     * @param name the name
     * @param field the field named in the exception
     * @return the value, unchanged
     * @throws InvalidReportException when it breaks the rule
     */
    public static String requireMetricName(String name, String field) {
        require(name != null && name.length() <= MAX_TEXT && METRIC.matcher(name).matches(), field,
                "metric names are lowercase dotted words such as workers.processes");
        return name;
    }

    /**
     * Checks a component name: 1-64 letters, digits or {@code _.+-}.
     *
     * @param name the name
     * @param field the field named in the exception
     * @return the value, unchanged
     * @throws InvalidReportException when it breaks the rule
     */
    public static String requireComponentName(String name, String field) {
        require(name != null && name.length() <= MAX_TEXT && COMPONENT.matcher(name).matches(), field,
                "must be 1-" + MAX_TEXT + " letters, digits or '_.+-'");
        return name;
    }

    /**
     * Checks a version: 1-64 letters, digits or {@code _.+!-}.
     *
     * @param version the version
     * @param field the field named in the exception
     * @return the value, unchanged
     * @throws InvalidReportException when it breaks the rule
     */
    public static String requireVersion(String version, String field) {
        require(version != null && version.length() <= MAX_TEXT && VERSION.matcher(version).matches(), field,
                "must be 1-" + MAX_TEXT + " letters, digits or '_.+!-'");
        return version;
    }

    /**
     * Checks a string value: 1-64 characters.
     *
     * @param text the value
     * @param field the field named in the exception
     * @return the value, unchanged
     * @throws InvalidReportException when it breaks the rule
     */
    public static String requireShortText(String text, String field) {
        require(text != null && !text.isEmpty() && text.length() <= MAX_TEXT, field,
                "strings must be 1-" + MAX_TEXT + " characters");
        return text;
    }

    /**
     * Parses a system ID, which must be a UUID in canonical lowercase form.
     *
     * @param text the ID's text
     * @param field the field named in the exception
     * @return the ID
     * @throws InvalidReportException when it is not a canonical lowercase UUID
     */
    public static UUID requireSystemId(String text, String field) {
        require(text != null && CANONICAL_UUID.matcher(text).matches(), field,
                "must be a UUID in canonical lowercase form");
        return UUID.fromString(text);
    }

    private static void require(boolean condition, String field, String detail) {
        if (!condition) {
            throw new InvalidReportException(field, detail);
        }
    }
}
