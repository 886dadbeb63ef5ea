package dev.census.server.api;

import dev.census.server.ingest.Rejection;
import dev.census.server.store.ReportStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** Liveness ({@code /healthz}), readiness with a database round trip ({@code /readyz}), Prometheus ({@code /metrics}). */
public final class HealthEndpoint {

    private final ReportStore store;
    private final PrometheusMeterRegistry prometheus;

    public HealthEndpoint(ReportStore store, PrometheusMeterRegistry prometheus) {
        this.store = store;
        this.prometheus = prometheus;
    }

    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> Json.send(ctx, 200, Map.of("status", "ok")));
        routes.get("/readyz", this::ready);
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(prometheus.scrape()));
    }

    private void ready(Context ctx) {
        try {
            store.countReports("");
            Json.send(ctx, 200, Map.of("status", "ready"));
        } catch (RuntimeException e) {
            RejectionAnswers.send(ctx, Rejection.Kind.STORAGE_UNAVAILABLE, e.getMessage(), null, 0);
        }
    }
}
