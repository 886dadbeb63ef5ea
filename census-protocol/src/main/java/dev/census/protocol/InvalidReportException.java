package dev.census.protocol;

/** A report that breaks the wire rules; names the offending field. */
public final class InvalidReportException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The JSON path of the offending field. */
    private final String field;
    /** What is wrong with it. */
    private final String detail;

    /**
     * A report refused for one field.
     *
     * @param field the JSON path of the offending field
     * @param detail what is wrong with it, without the field name
     */
    public InvalidReportException(String field, String detail) {
        super(field + ": " + detail);
        this.field = field;
        this.detail = detail;
    }

    /**
     * The offending field.
     *
     * @return its JSON path, e.g. {@code system_id} or {@code components[].version}
     */
    public String field() {
        return field;
    }

    /**
     * What is wrong.
     *
     * @return what is wrong with the field, without its name
     */
    public String detail() {
        return detail;
    }
}
