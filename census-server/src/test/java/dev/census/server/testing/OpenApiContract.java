package dev.census.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import dev.census.server.api.OpenApiEndpoint;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The server's OpenAPI document as a checker: each real answer is matched to its documented path,
 * method, status, headers and media type and its body validated against the schema (networknt's
 * JSON Schema validator, OpenAPI 3.1 dialect); what was exercised is recorded so a test can demand
 * that every documented operation, status and media type was seen at least once.
 */
public final class OpenApiContract {

    /** The document's base IRI inside the schema registry; nothing is fetched from it. */
    private static final String DOCUMENT_IRI = "https://census.dev/api/v1/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final String json;
    private final List<Route> routes = new ArrayList<>();
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final Set<String> exercised = ConcurrentHashMap.newKeySet();

    /** A documented path: its template, a pattern matching request paths, and how many parameters it has. */
    private record Route(String template, Pattern pattern, int parameters) {
    }

    private OpenApiContract(JsonNode document) {
        this.document = document;
        try {
            this.json = JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.path("paths").fieldNames().forEachRemaining(template -> {
            String regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            routes.add(new Route(template, Pattern.compile(regex), template.split("\\{", -1).length - 1));
        });
        routes.sort(Comparator.comparingInt(Route::parameters));
        this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), registry -> registry
                .schemas(Map.of(DOCUMENT_IRI, json))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The document bundled with the server (the resource {@code GET /api/v1/openapi.json} serves). */
    public static OpenApiContract bundled() {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(OpenApiEndpoint.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OpenApiEndpoint.RESOURCE + " is missing");
            }
            return new OpenApiContract(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** What swagger-parser finds wrong with the document as OpenAPI 3.1 (empty when it is sound). */
    public List<String> documentProblems() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        List<String> problems = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
        if (result.getOpenAPI() == null) {
            problems.add("not parsed as OpenAPI");
        } else if (!result.getOpenAPI().getOpenapi().startsWith("3.1.")) {
            problems.add("not OpenAPI 3.1: " + result.getOpenAPI().getOpenapi());
        }
        return problems;
    }

    /** The documented path template a request path falls under, if any (literal paths before templated ones). */
    public Optional<String> template(String rawPath) {
        return routes.stream().filter(route -> route.pattern().matcher(rawPath).matches()).map(Route::template).findFirst();
    }

    /** Whether the document has this operation ({@code method} in any case, {@code template} as written in the document). */
    public boolean documents(String method, String template) {
        return document.path("paths").path(template).has(method.toLowerCase(Locale.ROOT));
    }

    /**
     * Every way this answer breaks the contract (empty when it keeps it): an undocumented path,
     * method, status or media type, a missing or malformed documented header, a body the schema
     * refuses, a body where none is documented. An answer that keeps the contract counts as
     * exercising its operation, status and media type.
     */
    public List<String> check(String method, URI uri, int status, HttpHeaders headers, byte[] body) {
        String verb = method.toLowerCase(Locale.ROOT);
        String what = method + " " + uri.getRawPath() + " -> " + status + ": ";
        Optional<String> template = template(uri.getRawPath());
        if (template.isEmpty()) {
            return List.of(what + "undocumented path");
        }
        JsonNode operation = document.path("paths").path(template.get()).path(verb);
        if (operation.isMissingNode()) {
            return List.of(what + "undocumented method for " + template.get());
        }
        String operationId = operation.path("operationId").asText(verb + " " + template.get());
        String responsePointer = "/paths/" + escape(template.get()) + "/" + verb + "/responses/" + status;
        JsonNode response = operation.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            return List.of(what + "undocumented status for " + operationId);
        }
        while (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        List<String> violations = new ArrayList<>();
        checkHeaders(what, response, responsePointer, headers, violations);
        if (headers.firstValue("Content-Encoding").filter(encoding -> encoding.equalsIgnoreCase("gzip")).isPresent()) {
            body = gunzip(body);
        }
        JsonNode content = response.path("content");
        String mediaType = headers.firstValue("Content-Type").map(OpenApiContract::mediaType).orElse(null);
        if (content.isMissingNode() || content.isEmpty()) {
            if (body.length > 0) {
                violations.add(what + "a body where the document has none");
            }
            return exercised(violations, key(operationId, status, null));
        }
        if (mediaType == null || !content.has(mediaType)) {
            violations.add(what + "undocumented media type " + mediaType + " (documented: " + names(content) + ")");
            return violations;
        }
        JsonNode schema = content.path(mediaType).path("schema");
        if (!schema.isMissingNode() && isJson(mediaType)) {
            JsonNode instance;
            try {
                instance = JSON.readTree(body);
            } catch (IOException e) {
                violations.add(what + "the body is not JSON: " + e.getMessage());
                return violations;
            }
            String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
            schema(schemaPointer).validate(instance)
                    .forEach(error -> violations.add(what + "body " + error.getInstanceLocation() + ": " + error.getMessage()));
        }
        return exercised(violations, key(operationId, status, mediaType));
    }

    /** Counts the answer as exercising its operation, status and media type when it kept the contract. */
    private List<String> exercised(List<String> violations, String key) {
        if (violations.isEmpty()) {
            exercised.add(key);
        }
        return violations;
    }

    /** Every violation of this request body against the operation's documented request schema (JSON only). */
    public List<String> checkRequestBody(String method, String rawPath, String mediaType, byte[] body) {
        String template = template(rawPath).orElseThrow(() -> new IllegalArgumentException("undocumented path " + rawPath));
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/requestBody";
        JsonNode requestBody = document.at(pointer);
        while (requestBody.has("$ref")) {
            pointer = requestBody.get("$ref").asText().substring(1);
            requestBody = document.at(pointer);
        }
        if (!requestBody.path("content").has(mediaType)) {
            return List.of(method + " " + rawPath + ": undocumented request media type " + mediaType);
        }
        try {
            JsonNode instance = JSON.readTree(body);
            List<String> violations = new ArrayList<>();
            schema(pointer + "/content/" + escape(mediaType) + "/schema").validate(instance)
                    .forEach(error -> violations.add("request " + error.getInstanceLocation() + ": " + error.getMessage()));
            return violations;
        } catch (IOException e) {
            return List.of("request body is not JSON: " + e.getMessage());
        }
    }

    private void checkHeaders(String what, JsonNode response, String responsePointer, HttpHeaders headers, List<String> violations) {
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String pointer = responsePointer + "/headers/" + escape(entry.getKey());
            JsonNode header = entry.getValue();
            while (header.has("$ref")) {
                pointer = header.get("$ref").asText().substring(1);
                header = document.at(pointer);
            }
            Optional<String> value = headers.firstValue(entry.getKey());
            if (value.isEmpty()) {
                if (header.path("required").asBoolean(false)) {
                    violations.add(what + "missing header " + entry.getKey());
                }
                continue;
            }
            if (header.has("schema")) {
                schema(pointer + "/schema").validate(TextNode.valueOf(value.get())).forEach(error ->
                        violations.add(what + "header " + entry.getKey() + " '" + value.get() + "': " + error.getMessage()));
            }
        }
    }

