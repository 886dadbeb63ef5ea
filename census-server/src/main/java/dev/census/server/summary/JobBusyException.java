package dev.census.server.summary;

/** The daily jobs are running elsewhere (another replica, or another request) right now. */
public final class JobBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JobBusyException(String job) {
        super("the " + job + " job is running on another replica or request; try again when it has finished");
    }
}
