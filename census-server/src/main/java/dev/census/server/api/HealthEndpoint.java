package dev.census.server.api;

import dev.census.server.ingest.Rejection;
import dev.census.server.store.ReportStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Liveness ({@code /healthz}), readiness: whether storage can commit ({@code /readyz}), Prometheus ({@code /metrics}). */
public final class HealthEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

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

    /** Ready while the store can commit: cheap while commits succeed, a throttled write probe after one failed. */
    private void ready(Context ctx) {
        try {
            store.ping();
            Json.send(ctx, 200, Map.of("status", "ready"));
        } catch (RuntimeException e) {
            LOG.debug("not ready: {}", e.getMessage());
            ErrorAnswers.storageUnavailable(ctx);
        }
    }
}
