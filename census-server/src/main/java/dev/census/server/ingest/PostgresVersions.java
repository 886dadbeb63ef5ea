package dev.census.server.ingest;

/**
 * Formats libpq's {@code server_version} integer as people write it: {@code 150004} is {@code 15.4}
 * (PostgreSQL 10 and later: major * 10000 + minor), {@code 90605} is {@code 9.6.5} (before 10:
 * major * 10000 + minor * 100 + patch); {@code 0} means the client could not tell.
 */
final class PostgresVersions {

    /** What a version of 0, or none, is stored as; it rolls up to its own bucket. */
    static final String UNKNOWN = "unknown";

    private PostgresVersions() {
    }

    static String format(int serverVersion) {
        long version = Integer.toUnsignedLong(serverVersion);
        if (version == 0) {
            return UNKNOWN;
        }
        long major = version / 10_000;
        if (version >= 100_000) {
            return major + "." + version % 10_000;
        }
        return major + "." + version / 100 % 100 + "." + version % 100;
    }
}
