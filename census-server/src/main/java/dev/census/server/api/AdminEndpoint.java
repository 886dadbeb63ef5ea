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
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token-protected operations: run summarization now (answering the days written and those that
 * failed), and ingestion and summary statistics; {@link AdminGate} decides who may call them.
 */
public final class AdminEndpoint {

    private final AdminGate gate;
    private final Summarizer summarizer;
    private final DailyJobs jobs;
    private final Ingestion ingestion;
    private final Clock clock;

    /** {@code gate} admits the token's holder; {@code clock} bounds the days asked for. */
    public AdminEndpoint(AdminGate gate, Summarizer summarizer, DailyJobs jobs, Ingestion ingestion, Clock clock) {
        this.gate = gate;
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

    /**
     * Answers 409 while the daily jobs run on another replica (or for another request); 200 with
     * {@code failed} listing the product days that could not be summarized, while the others were.
     */
    private void summarize(Context ctx) {
        gate.admit(ctx);
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
        return Json.object("product", failure.product(), "day", failure.day(), "error", failure.error(), "at", failure.at());
    }

    private void stats(Context ctx) {
        gate.admit(ctx);
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
}
