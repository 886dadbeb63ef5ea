package dev.census.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTP server on loopback standing in for a Census server: answers reports with 202 (or
 * scripted answers), deletions with 204, and records every request with its decoded body.
 */
final class RecordingCensusEndpoint implements AutoCloseable {

    /** One request as the server saw it. */
    record Request(String method, String path, Map<String, List<String>> headers, byte[] rawBody, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A scripted answer. */
    record Answer(int status, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();

    private RecordingCensusEndpoint(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static RecordingCensusEndpoint start() throws IOException {
        return new RecordingCensusEndpoint(0);
    }

    static RecordingCensusEndpoint startOn(int port) throws IOException {
        return new RecordingCensusEndpoint(port);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The next report request gets this answer instead of 202. */
    synchronized RecordingCensusEndpoint thenAnswer(int status, String body, Map<String, String> headers) {
        script.add(new Answer(status, body, headers));
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> reports() {
        return requests.stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/reports")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        byte[] decoded = raw;
        if ("gzip".equalsIgnoreCase(encoding)) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                decoded = in.readAllBytes();
            }
        }
        Answer answer;
        synchronized (this) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), raw, new String(decoded, StandardCharsets.UTF_8)));
            if (exchange.getRequestMethod().equals("DELETE")) {
                answer = new Answer(204, "", Map.of());
            } else if (!script.isEmpty()) {
                answer = script.poll();
            } else {
                answer = new Answer(202, "{\"accepted\":true,\"dropped\":[]}", Map.of("Content-Type", "application/json"));
            }
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
