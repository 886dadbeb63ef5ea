package dev.census.server.store;

/** The database could not be reached or refused the work; callers answer 503 and try again later. */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
