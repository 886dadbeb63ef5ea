package dev.census.server.api;

import dev.census.protocol.InvalidReportException;
import dev.census.protocol.WireRules;
import dev.census.registry.Registry;
import dev.census.server.ingest.Ingestion;
import dev.census.server.ingest.Rejection;
import dev.census.server.ingest.Rejection.Kind;
import dev.census.server.store.ReportWriter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.UUID;

/** {@code POST /api/v1/reports} (Census JSON v1) and {@code DELETE /api/v1/products/{p}/systems/{id}}. */
public final class ReportsEndpoint {

    /** The server reads no request body beyond this; larger declared bodies are refused unread. */
    public static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final Ingestion ingestion;
    private final ReportPost post;
    private final ReportWriter store;
    private final Registry registry;

    public ReportsEndpoint(Ingestion ingestion, FloodGuard floodGuard, ReportWriter store, Registry registry) {
        this.ingestion = ingestion;
        this.post = new ReportPost(ingestion, floodGuard);
        this.store = store;
        this.registry = registry;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/reports", this::post);
        routes.delete("/api/v1/products/{product}/systems/{systemId}", this::delete);
    }

    private void post(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            ingestion.recordRejected(Kind.UNSUPPORTED_MEDIA_TYPE);
            throw new Rejection(Kind.UNSUPPORTED_MEDIA_TYPE, null, "reports must be sent as application/json");
        }
        post.handle(ctx, 202, ingestion::ingest);
    }

    private void delete(Context ctx) {
        String product = ctx.pathParam("product");
        if (registry.product(product).isEmpty()) {
            throw new Problem.NotFound("unknown product " + product);
        }
        UUID systemId;
        try {
            systemId = WireRules.requireSystemId(ctx.pathParam("systemId"), "system_id");
        } catch (InvalidReportException e) {
            throw new Problem.BadRequest("system_id", e.detail());
        }
        store.deleteSystem(product, systemId); // a StoreUnavailableException is answered 503 by ErrorAnswers
        ctx.status(204);
    }
}
