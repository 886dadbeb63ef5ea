package dev.census.registry;

import java.util.Objects;

/** One defect of a metric file: which file, which field, and what is wrong. */
public record LintProblem(String file, String field, String message) {

    public LintProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The one-line form {@code metrics lint} prints: {@code file:field: message}. */
    @Override
    public String toString() {
        return file + ":" + field + ": " + message;
    }
}
