package dev.census.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** Talks real HTTP to a Census server on loopback, the way any client would. */
public final class CensusClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public CensusClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> postReport(String json) {
        return send(reportRequest(json.getBytes(StandardCharsets.UTF_8), "application/json").build());
    }

    public CompletableFuture<HttpResponse<String>> postReportAsync(String json) {
        return http.sendAsync(reportRequest(json.getBytes(StandardCharsets.UTF_8), "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpRequest.Builder reportRequest(byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/reports"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    /** One day's published numbers of a product's metric and channel: bucket → systems, stat → value. */
    public Map<String, String> numbers(String product, String metric, String day, String channel) {
        JsonNode page = json(get("/api/v1/products/" + product + "/summaries?metric=" + metric + "&from=" + day + "&to=" + day
                + "&channel=" + channel));
        Map<String, String> numbers = new TreeMap<>();
        for (JsonNode item : page.get("items")) {
            if (item.has("stat")) {
                numbers.put(item.get("stat").asText(), item.get("value").asText());
            } else {
                numbers.put(item.get("bucket").asText(), item.get("systems").asText());
            }
        }
        return numbers;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build());
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
    }

    public HttpResponse<String> admin(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
