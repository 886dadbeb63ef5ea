package dev.census.server.api;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.census.server.publish.SummaryCache;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Serves the OpenAPI 3.1 document of the public API, kept as {@code census/openapi.yaml}, as JSON at
 * {@code GET /api/v1/openapi.json}, with an ETag like the other registry-drawn answers.
 */
public final class OpenApiEndpoint {

    /** The document's source on the classpath; the contract test validates real answers against it. */
    public static final String RESOURCE = "/census/openapi.yaml";
    public static final String PATH = "/api/v1/openapi.json";

    private final byte[] json;
    private final CachedAnswers answers;

    public OpenApiEndpoint(Clock clock) {
        this.json = document();
        this.answers = new CachedAnswers(new SummaryCache(clock, 4L * json.length));
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> answers.send(ctx, "json", "document", () -> new SummaryCache.Answer("application/json", json)));
    }

    /** The document as JSON bytes; fails at start-up, never on a request, when the resource is missing or broken. */
    static byte[] document() {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the classpath");
            }
            return Json.MAPPER.writeValueAsBytes(Json.MAPPER.readTree(new YAMLFactory().createParser(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + RESOURCE, e);
        }
    }
}
