package dev.census.server.api;

import dev.census.server.publish.SummaryCache;
import io.javalin.http.Context;
import java.util.function.Supplier;

/** Sends the API's cached answers: from a {@link SummaryCache}, with their ETag and caching headers, or 304. */
final class CachedAnswers {

    private final SummaryCache cache;

    CachedAnswers(SummaryCache cache) {
        this.cache = cache;
    }

    /**
     * Sends the answer for this request in the given format (rendered only when none with the same
     * stamp is kept) with its ETag and caching headers, or 304 when the client already holds it.
     */
    void send(Context ctx, String format, String stamp, Supplier<SummaryCache.Answer> render) {
        SummaryCache.Cached cached = cache.get(new SummaryCache.Request(ctx.path(), ctx.queryString(), format), stamp, render);
        cached.answer().headers().forEach(ctx::header);
        ctx.header("ETag", cached.etag());
        ctx.header("Cache-Control", SummaryCache.CACHE_CONTROL);
        ctx.header("Vary", "Accept");
        if (cached.heldBy(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(cached.answer().contentType()).result(cached.answer().body());
    }
}
