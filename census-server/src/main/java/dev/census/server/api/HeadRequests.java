package dev.census.server.api;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.util.Util;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * {@code HEAD} answered wherever {@code GET} is, by the same handler, so with the same status and
 * headers (Content-Type, ETag, Cache-Control…); Jetty sends no body for a HEAD. Javalin has no
 * setting for it, so the GET routes are copied once all are registered.
 */
public final class HeadRequests {

    private HeadRequests() {
    }

    /** Adds a HEAD route for every GET route of {@code app}; call after every route is registered. */
    public static void answerLikeGet(Javalin app) {
        for (ParsedEndpoint get : List.copyOf(app.unsafe.internalRouter.allHttpHandlers())) {
            if (get.endpoint.method == HandlerType.GET) {
                Handler handler = get.endpoint.handler;
                app.unsafe.internalRouter.addHttpEndpoint(new Endpoint(HandlerType.HEAD, get.endpoint.path, ctx -> {
                    handler.handle(ctx);
                    // Javalin derives the ETag of an answer without one for GET only: the same one here
                    if (ctx.res().getHeader("ETag") == null && ctx.resultInputStream() instanceof ByteArrayInputStream body) {
                        ctx.header("ETag", Util.INSTANCE.checksumAndReset(body));
                    }
                }));
            }
        }
    }
}
