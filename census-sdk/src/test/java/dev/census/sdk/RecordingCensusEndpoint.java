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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    /** Holds report requests on the wire, unanswered, until released: an upload stalled mid-flight. */
    static final class Stall {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits until a report request has arrived and is being held. */
        void awaitArrival() throws InterruptedException {
            if (!arrived.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("no report arrived within 10 s");
            }
        }

        /** Lets every held request (and every later one) be answered. */
        void release() {
            released.countDown();
        }

        private void hold() {
            arrived.countDown();
            boolean interrupted = false;
            while (released.getCount() > 0) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private Stall stall;

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

    /** From now on, report requests are held unanswered until the returned stall is released. */
    synchronized Stall stallReports() {
        stall = new Stall();
        return stall;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> reports() {
        return requests.stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/reports")).toList();
    }

    @Override
    public void close() {
        Stall held;
        synchronized (this) {
            held = stall;
        }
        if (held != null) {
            held.release(); // the server's stop waits for its handler thread
        }
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
        Stall held;
        synchronized (this) {
            held = exchange.getRequestMethod().equals("POST") ? stall : null;
        }
        if (held != null) {
            held.hold();
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
