package dev.census.server.publish;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * Answers rendered from published summaries, which never change once a day is summarized: each is
 * kept until its stamp (the product's summary state) changes, with a strong entity tag (CRC32C and
 * length of the body), up to a total of body bytes beyond which Caffeine evicts the answers least
 * likely to be asked for again. The faces send them with their HTTP headers.
 */
public final class SummaryCache {

    /** Bytes of answers kept at most: a few hundred pages and series of the usual ranges. */
    public static final long DEFAULT_BYTES = 64L * 1024 * 1024;
    /** How long shared caches may reuse an answer without asking: summaries change at most once a day. */
    public static final String CACHE_CONTROL = "public, max-age=300";

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

    /** A request as far as it chooses the answer: its path, its query (null when it has none) and the format it wants. */
    public record Request(String path, String query, String format) {

        public Request {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(format, "format");
        }
    }

    /** An answer as kept, with its strong entity tag. */
    public record Cached(Answer answer, String etag) {

        /** Whether a client holding these entity tags (an If-None-Match value; null for none) holds this answer already. */
        public boolean heldBy(String entityTags) {
            if (entityTags == null) {
                return false;
            }
            for (String candidate : entityTags.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The request and today: defaults (such as the range to yesterday) follow the date. */
    private record Key(Request request, LocalDate today) {
    }

    private record Entry(String stamp, Cached cached) {
    }

    private final Clock clock;
    private final Cache<Key, Entry> entries;

    public SummaryCache(Clock clock, long capacityBytes) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("capacityBytes must not be negative");
        }
        this.entries = Caffeine.newBuilder()
                .maximumWeight(capacityBytes)
                .weigher((Key key, Entry entry) -> entry.cached().answer().body().length)
                // eviction on the calling thread: cheap, amortized, and no pool thread to outlive the server
                .executor(Runnable::run)
                .build();
    }

    /**
     * The answer to this request, rendered only when no answer with the same stamp is kept. A
     * {@code null} stamp means the source cannot tell when it changes: the answer is rendered anew
     * and not kept.
     */
    public Cached get(Request request, String stamp, Supplier<Answer> render) {
        Key key = new Key(Objects.requireNonNull(request, "request"), LocalDate.now(clock));
        if (stamp != null) {
            Entry kept = entries.getIfPresent(key);
            if (kept != null && kept.stamp().equals(stamp)) {
                return kept.cached();
            }
        }
        Answer answer = render.get();
        Cached cached = new Cached(answer, etag(answer.body()));
        if (stamp != null) {
            entries.put(key, new Entry(stamp, cached));
        }
        return cached;
    }

    static String etag(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return String.format(Locale.ROOT, "\"%08x-%x\"", crc.getValue(), body.length);
    }
}
