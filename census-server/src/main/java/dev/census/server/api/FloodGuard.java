package dev.census.server.api;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate-limits report posts per client address with a token bucket (burst = one minute's allowance),
 * so one misbehaving host cannot flood ingestion. Addresses live only in this bounded in-memory
 * map — they are never stored — and the map starts over when it grows too large.
 */
public final class FloodGuard {

    /** Clients tracked at most before the map is cleared. */
    static final int MAX_CLIENTS = 100_000;

    private final double perMillisecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Allows {@code perMinute} posts per client and minute; 0 turns the guard off. */
    public FloodGuard(int perMinute, Clock clock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("perMinute must not be negative");
        }
        this.perMillisecond = perMinute / 60_000.0;
        this.burst = perMinute;
        this.clock = clock;
    }

    /** Zero when the client may post now, else the whole seconds until it may. */
    public long secondsToWait(String client) {
        if (burst == 0) {
            return 0;
        }
        if (buckets.size() >= MAX_CLIENTS) {
            buckets.clear();
        }
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * perMillisecond);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
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
