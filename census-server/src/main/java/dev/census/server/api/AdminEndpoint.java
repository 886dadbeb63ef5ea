package dev.census.server.api;

import dev.census.server.ingest.Ingestion;
import dev.census.server.summary.DailyJobs;
import dev.census.server.summary.Summarizer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Token-protected operations: run summarization now, and ingestion statistics. Without a
 * configured token these routes do not exist (404).
 */
public final class AdminEndpoint {

    private final String token;
    private final Summarizer summarizer;
    private final DailyJobs jobs;
    private final Ingestion ingestion;
    private final Clock clock;

    public AdminEndpoint(String token, Summarizer summarizer, DailyJobs jobs, Ingestion ingestion, Clock clock) {
        this.token = token;
        this.summarizer = summarizer;
        this.jobs = jobs;
        this.ingestion = ingestion;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.before("/api/v1/admin/*", ctx -> ctx.header("Cache-Control", "no-store"));
        routes.post("/api/v1/admin/summarize", this::summarize);
        routes.get("/api/v1/admin/stats", this::stats);
    }

    /** Answers 409 while the daily jobs run on another replica (or for another request). */
    private void summarize(Context ctx) {
        authorize(ctx);
        LocalDate from = QueryDays.parse(ctx, "from", clock);
        LocalDate to = QueryDays.parse(ctx, "to", clock);
        boolean recompute = Boolean.parseBoolean(ctx.queryParam("recompute"));
        Map<String, List<LocalDate>> written = from == null && to == null && !recompute
                ? jobs.runOnce()
                : summarizer.summarize(from, to, recompute);
        Json.send(ctx, 200, Map.of("summarized", written));
    }

    private void stats(Context ctx) {
        authorize(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", ingestion.stats().accepted());
        body.put("rejected", ingestion.stats().rejected());
        body.put("dropped", ingestion.stats().dropped());
        body.put("queue_depth", ingestion.queueDepth());
        body.put("retention_cutoff", jobs.retentionCutoff());
        Json.send(ctx, 200, body);
    }

    private void authorize(Context ctx) {
        if (token == null) {
            throw new Problem.NotFound("the admin API is disabled: start the server with --admin-token");
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
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
}
