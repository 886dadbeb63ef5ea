package dev.census.protocol;

/** A report that breaks the wire rules; names the offending field. */
public final class InvalidReportException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String detail;

    public InvalidReportException(String field, String detail) {
        super(field + ": " + detail);
        this.field = field;
        this.detail = detail;
    }

    /** The JSON path of the offending field, e.g. {@code system_id} or {@code components[].version}. */
    public String field() {
        return field;
    }

    /** What is wrong with it, without the field name. */
    public String detail() {
        return detail;
    }
}
