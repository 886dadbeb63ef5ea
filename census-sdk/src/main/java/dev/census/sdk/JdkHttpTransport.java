package dev.census.sdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/**
 * Talks HTTP to a Census server with the JDK's client: gzip bodies, an idempotency key, the
 * configured proxy and trust, 10 s to connect and 30 s in all. A client is built per use and
 * dropped, so no HTTP thread outlives an upload.
 */
final class JdkHttpTransport {

    /** How long to wait for a connection: a reachable server answers in milliseconds. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a whole exchange may take before it counts as failed. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final String USER_AGENT = "census-sdk/1";

    /** The server's answer: status, body, and the delay it asked for, if any. */
    record Response(int status, String body, Optional<Duration> retryAfter) {
    }

    private final ProxySelector proxy;
    private final SSLContext sslContext;
    private final Clock clock;

    JdkHttpTransport(ProxySelector proxy, SSLContext sslContext, Clock clock) {
        this.proxy = proxy;
        this.sslContext = sslContext;
        this.clock = clock;
    }

    Response postReport(URI uri, String json, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Idempotency-Key", idempotencyKey)
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(json)))
                .build();
        return exchange(request);
    }

    Response delete(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", USER_AGENT)
                .DELETE()
                .build();
        return exchange(request);
    }

    private Response exchange(HttpRequest request) throws IOException, InterruptedException {
        HttpClient.Builder client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        if (proxy != null) {
            client.proxy(proxy);
        }
        if (sslContext != null) {
            client.sslContext(sslContext);
        }
        HttpResponse<String> response = client.build().send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").flatMap(this::retryAfter));
    }

    /** Retry-After as delta-seconds or an HTTP date. */
    Optional<Duration> retryAfter(String value) {
        String text = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration delay = Duration.between(clock.instant(), when.toInstant());
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    static byte[] gzip(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length() / 2 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
