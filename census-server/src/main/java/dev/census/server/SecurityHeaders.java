package dev.census.server;

import io.javalin.config.RoutesConfig;

/**
 * Headers on every answer that tell browsers what the pages need and nothing more: scripts, styles
 * and data from this server only (no inline script, no plugin, no foreign form target), never inside
 * another site's frame, no MIME sniffing, and no referrer sent onwards.
 */
final class SecurityHeaders {

    /** The dashboard runs only its own static scripts; its inline script elements are JSON data blocks. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void register(RoutesConfig routes) {
        routes.before(ctx -> {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
        });
    }
}
