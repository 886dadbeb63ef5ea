package dev.census.server.api;

import dev.census.server.ingest.Ingestion;
import dev.census.server.publish.DayWindow;
import dev.census.server.summary.DailyJobs;
import dev.census.server.summary.Summarizer;
import dev.census.server.summary.SummaryFailure;
import dev.census.server.summary.SummaryHealth;
import dev.census.server.summary.SummaryRun;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token-protected operations: run summarization now (answering the days written and those that
 * failed), and ingestion and summary statistics. Without a configured token these routes do not
 * exist (404); a client address with too many failed attempts is answered 429 for a while,
 * whatever token it sends.
 */
public final class AdminEndpoint {

    /** Failed attempts one client address may make per minute (in a burst, then one every 6 s). */
    public static final int FAILURES_PER_MINUTE = 10;

    private final String token;
    private final Summarizer summarizer;
    private final DailyJobs jobs;
    private final Ingestion ingestion;
    private final FloodGuard failures;
    private final Clock clock;

    /** {@code failures} counts the failed attempts of each client address; {@code clock} bounds the days asked for. */
    public AdminEndpoint(String token, Summarizer summarizer, DailyJobs jobs, Ingestion ingestion, FloodGuard failures, Clock clock) {
        this.token = token;
        this.summarizer = summarizer;
        this.jobs = jobs;
        this.ingestion = ingestion;
        this.failures = failures;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.before("/api/v1/admin/*", ctx -> ctx.header("Cache-Control", "no-store"));
        routes.post("/api/v1/admin/summarize", this::summarize);
        routes.get("/api/v1/admin/stats", this::stats);
    }

    /**
     * Answers 409 while the daily jobs run on another replica (or for another request); 200 with
     * {@code failed} listing the product days that could not be summarized, while the others were.
     */
    private void summarize(Context ctx) {
        authorize(ctx);
        LocalDate from = DayWindow.parse("from", ctx.queryParam("from"), clock);
        LocalDate to = DayWindow.parse("to", ctx.queryParam("to"), clock);
        boolean recompute = Boolean.parseBoolean(ctx.queryParam("recompute"));
        SummaryRun run = from == null && to == null && !recompute
                ? jobs.runOnce()
                : summarizer.summarize(from, to, recompute);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summarized", run.summarized());
        body.put("failed", run.failed().stream().map(AdminEndpoint::failure).toList());
        Json.send(ctx, 200, body);
    }

    private static Map<String, Object> failure(SummaryFailure failure) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("product", failure.product());
        item.put("day", failure.day());
        item.put("error", failure.error());
        item.put("at", failure.at());
        return item;
    }

    private void stats(Context ctx) {
        authorize(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", ingestion.stats().accepted());
        body.put("rejected", ingestion.stats().rejected());
        body.put("dropped", ingestion.stats().dropped());
        body.put("queue_depth", ingestion.queueDepth());
        body.put("retention_cutoff", jobs.retentionCutoff());
        SummaryHealth health = summarizer.health();
        Map<String, Object> failures = new LinkedHashMap<>();
        failures.put("total", health.totalFailures());
        failures.put("by_product", health.failuresByProduct());
        failures.put("failing", health.failing().stream().map(AdminEndpoint::failure).toList());
        body.put("summary_failures", failures);
        body.put("summary_values_clipped", health.clipped());
        Json.send(ctx, 200, body);
    }

    private void authorize(Context ctx) {
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
