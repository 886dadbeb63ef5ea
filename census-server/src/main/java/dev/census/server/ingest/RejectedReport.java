package dev.census.server.ingest;

/** A report refused as a whole: the HTTP status, a problem type slug, the field at fault and why. */
public final class RejectedReport extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String field;

    public RejectedReport(int status, String type, String field, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    public int status() {
        return status;
    }

    /** A short slug naming the kind of problem, e.g. {@code malformed-json}; also the statistics key. */
    public String type() {
        return type;
    }

    /** The JSON path of the offending field, or {@code null} when the body as a whole is at fault. */
    public String field() {
        return field;
    }
}
