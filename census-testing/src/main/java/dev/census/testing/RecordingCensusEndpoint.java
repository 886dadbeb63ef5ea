package dev.census.testing;

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
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on loopback standing in for a Census server: answers reports with 202 (or
 * scripted answers), deletions with 204, and records every request with its decoded body.
 *
 * <p>As a JUnit 5 extension ({@code @RegisterExtension final RecordingCensusEndpoint server = new
 * RecordingCensusEndpoint();}) it starts on a free port before each test, with nothing recorded, and
 * stops after it. {@link #start()} and {@link #startOn(int)} give a further one that the test closes.
 */
public final class RecordingCensusEndpoint implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String method, String path, Map<String, List<String>> headers, byte[] rawBody, String body) {
        /** The first value of a header, whatever the case of its name; null when absent. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A scripted answer. */
    public record Answer(int status, String body, Map<String, String> headers) {
    }

    /** Holds report requests on the wire, unanswered, until released: an upload stalled mid-flight. */
    public static final class Stall {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits until a report request has arrived and is being held. */
        public void awaitArrival() throws InterruptedException {
            if (!arrived.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("no report arrived within 10 s");
            }
        }

        /** Lets every held request (and every later one) be answered. */
        public void release() {
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

    private final int requestedPort;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private HttpServer server;
    private Stall stall;

    /** An endpoint on a free port, started before each test when registered as an extension. */
    public RecordingCensusEndpoint() {
        this(0);
    }

    private RecordingCensusEndpoint(int port) {
        this.requestedPort = port;
    }

    /** A started endpoint on a free port; the caller closes it. */
    public static RecordingCensusEndpoint start() throws IOException {
        return startOn(0);
    }

    /** A started endpoint on the given port (say, where an earlier one stood); the caller closes it. */
    public static RecordingCensusEndpoint startOn(int port) throws IOException {
        RecordingCensusEndpoint endpoint = new RecordingCensusEndpoint(port);
        endpoint.open();
        return endpoint;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private synchronized void open() throws IOException {
        requests.clear();
        script.clear();
        stall = null;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the endpoint is not started: register it with @RegisterExtension, or use start()");
        }
        return server.getAddress().getPort();
    }

    /** The next report request gets this answer instead of 202. */
    public synchronized RecordingCensusEndpoint thenAnswer(int status, String body, Map<String, String> headers) {
        script.add(new Answer(status, body, headers));
        return this;
    }

    /** From now on, report requests are held unanswered until the returned stall is released. */
    public synchronized Stall stallReports() {
        stall = new Stall();
        return stall;
    }

    /** Every request so far, in order of arrival. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The report uploads so far: {@code POST /api/v1/reports}. */
    public synchronized List<Request> reports() {
        return requests.stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/reports")).toList();
    }

    @Override
    public void close() {
        HttpServer running = stopRecording();
        if (running != null) {
            running.stop(0); // outside the lock: stop waits for the handler thread, which takes it
        }
    }

    /** Releases any stall, so that a held request lets the server stop, and hands over the server to stop. */
    private synchronized HttpServer stopRecording() {
        if (stall != null) {
            stall.release();
        }
        HttpServer running = server;
        server = null;
        return running;
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
