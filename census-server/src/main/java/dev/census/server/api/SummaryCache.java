package dev.census.server.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * Answers built from published summaries, which never change once a day is summarized: each is
 * kept until its stamp (the product's summary state) changes, sent with a strong ETag (CRC32C of
 * the body) and Cache-Control, and answered 304 when the client already holds it.
 */
public final class SummaryCache {

    /** Bytes of answers kept at most: a few hundred pages and series of the usual ranges. */
    public static final long DEFAULT_BYTES = 64L * 1024 * 1024;
    /** How long shared caches may reuse an answer without asking: summaries change at most once a day. */
    static final String CACHE_CONTROL = "public, max-age=300";

    /** A rendered answer, with any headers of its own (such as a Link to the next page). */
    public record Answer(String contentType, byte[] body, Map<String, String> headers) {

        public Answer(String contentType, byte[] body) {
            this(contentType, body, Map.of());
        }

        public static Answer text(String contentType, String body) {
            return new Answer(contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(contentType, body, Map.copyOf(more));
        }
    }

    private record Entry(String stamp, Answer answer, String etag) {
    }

    private final Clock clock;
    private final long capacityBytes;
    /** Least recently used first; guarded by itself, as is {@link #bytes}. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    public SummaryCache(Clock clock, long capacityBytes) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("capacityBytes must not be negative");
        }
        this.capacityBytes = capacityBytes;
    }

    /**
     * Sends the answer for this request, rendered only when no answer with the same stamp is kept.
     * A {@code null} stamp means the source cannot tell when it changes: the answer is rendered anew.
     */
    public void answer(Context ctx, String stamp, Supplier<Answer> render) {
        String key = key(ctx);
        Entry entry = stamp == null ? null : lookup(key, stamp);
        if (entry == null) {
            Answer answer = render.get();
            entry = new Entry(stamp, answer, etag(answer.body()));
            if (stamp != null) {
                keep(key, entry);
            }
        }
        entry.answer().headers().forEach(ctx::header);
        ctx.header("ETag", entry.etag());
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header("Vary", "Accept");
        if (matches(ctx.header("If-None-Match"), entry.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(entry.answer().contentType()).result(entry.answer().body());
    }

    private void keep(String key, Entry entry) {
        synchronized (entries) {
            Entry replaced = entries.put(key, entry);
            bytes += entry.answer().body().length - (replaced == null ? 0 : replaced.answer().body().length);
            var eldest = entries.values().iterator();
            while (bytes > capacityBytes && eldest.hasNext()) {
                bytes -= eldest.next().answer().body().length;
                eldest.remove();
            }
        }
    }

    private Entry lookup(String key, String stamp) {
        synchronized (entries) {
            Entry entry = entries.get(key);
            return entry != null && entry.stamp().equals(stamp) ? entry : null;
        }
    }

    /** The request as far as it chooses the answer: path, query, wanted format, and today (defaults follow the date). */
    private String key(Context ctx) {
        String query = ctx.queryString();
        return ctx.path() + (query == null ? "" : "?" + query) + "\n" + (SummariesEndpoint.wantsCsv(ctx) ? "csv" : "")
                + "\n" + LocalDate.now(clock);
    }

    static String etag(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return String.format(Locale.ROOT, "\"%08x-%x\"", crc.getValue(), body.length);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
