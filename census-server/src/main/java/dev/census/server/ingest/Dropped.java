package dev.census.server.ingest;

/** A field removed from an accepted report, and why: answered in the 202 body and counted per reason. */
public record Dropped(String field, String reason) {

    public static final String UNKNOWN_METRIC = "unknown_metric";
    public static final String NOT_APPROVED = "not_approved";
    public static final String INVALID_VALUE = "invalid_value";
    /** A count or gauge outside the range its metric file declares (or its type's default). */
    public static final String OUT_OF_RANGE = "out_of_range";
}
