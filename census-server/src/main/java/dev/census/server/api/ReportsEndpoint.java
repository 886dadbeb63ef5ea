package dev.census.server.api;

import dev.census.protocol.InvalidReportException;
import dev.census.protocol.WireRules;
import dev.census.server.ingest.Dropped;
import dev.census.server.ingest.FloodGuard;
import dev.census.server.ingest.Ingestion;
import dev.census.server.ingest.RejectedReport;
import dev.census.server.registry.Registry;
import dev.census.server.store.ReportStore;
import dev.census.server.store.StoreUnavailableException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.GZIPInputStream;

/** {@code POST /api/v1/reports} (Census JSON v1) and {@code DELETE /api/v1/products/{p}/systems/{id}}. */
public final class ReportsEndpoint {

    /** Seconds a client should wait after a 503 before trying again. */
    static final String RETRY_AFTER_SECONDS = "5";

    /** The answer to nearly every report, written once. */
    private static final byte[] ACCEPTED_IN_FULL = "{\"accepted\":true,\"dropped\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Ingestion ingestion;
    private final FloodGuard floodGuard;
    private final ReportStore store;
    private final Registry registry;

    public ReportsEndpoint(Ingestion ingestion, FloodGuard floodGuard, ReportStore store, Registry registry) {
        this.ingestion = ingestion;
        this.floodGuard = floodGuard;
        this.store = store;
        this.registry = registry;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/reports", this::post);
        routes.delete("/api/v1/products/{product}/systems/{systemId}", this::delete);
    }

    private void post(Context ctx) {
        long wait = floodGuard.secondsToWait(ctx.ip());
        if (wait > 0) {
            ingestion.recordRejected("rate-limited");
            ctx.header("Retry-After", String.valueOf(wait));
            Problem.send(ctx, 429, "rate-limited", "Too many requests",
                    "this address posted more reports than the server accepts per minute", null);
            return;
        }
        byte[] body;
        try {
            body = readBody(ctx);
        } catch (RejectedReport e) {
            ingestion.recordRejected(e.type());
            throw e;
        }
        CompletableFuture<List<Dropped>> committed = ingestion.ingest(body);
        ctx.future(() -> committed.handle((dropped, failure) -> {
            if (failure == null && dropped.isEmpty()) {
                ctx.status(202).contentType("application/json").result(ACCEPTED_IN_FULL);
            } else if (failure == null) {
                Json.send(ctx, 202, Map.of("accepted", true, "dropped", dropped));
            } else {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                ctx.header("Retry-After", RETRY_AFTER_SECONDS);
                Problem.send(ctx, 503, "storage-unavailable", "Storage unavailable",
                        "the report could not be stored: " + cause.getMessage(), null);
            }
            return null;
        }));
    }

    private static byte[] readBody(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new RejectedReport(415, "unsupported-media-type", null, "reports must be sent as application/json");
        }
        long declared = ctx.contentLength();
        if (declared > WireRules.MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > WireRules.MAX_BODY_BYTES) {
            throw tooLarge();
        }
        String encoding = ctx.header("Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return raw;
        }
        if (!encoding.equalsIgnoreCase("gzip")) {
            throw new RejectedReport(415, "unsupported-media-type", null, "only gzip content encoding is accepted");
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > WireRules.MAX_BODY_BYTES) {
                    throw tooLarge();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new RejectedReport(400, "malformed-report", null, "the gzip body cannot be decompressed: " + e.getMessage());
        }
    }

    private static RejectedReport tooLarge() {
        return new RejectedReport(413, "too-large", null, "a report body may hold at most " + WireRules.MAX_BODY_BYTES + " bytes");
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
        try {
            store.deleteSystem(product, systemId);
        } catch (StoreUnavailableException e) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            throw e;
        }
        ctx.status(204);
    }
}
