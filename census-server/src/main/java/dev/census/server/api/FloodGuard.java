package dev.census.server.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Rate-limits what one client address may do per minute with a token bucket (burst = one minute's
 * allowance). Addresses live only in memory — never stored, never logged — each until a minute after
 * its last request (a bucket idle that long is full again, as good as new), at most
 * {@link #MAX_CLIENTS} of them: when full, Caffeine evicts the bucket least likely to be used again,
 * so a flood of new addresses cannot reset the buckets of clients that keep posting.
 */
public final class FloodGuard {

    /** Clients tracked at most; beyond, the bucket least likely to be used again is evicted, not all. */
    static final int MAX_CLIENTS = 100_000;
    /** After this long without a request a bucket has refilled completely, so forgetting it loses nothing. */
    static final Duration IDLE_EXPIRY = Duration.ofMinutes(1);

    private final double perMillisecond;
    private final double burst;
    private final Clock clock;
    private final ClientAddress clientAddress;
    private final Cache<String, Bucket> buckets;

    /** Allows {@code perMinute} posts per client and minute; 0 turns the guard off. */
    public FloodGuard(int perMinute, Clock clock) {
        this(perMinute, clock, ClientAddress.socketPeer());
    }

    /** As {@link #FloodGuard(int, Clock)}, telling clients apart by {@code clientAddress}. */
    public FloodGuard(int perMinute, Clock clock, ClientAddress clientAddress) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("perMinute must not be negative");
        }
        this.perMillisecond = perMinute / 60_000.0;
        this.burst = perMinute;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_CLIENTS)
                .expireAfterAccess(IDLE_EXPIRY)
                .ticker(() -> clock.millis() * 1_000_000L)
                // housekeeping on the calling thread: cheap, amortized, and deterministic under a test clock
                .executor(Runnable::run)
                // and on a timer, so an idle server forgets addresses too
                .scheduler(Scheduler.systemScheduler())
                .build();
    }

    /** Zero when the client may post now (and counts this post), else the whole seconds until it may. */
    public long secondsToWait(String client) {
        return wait(client, true);
    }

    /** {@link #secondsToWait(String)} for the request's client address. */
    long secondsToWait(Context ctx) {
        return wait(clientAddress.of(ctx), true);
    }

    /** Zero when the request's client has allowance left, else the whole seconds until it has; counts nothing. */
    long secondsBlocked(Context ctx) {
        return wait(clientAddress.of(ctx), false);
    }

    /** Clients currently tracked, after due evictions (for tests). */
    long clientsTracked() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private long wait(String client, boolean take) {
        if (burst == 0) {
            return 0;
        }
        long now = clock.millis();
        Bucket bucket = take ? buckets.get(client, c -> new Bucket(burst, now)) : buckets.getIfPresent(client);
        if (bucket == null) {
            return 0;
        }
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.updated) * perMillisecond);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                if (take) {
                    bucket.tokens -= 1;
                }
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perMillisecond / 1000.0);
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
