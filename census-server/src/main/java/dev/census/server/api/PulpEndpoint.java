package dev.census.server.api;

import dev.census.registry.ProductDefinition;
import dev.census.registry.Registry;
import dev.census.server.ingest.Ingestion;
import dev.census.server.ingest.Rejection;
import dev.census.server.ingest.Rejection.Kind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pulp compatibility: pulpcore posts its protobuf {@code Analytics} message to {@code /} as
 * {@code application/octet-stream} (or with no content type) and treats only 200 as success.
 * {@code POST /} and {@code POST /api/v1/compat/pulp} take it for the server's one Pulp-compatible
 * product, {@code POST /api/v1/compat/pulp/{product}} for a named one. Answers as JSON ingestion
 * does, except that a stored report is 200: 400 with a problem body for bytes that are not an
 * {@code Analytics} message, 429 when rate limited, 503 when storage is unavailable. What a web page
 * could make its visitors' browsers post without asking is refused: the form and text content types
 * (415) and any request carrying an {@code Origin} header (403), which browsers add to every
 * cross-origin post and pulpcore never sends.
 */
public final class PulpEndpoint {

    /** The content types a browser posts cross-origin without a preflight (the Fetch standard's CORS-safelisted ones). */
    private static final Set<String> BROWSER_SIMPLE_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");

    private final Ingestion ingestion;
    private final ReportPost post;
    private final Registry registry;

    public PulpEndpoint(Ingestion ingestion, FloodGuard floodGuard, Registry registry) {
        this.ingestion = ingestion;
        this.post = new ReportPost(ingestion, floodGuard);
        this.registry = registry;
    }

    public void register(RoutesConfig routes) {
        routes.post("/", ctx -> post(ctx, onlyPulpProduct()));
        routes.post("/api/v1/compat/pulp", ctx -> post(ctx, onlyPulpProduct()));
        routes.post("/api/v1/compat/pulp/{product}", ctx -> post(ctx, namedPulpProduct(ctx.pathParam("product"))));
    }

    private void post(Context ctx, String product) {
        refuseBrowsers(ctx);
        post.handle(ctx, 200, body -> ingestion.ingestPulp(product, body));
    }

    private void refuseBrowsers(Context ctx) {
        String contentType = ctx.header("Content-Type");
        if (contentType != null && BROWSER_SIMPLE_TYPES.contains(essence(contentType))) {
            ingestion.recordRejected(Kind.UNSUPPORTED_MEDIA_TYPE);
            throw new Rejection(Kind.UNSUPPORTED_MEDIA_TYPE, null,
                    "Pulp's analytics are posted as application/octet-stream (or with no content type), never as " + essence(contentType));
        }
        if (ctx.header("Origin") != null) {
            ingestion.recordRejected(Kind.CROSS_ORIGIN);
            throw new Rejection(Kind.CROSS_ORIGIN, null, "reports come from installations, not from web pages");
        }
    }

    /** A media type without its parameters, in lower case: {@code Text/Plain; charset=x} is {@code text/plain}. */
    private static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
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
}
