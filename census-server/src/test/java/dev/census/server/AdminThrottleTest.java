package dev.census.server;

import static dev.census.testing.CensusClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.census.server.testing.RunningServer;
import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.TestClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Guessing the admin token: long tokens only, and ten failures a minute per client address. */
class AdminThrottleTest {

    private final TestClock clock = TestClock.at("2026-03-11T08:00:00Z");
    @RegisterExtension
    final RunningServer running = RunningServer.on(clock).freshForEachTest();

    @Test
    void tenFailuresInAMinuteGet429WithRetryAfterEvenForTheRightToken() {
        CensusClient client = running.client();
        for (int i = 0; i < 10; i++) {
            assertThat(client.admin("GET", "/api/v1/admin/stats", "guess-number-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = client.admin("GET", "/api/v1/admin/stats", "guess-number-10");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("6");
        assertThat(json(throttled).get("type").asText()).endsWith("/rate-limited");
        assertThat(client.admin("POST", "/api/v1/admin/summarize", TestServers.ADMIN_TOKEN).statusCode())
                .as("the right token too, while throttled").isEqualTo(429);
        assertThat(client.admin("GET", "/api/v1/admin/stats", null).statusCode()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(6));
        assertThat(client.admin("GET", "/api/v1/admin/stats", TestServers.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        assertThat(client.admin("GET", "/api/v1/admin/stats", "guess-number-11").statusCode()).isEqualTo(401);
        assertThat(client.admin("GET", "/api/v1/admin/stats", TestServers.ADMIN_TOKEN).statusCode())
                .as("one more failure refilled, one spent").isEqualTo(429);
    }

    @Test
    void theRightTokenNeverCountsAsAFailure() {
        for (int i = 0; i < 30; i++) {
            assertThat(running.client().admin("GET", "/api/v1/admin/stats", TestServers.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void behindATrustedProxyOneGuessersFailuresDoNotLockOutTheAdministrator(@TempDir Path dataDir) {
        try (CensusServer server = TestServers.builder(dataDir, clock).trustedProxies(List.of("127.0.0.1")).build().start()) {
            CensusClient client = new CensusClient(server.port());
            for (int i = 0; i < 10; i++) {
                assertThat(admin(client, "198.51.100.66", "guess-number-" + i).statusCode()).isEqualTo(401);
            }
            assertThat(admin(client, "198.51.100.66", TestServers.ADMIN_TOKEN).statusCode()).isEqualTo(429);
            assertThat(admin(client, "192.0.2.10", TestServers.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAdminTokenShorterThan16CharactersIsRefused() {
        assertThatThrownBy(() -> CensusServer.builder().adminToken("fifteen-chars-x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adminToken must be at least 16 characters");
        CensusServer.builder().adminToken("sixteen-chars-xy");
    }

    private static HttpResponse<String> admin(CensusClient client, String forwardedFor, String token) {
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/admin/stats"))
                .header("X-Forwarded-For", forwardedFor).header("Authorization", "Bearer " + token).GET().build());
    }
}
