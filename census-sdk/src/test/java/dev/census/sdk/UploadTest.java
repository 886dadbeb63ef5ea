package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.testing.RecordingCensusEndpoint;
import dev.census.testing.RecordingForwardProxy;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UploadTest {

    @RegisterExtension
    final DemoInstallation demo = new DemoInstallation();

    @Test
    void previewEqualsWhatIsThenSentByteForByte() throws Exception {
        try (Census census = demo.started()) {
            String preview = census.preview();
            demo.clock().advance(Duration.ofMinutes(5));

            UploadResult result = census.sendNow();

            assertThat(result.sent()).isTrue();
            assertThat(demo.server().reports()).hasSize(1);
            assertThat(demo.server().reports().get(0).body()).isEqualTo(preview);
            assertThat(preview).contains("\"product\":\"demo\"", "\"workers.processes\":4",
                    "\"system_id\":\"" + census.systemId().orElseThrow() + "\"");
        }
    }

    @Test
    void scheduledUploadSendsTheOutboxBytesGzippedWithAnIdempotencyKey() throws Exception {
        try (Census census = demo.started()) {
            Fixtures.runNext(census, demo.clock());

            RecordingCensusEndpoint.Request request = demo.server().reports().get(0);
            Outbox.Entry entry = census.outbox().list().get(0);
            assertThat(entry.status()).isEqualTo(Outbox.Status.SENT);
            assertThat(entry.systemId()).isEqualTo(census.systemId().orElseThrow());
            assertThat(request.body()).isEqualTo(entry.report());
            assertThat(request.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("Idempotency-Key"))
                    .isEqualTo(census.systemId().orElseThrow() + ":" + entry.day());
        }
    }

    @Test
    void serverDownLeavesTheReportFailedWithItsReasonAndTheNextDaySucceeds() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        URI down = URI.create("http://127.0.0.1:" + port);
        try (Census census = Fixtures.demo(down, demo.stateDir(), demo.clock()).build()) {
            census.start();
            Fixtures.runNext(census, demo.clock()); // first attempt
            assertThat(census.outbox().list().get(0).status()).isEqualTo(Outbox.Status.PENDING);
            int attempts = 1;
            while (census.outbox().list().get(0).status() == Outbox.Status.PENDING) {
                Fixtures.runNext(census, demo.clock()); // retries within the hour
                attempts++;
            }
            Outbox.Entry failed = census.outbox().list().get(0);
            assertThat(failed.status()).isEqualTo(Outbox.Status.FAILED);
            assertThat(failed.reason()).contains("cannot reach " + down, "gave up after " + attempts + " attempts");
            assertThat(attempts).isBetween(2, 5);
            assertThat(census.nextRunAt().orElseThrow()).isAfter(failed.createdAt().plus(Duration.ofHours(12)));

            try (RecordingCensusEndpoint back = RecordingCensusEndpoint.startOn(port)) {
                Fixtures.runNext(census, demo.clock()); // tomorrow
                assertThat(back.reports()).hasSize(1);
                assertThat(census.outbox().list()).extracting(Outbox.Entry::status)
                        .containsExactly(Outbox.Status.FAILED, Outbox.Status.SENT);
                assertThat(census.outbox().list().get(1).day()).isEqualTo(failed.day().plusDays(1));
            }
        }
    }

    @Test
    void aRefusedReportIsNotRetried() throws Exception {
        demo.server().thenAnswer(422, "{\"title\":\"invalid report\"}", Map.of("Content-Type", "application/problem+json"));
        try (Census census = demo.started()) {
            Fixtures.runNext(census, demo.clock());

            Outbox.Entry entry = census.outbox().list().get(0);
            assertThat(entry.status()).isEqualTo(Outbox.Status.FAILED);
            assertThat(entry.reason()).contains("HTTP 422", "invalid report", "not retried");
            assertThat(census.nextRunAt().orElseThrow()).isAfter(demo.clock().instant().plus(Duration.ofHours(12)));
            census.runDueWork();
            assertThat(demo.server().reports()).hasSize(1);
        }
    }

    @Test
    void serviceUnavailableIsRetriedNoSoonerThanRetryAfter() throws Exception {
        demo.server().thenAnswer(503, "", Map.of("Retry-After", "600"));
        try (Census census = demo.started()) {
            Fixtures.runNext(census, demo.clock());
            java.time.Instant failedAt = demo.clock().instant();
            assertThat(census.nextRunAt().orElseThrow()).isEqualTo(failedAt.plus(Duration.ofMinutes(10)));

            Fixtures.runNext(census, demo.clock());

            assertThat(demo.server().reports()).hasSize(2);
            assertThat(demo.server().reports().get(1).body()).isEqualTo(demo.server().reports().get(0).body());
            assertThat(census.outbox().list().get(0).status()).isEqualTo(Outbox.Status.SENT);
        }
    }

    @Test
    void devVersionsGoToTheDevEndpointAndReleasesToProduction() throws Exception {
        try (RecordingCensusEndpoint dev = RecordingCensusEndpoint.start()) {
            Census.Builder builder = Census.builder().product("demo").endpoint(demo.server().uri()).devEndpoint(dev.uri())
                    .clock(demo.clock()).environment(Map.of()).manualScheduling();
            try (Census release = builder.stateDir(demo.stateDir().resolve("a")).component("core", "3.49.1").build()) {
                assertThat(release.sendNow().sent()).isTrue();
            }
            try (Census preRelease = Census.builder().product("demo").endpoint(demo.server().uri()).devEndpoint(dev.uri())
                    .clock(demo.clock()).environment(Map.of()).manualScheduling().stateDir(demo.stateDir().resolve("b"))
                    .component("core", "3.50.0.dev").build()) {
                assertThat(preRelease.sendNow().sent()).isTrue();
            }
            assertThat(demo.server().reports()).singleElement().satisfies(r -> assertThat(r.body()).contains("\"channel\":\"production\""));
            assertThat(dev.reports()).singleElement().satisfies(r -> assertThat(r.body()).contains("\"channel\":\"dev\""));
        }
    }

    @Test
    void theMirrorReceivesACopyOfEveryUpload() throws Exception {
        try (RecordingCensusEndpoint mirror = RecordingCensusEndpoint.start();
             Census census = demo.builder().mirrorEndpoint(mirror.uri()).build()) {
            census.sendNow();

            assertThat(mirror.reports()).singleElement()
                    .satisfies(copy -> assertThat(copy.body()).isEqualTo(demo.server().reports().get(0).body()));
        }
    }

    @Test
    void anExplicitProxyIsHonoured() throws Exception {
        try (RecordingForwardProxy proxy = new RecordingForwardProxy();
             Census census = demo.builder().proxy(proxy.address()).build()) {
            assertThat(census.sendNow().sent()).isTrue();

            assertThat(proxy.proxied()).containsExactly(URI.create(demo.server().uri() + "/api/v1/reports"));
            assertThat(demo.server().reports()).hasSize(1);
        }
    }

    @Test
    void theProxyEnvironmentIsHonouredExceptForNoProxyHosts() throws Exception {
        try (RecordingForwardProxy proxy = new RecordingForwardProxy()) {
            String proxyUrl = "http://127.0.0.1:" + proxy.address().getPort();
            try (Census viaProxy = Fixtures.demo(demo.server().uri(), demo.stateDir().resolve("a"), demo.clock())
                    .environment(Map.of("HTTP_PROXY", proxyUrl)).build()) {
                assertThat(viaProxy.sendNow().sent()).isTrue();
            }
            try (Census direct = Fixtures.demo(demo.server().uri(), demo.stateDir().resolve("b"), demo.clock())
                    .environment(Map.of("http_proxy", proxyUrl, "NO_PROXY", "localhost,127.0.0.1")).build()) {
                assertThat(direct.sendNow().sent()).isTrue();
            }
            assertThat(proxy.proxied()).hasSize(1);
            assertThat(demo.server().reports()).hasSize(2);
        }
    }

    @Test
    void resetSystemIdRotatesTheIdAndAsksTheServerToDeleteTheOldOne() throws Exception {
        try (Census census = demo.builder().build()) {
            UUID old = census.systemId().orElseThrow();

            assertThat(census.resetSystemId()).isTrue();

            assertThat(census.systemId()).isPresent().get().isNotEqualTo(old);
            assertThat(demo.server().requests()).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo("DELETE");
                assertThat(r.path()).isEqualTo("/api/v1/products/demo/systems/" + old);
            });
            assertThat(census.preview()).contains(census.systemId().orElseThrow().toString());
        }
        try (Census restarted = demo.builder().build()) {
            assertThat(restarted.preview()).doesNotContain(demo.server().requests().get(0).path().substring(28));
        }
    }
}
