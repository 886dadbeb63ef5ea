package dev.census.server.api;

import dev.census.server.ingest.Rejection;
import dev.census.server.publish.InvalidRangeException;
import dev.census.server.store.FailureLog;
import dev.census.server.store.StoreUnavailableException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to an RFC 9457 problem answer (a report's {@link Rejection} by the table of
 * {@link RejectionAnswers}); unexpected ones are logged and answered 500. A
 * client that hung up mid-request is no failure of the server: it is counted and logged at debug.
 */
public final class ErrorAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);
    /** The detail of every storage 503. */
    static final String STORAGE_UNAVAILABLE = "storage is unavailable; retry later";

    private ErrorAnswers() {
    }

    public static void register(RoutesConfig routes, MeterRegistry meters) {
        Counter aborted = Counter.builder("census.aborted.requests")
                .description("Requests whose client hung up before its body arrived").register(meters);
        routes.exception(EofException.class, (e, ctx) -> {
            aborted.increment();
            LOG.debug("the client of {} {} hung up before its request arrived: {}", ctx.method(), ctx.path(), e.toString());
            ctx.status(400);
        });
        routes.exception(Rejection.class, (e, ctx) -> RejectionAnswers.send(ctx, e));
        FailureLog readFailures = new FailureLog(LOG, "reading from storage");
        routes.exception(StoreUnavailableException.class, (e, ctx) -> {
            readFailures.failed(e.getMessage());
            storageUnavailable(ctx);
        });
        routes.exception(Problem.BadRequest.class, (e, ctx) ->
                Problem.send(ctx, 400, "bad-request", title(400), e.getMessage(), e.field()));
        routes.exception(InvalidRangeException.class, (e, ctx) ->
                Problem.send(ctx, 400, "bad-request", title(400), e.getMessage(), e.field()));
        routes.exception(Problem.NotFound.class, (e, ctx) ->
                Problem.send(ctx, 404, "not-found", title(404), e.getMessage(), null));
        routes.exception(dev.census.server.summary.JobBusyException.class, (e, ctx) ->
                Problem.send(ctx, 409, "job-running", title(409), e.getMessage(), null));
        routes.exception(AdminGate.Unauthorized.class, (e, ctx) ->
                Problem.send(ctx, 401, "unauthorized", title(401), e.getMessage(), null));
        routes.exception(AdminGate.Throttled.class, (e, ctx) ->
                RejectionAnswers.send(ctx, Rejection.Kind.RATE_LIMITED, e.getMessage(), null, e.retryAfterSeconds()));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                Problem.send(ctx, e.getStatus(), "http-" + e.getStatus(), title(e.getStatus()), e.getMessage(), null));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
            Problem.send(ctx, 500, "internal-error", "Internal error", "the server failed; see its log", null);
        });
        routes.error(404, "*", ctx -> {
            if (ctx.result() == null) {
                Problem.send(ctx, 404, "not-found", title(404), "no such resource: " + ctx.path(), null);
            }
        });
    }

    /**
     * The 503 of every storage failure: what failed stays in the server's log (paths, disk errors), the
     * client only learns to retry.
     */
    static void storageUnavailable(Context ctx) {
        RejectionAnswers.send(ctx, Rejection.Kind.STORAGE_UNAVAILABLE, STORAGE_UNAVAILABLE, null, 0);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable report";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> "Error";
        };
    }
}
