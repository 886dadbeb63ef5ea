package dev.census.server.api;

import dev.census.protocol.registry.ProductDefinition;
import dev.census.server.ingest.Ingestion;
import dev.census.server.registry.Registry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Pulp compatibility: pulpcore posts its protobuf {@code Analytics} message to {@code /} with no
 * content type to rely on and treats only 200 as success. {@code POST /} and
 * {@code POST /api/v1/compat/pulp} take it for the server's one Pulp-compatible product,
 * {@code POST /api/v1/compat/pulp/{product}} for a named one. Answers as JSON ingestion does, except
 * that a stored report is 200: 400 with a problem body for bytes that are not an {@code Analytics}
 * message, 429 when rate limited, 503 when storage is unavailable.
 */
public final class PulpEndpoint {

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
        post.handle(ctx, 200, body -> ingestion.ingestPulp(product, body));
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
