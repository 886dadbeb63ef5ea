package dev.census.server.api;

import dev.census.protocol.WireRules;
import dev.census.protocol.registry.ProductDefinition;
import dev.census.server.ingest.Dropped;
import dev.census.server.ingest.FloodGuard;
import dev.census.server.ingest.Ingestion;
import dev.census.server.ingest.RejectedReport;
import dev.census.server.registry.Registry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.GZIPInputStream;

/**
 * Pulp compatibility: pulpcore posts its protobuf {@code Analytics} message to {@code /} with no
 * content type to rely on and treats only 200 as success. {@code POST /} and
 * {@code POST /api/v1/compat/pulp} take it for the server's one Pulp-compatible product,
 * {@code POST /api/v1/compat/pulp/{product}} for a named one. Answers as JSON ingestion does, except
 * that a stored report is 200: 400 with a problem body for bytes that are not an {@code Analytics}
 * message, 429 when rate limited, 503 when storage is unavailable.
 */
public final class PulpEndpoint {

    private static final byte[] ACCEPTED_IN_FULL = "{\"accepted\":true,\"dropped\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Ingestion ingestion;
    private final FloodGuard floodGuard;
    private final Registry registry;

    public PulpEndpoint(Ingestion ingestion, FloodGuard floodGuard, Registry registry) {
        this.ingestion = ingestion;
        this.floodGuard = floodGuard;
        this.registry = registry;
    }

    public void register(RoutesConfig routes) {
        routes.post("/", ctx -> post(ctx, onlyPulpProduct()));
        routes.post("/api/v1/compat/pulp", ctx -> post(ctx, onlyPulpProduct()));
        routes.post("/api/v1/compat/pulp/{product}", ctx -> post(ctx, namedPulpProduct(ctx.pathParam("product"))));
    }

    private void post(Context ctx, String product) {
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
        CompletableFuture<List<Dropped>> committed = ingestion.ingestPulp(product, body);
        ctx.future(() -> committed.handle((dropped, failure) -> {
            if (failure == null && dropped.isEmpty()) {
                ctx.status(200).contentType("application/json").result(ACCEPTED_IN_FULL);
            } else if (failure == null) {
                Json.send(ctx, 200, Map.of("accepted", true, "dropped", dropped));
            } else {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                ctx.header("Retry-After", ReportsEndpoint.RETRY_AFTER_SECONDS);
                Problem.send(ctx, 503, "storage-unavailable", "Storage unavailable",
                        "the report could not be stored: " + cause.getMessage(), null);
            }
            return null;
        }));
    }

    /** The one product configured with {@code compat: pulp}; 404 when there is none, 400 when the choice is ambiguous. */
    private String onlyPulpProduct() {
        List<String> pulp = registry.products().stream().filter(ProductDefinition::pulpCompatible)
                .map(ProductDefinition::name).toList();
        if (pulp.isEmpty()) {
            throw new Problem.NotFound("no product on this server accepts Pulp's analytics (compat: pulp)");
        }
        if (pulp.size() > 1) {
            throw new Problem.BadRequest("product", "several products accept Pulp's analytics " + pulp
                    + "; post to /api/v1/compat/pulp/{product}");
        }
        return pulp.get(0);
    }

    private String namedPulpProduct(String name) {
        return registry.product(name).filter(ProductDefinition::pulpCompatible).map(ProductDefinition::name)
                .orElseThrow(() -> new Problem.NotFound("no Pulp-compatible product " + name));
    }

    /** The raw body, whatever its content type; gzip is undone when declared. */
    private static byte[] readBody(Context ctx) {
        if (ctx.contentLength() > WireRules.MAX_BODY_BYTES) {
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
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
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
}
