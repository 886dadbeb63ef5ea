package dev.census.server.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

/**
 * The admin API's door: the bearer token compared in constant time, and a client address with too
 * many failed attempts answered 429 for a while, whatever token it sends. Without a configured
 * token the admin routes do not exist (404).
 */
public final class AdminGate {

    /** Failed attempts one client address may make per minute (in a burst, then one every 6 s). */
    public static final int FAILURES_PER_MINUTE = 10;

    private final String token;
    private final FloodGuard failures;

    /** {@code token} null turns the admin API off; {@code clientAddress} names who failed. */
    public AdminGate(String token, Clock clock, ClientAddress clientAddress) {
        this.token = token;
        this.failures = new FloodGuard(FAILURES_PER_MINUTE, clock, clientAddress);
    }

    /** Returns when the request carries the token; throws the 404, 401 or 429 to answer otherwise. */
    public void admit(Context ctx) {
        if (token == null) {
            throw new Problem.NotFound("the admin API is disabled: start the server with --admin-token");
        }
        long blocked = failures.secondsBlocked(ctx);
        if (blocked > 0) {
            throw new Throttled(blocked);
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            failures.secondsToWait(ctx);
            ctx.header("WWW-Authenticate", "Bearer realm=\"census-admin\"");
            throw new Unauthorized();
        }
    }

    /** A missing or wrong admin token. */
    static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorized() {
            super("a valid admin token is required (Authorization: Bearer <token>)");
        }
    }

    /** Too many failed attempts from one client address: refused, right token or not, for a while. */
    static final class Throttled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("too many failed admin attempts from this address; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
