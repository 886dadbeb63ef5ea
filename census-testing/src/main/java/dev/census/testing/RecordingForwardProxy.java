package dev.census.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real plain-HTTP forward proxy on loopback: takes absolute-URI requests, forwards them to
 * their origin and relays the answer, recording each URI it proxied and each body it carried; it can
 * also answer a request itself instead, as a failing origin would ({@link #thenAnswer}).
 */
public final class RecordingForwardProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "keep-alive",
            "proxy-connection", "transfer-encoding", "upgrade", "expect");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<URI> proxied = new ArrayList<>();
    private final List<Proxied> requests = new ArrayList<>();
    private final java.util.Deque<Answer> answers = new java.util.ArrayDeque<>();

    /** One request that reached the proxy: where it was going, and its body byte for byte. */
    public record Proxied(URI uri, byte[] body) {
    }

    /** What the proxy answers itself instead of forwarding. */
    private record Answer(int status, String body, Map<String, String> headers) {
    }

    public RecordingForwardProxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    /** Where to send requests to be proxied. */
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.getAddress().getPort());
    }

    /** Every absolute URI proxied so far, in order. */
    public synchronized List<URI> proxied() {
        return List.copyOf(proxied);
    }

    /** Every request that reached the proxy so far (forwarded or answered by the proxy), in order. */
    public synchronized List<Proxied> requests() {
        return List.copyOf(requests);
    }

    /** The next request is answered with this, not forwarded (call again to script the ones after it). */
    public synchronized RecordingForwardProxy thenAnswer(int status, String body, Map<String, String> headers) {
        answers.add(new Answer(status, body, Map.copyOf(headers)));
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void forward(HttpExchange exchange) throws IOException {
        URI target = exchange.getRequestURI();
        if (!target.isAbsolute()) {
            exchange.sendResponseHeaders(400, -1); // a proxy only takes absolute-URI requests
            exchange.close();
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        Answer scripted;
        synchronized (this) {
            proxied.add(target);
            requests.add(new Proxied(target, body));
            scripted = answers.poll();
        }
        if (scripted != null) {
            scripted.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] answer = scripted.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(scripted.status(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        }
    }
}
