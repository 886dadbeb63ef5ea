package dev.census.server.relay;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The way out: the upstream Census (or Pulp analytics) server, reached over {@link HttpClient}
 * through the configured or environment's proxy, trusting the configured trust store, within
 * timeouts. One post is one {@link Outcome}.
 */
public final class Upstream {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Problem bodies are kept this long at most in the queue. */
    static final int MAX_PROBLEM_CHARS = 2_000;

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;

    private Upstream(Builder builder) {
        this.base = builder.base;
        this.requestTimeout = builder.requestTimeout;
        this.clock = builder.clock;
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        ProxySelector proxy = builder.proxy != null
                ? ProxySelector.of(new InetSocketAddress(builder.proxy.getHost(), builder.proxy.getPort() > 0 ? builder.proxy.getPort() : 80))
                : EnvironmentProxySelector.fromEnvironment(builder.environment);
        if (proxy != null) {
            http.proxy(proxy);
        }
        if (builder.sslContext != null) {
            http.sslContext(builder.sslContext);
        }
        this.http = http.build();
    }

    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** The upstream's base URL, for the log and the admin API. */
    public URI base() {
        return base;
    }

    /** Posts one report's bytes where its format goes upstream. */
    Outcome post(Wire wire, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(wire.path())).timeout(requestTimeout)
                .header("Content-Type", wire.contentType()).header("User-Agent", "census-relay")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outcome.Retry(describe(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Retry("interrupted", null);
        }
        int status = response.statusCode();
        String answer = status + " " + truncate(response.body());
        if (status >= 200 && status < 300) {
            return new Outcome.Forwarded();
        }
        if (status == 429 || status >= 500) {
            return new Outcome.Retry(answer, retryAfter(response.headers().firstValue("Retry-After")).orElse(null));
        }
        return new Outcome.Rejected(answer);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String truncate(String body) {
        return body.length() <= MAX_PROBLEM_CHARS ? body : body.substring(0, MAX_PROBLEM_CHARS) + "…";
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date, from now; absent when missing or unreadable. */
    private Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** What one post came to. */
    sealed interface Outcome {
        /** 2xx: the upstream has it. */
        record Forwarded() implements Outcome {
        }

        /** 4xx other than 429: the upstream will never take these bytes; its answer is kept. */
        record Rejected(String problem) implements Outcome {
        }

        /** 5xx, 429 or no answer: tried again later, after {@code retryAfter} when the upstream said. */
        record Retry(String error, Duration retryAfter) implements Outcome {
        }
    }

    /** The upstream's settings: its URL, and how to reach it. */
    public static final class Builder {
        private final URI base;
        private URI proxy;
        private Map<String, String> environment = System.getenv();
        private SSLContext sslContext;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder(String url) {
            requireNonNull(url, "relayTo");
            URI uri;
            try {
                uri = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("relayTo must be an http or https URL: " + url, e);
            }
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("relayTo must be an http or https URL without query: " + url);
            }
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            this.base = uri.resolve(path.endsWith("/") ? path : path + "/");
        }

        /** An HTTP proxy ({@code http://host:port}) instead of {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}. */
        public Builder proxy(String proxy) {
            if (proxy == null) {
                this.proxy = null;
                return this;
            }
            URI uri = URI.create(proxy.contains("://") ? proxy.trim() : "http://" + proxy.trim());
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("relayProxy must be host:port or http://host:port: " + proxy);
            }
            this.proxy = uri;
            return this;
        }

        /** The environment the proxy variables are read from (the process's by default). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(requireNonNull(environment, "environment"));
            return this;
        }

        /** Trusts the certificates in this key store (PKCS12 or JKS) instead of the JDK's defaults. */
        public Builder trustStore(Path file, char[] password) {
            requireNonNull(file, "relayTrustStore");
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
                keys.load(in, password);
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(keys);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                this.sslContext = context;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("relayTrustStore " + file + " cannot be loaded: " + e.getMessage(), e);
            }
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "relayConnectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "relayRequestTimeout");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        public Upstream build() {
            return new Upstream(this);
        }

        private static Duration positive(Duration duration, String name) {
            requireNonNull(duration, name);
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }
    }
}