    private Schema schema(String pointer) {
        return compiled.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + fragment(p))));
    }

    /** Every documented operation, status and media type, as {@code operationId status [media type]}. */
    public Set<String> documented() {
        Set<String> all = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String operationId = op.getValue().path("operationId").asText(op.getKey() + " " + path.getKey());
            op.getValue().path("responses").fields().forEachRemaining(answer -> {
                JsonNode response = answer.getValue();
                while (response.has("$ref")) {
                    response = document.at(response.get("$ref").asText().substring(1));
                }
                int status = Integer.parseInt(answer.getKey());
                if (response.path("content").isEmpty()) {
                    all.add(key(operationId, status, null));
                } else {
                    response.path("content").fieldNames().forEachRemaining(media -> all.add(key(operationId, status, media)));
                }
            });
        }));
        return all;
    }

    /** What {@link #check} has seen so far, in the same form as {@link #documented()}. */
    public Set<String> exercised() {
        return new TreeSet<>(exercised);
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("a gzip answer that cannot be decompressed", e);
        }
    }

    private static String key(String operationId, int status, String mediaType) {
        return operationId + " " + status + (mediaType == null ? "" : " " + mediaType);
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** The media type of a Content-Type header: no parameters, lower case. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** One JSON Pointer reference token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON Pointer as a URI fragment: characters outside RFC 3986 pchar are percent-encoded. */
    private static String fragment(String pointer) {
        StringBuilder out = new StringBuilder();
        for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
