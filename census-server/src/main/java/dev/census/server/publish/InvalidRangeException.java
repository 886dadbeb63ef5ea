package dev.census.server.publish;

import java.util.Objects;

/** A request's days or channel that no published range can be read for; each face answers it as a bad request. */
public final class InvalidRangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String field;

    InvalidRangeException(String field, String detail) {
        super(detail);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The query parameter at fault. */
    public String field() {
        return field;
    }
}
