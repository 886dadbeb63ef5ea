package dev.census.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin sharing for the public read API only: any web page may GET (or HEAD) what is under
 * {@code /api/v1/} except the admin API, and preflights are approved for those methods alone. Posts,
 * deletions and admin requests carry no CORS header, so a browser never lets another site's script
 * make them or read their answers.
 */
public final class PublicReadCors {

    static final String ALLOWED_METHODS = "GET, HEAD";
    /** Request headers a page may send beyond the safelisted ones: conditional GETs. */
    static final String ALLOWED_HEADERS = "Accept, If-None-Match";
    static final String EXPOSED_HEADERS = "ETag, Link";
    /** Seconds a browser may remember an approved preflight. */
    static final String MAX_AGE_SECONDS = "86400";

    private static final Set<String> READS = Set.of("GET", "HEAD");

    private PublicReadCors() {
    }

    public static void register(RoutesConfig routes) {
        routes.before("/api/v1/*", ctx -> {
            if (isPublicRead(ctx.path()) && (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)) {
                ctx.header("Access-Control-Allow-Origin", "*");
                ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            }
        });
        routes.options("/api/v1/<path>", PublicReadCors::preflight);
    }

    /** Approves a preflight for a read of a public path; answers anything else without CORS headers. */
    private static void preflight(Context ctx) {
        String method = ctx.header("Access-Control-Request-Method");
        if (isPublicRead(ctx.path()) && method != null && READS.contains(method.trim().toUpperCase(Locale.ROOT))) {
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        }
        ctx.status(204);
    }

    static boolean isPublicRead(String path) {
        return path.startsWith("/api/v1/") && !path.startsWith("/api/v1/admin/") && !path.equals("/api/v1/admin");
    }
}
