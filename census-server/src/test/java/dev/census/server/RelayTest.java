package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.census.server.ingest.pulp.PulpAnalytics.Analytics;
import dev.census.server.testing.CapturedLog;
import dev.census.server.testing.PulpPayloads;
import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.RecordingForwardProxy;
import dev.census.testing.RecordingForwardProxy.Proxied;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three hops over loopback in one JVM — installations (Census JSON as the SDK sends it, and pulpcore's
 * protobuf) → a relay → an upstream Census server, the relay reaching it through a recording forward
 * proxy — and what leaves the relay, when, and what the upstream makes of it.
 */
class RelayTest {

    private static final String TOKEN = TestServers.ADMIN_TOKEN;
    private static final String DAY = "2026-03-10";

    @TempDir
    Path upstreamDir;
    @TempDir
    Path relayDir;

    private final TestClock clock = TestClock.at(DAY + "T12:00:00Z");
    private RecordingForwardProxy proxy;
    private CensusServer upstream;
    private CensusServer relay;

    @BeforeEach
    void start() throws IOException {
        proxy = new RecordingForwardProxy();
        upstream = TestServers.start(upstreamDir, clock);
    }

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
        if (upstream != null) {
            upstream.close();
        }
        proxy.close();
    }

    /** The relay's server on its store, the same one after each restart: a DuckDB directory here. */
    CensusServer.Builder relayOn(TestClock clock) {
        return TestServers.builder(relayDir, clock);
    }

    private CensusServer startRelay(UnaryOperator<CensusServer.Builder> policy) {
        return startRelay("http://127.0.0.1:" + upstream.port() + "/", true, policy);
    }

    private CensusServer startRelay(String upstreamUrl, boolean throughProxy, UnaryOperator<CensusServer.Builder> policy) {
        CensusServer.Builder builder = relayOn(clock).relayTo(upstreamUrl).relayEnvironment(Map.of());
        if (throughProxy) {
            builder.relayProxy("127.0.0.1:" + proxy.address().getPort());
        }
        relay = policy.apply(builder).build().start();
        return relay;
    }

    private void restartRelay(UnaryOperator<CensusServer.Builder> policy) {
        relay.close();
        relay = null;
        startRelay(policy);
    }

    private CensusClient relayClient() {
        return new CensusClient(relay.port());
    }

    private static HttpResponse<String> postPulp(CensusClient client, Analytics.Builder message) {
        return postPulp(client, message.build().toByteArray());
    }

    private static HttpResponse<String> postPulp(CensusClient client, byte[] message) {
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + "/")).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(message)).build());
    }

    private JsonNode admin(String method, String path) {
        HttpResponse<String> response = relayClient().admin(method, path, TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return CensusClient.json(response);
    }

    private JsonNode sendNow() {
        return admin("POST", "/api/v1/admin/relay/send-now");
    }

    private List<JsonNode> queued(String day) {
        List<JsonNode> reports = new ArrayList<>();
        admin("GET", "/api/v1/admin/relay/queue?day=" + day).get("reports").forEach(reports::add);
        return reports;
    }

    private static String text(Proxied request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    private List<Proxied> forwardedJson() {
        return proxy.requests().stream().filter(request -> request.uri().getPath().equals("/api/v1/reports")).toList();
    }

    private List<Analytics> forwardedPulp() {
        return proxy.requests().stream().filter(request -> request.uri().getPath().equals("/")).map(request -> {
            try {
                return Analytics.parseFrom(request.body());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** Summarizes the day on both servers, once it has closed. */
    private void summarizeBoth() {
        clock.advance(Duration.ofDays(1));
        relay.runDailyJobs();
        upstream.runDailyJobs();
    }

    @Test
    void theUpstreamPublishesWhatTheRelayForwarded() {
        startRelay(builder -> builder);
        CensusClient installations = relayClient();
        for (int i = 0; i < 4; i++) {
            assertThat(installations.postReport(Reports.report().component("core", "3.4" + i + ".0")
                    .metric("workers.processes", String.valueOf(2 + i)).json()).statusCode()).isEqualTo(202);
            assertThat(postPulp(installations, PulpPayloads.pulp322(UUID.randomUUID(), "3.2" + i + ".0", 4 + i, 150004))
                    .statusCode()).isEqualTo(200);
        }

        JsonNode run = sendNow();
        summarizeBoth();

        assertThat(run.get("forwarded").asInt()).isEqualTo(8);
        assertThat(upstream.store().countReports("demo")).isEqualTo(4);
        assertThat(upstream.store().countReports("pulp")).isEqualTo(4);
        CensusClient up = new CensusClient(upstream.port());
        for (String product : List.of("demo", "pulp")) {
            String summaries = "/api/v1/products/" + product + "/summaries?from=" + DAY + "&to=" + DAY + "&limit=1000";
            JsonNode upstreamItems = CensusClient.json(up.get(summaries)).get("items");
            assertThat(upstreamItems).as(product).isNotEmpty().isEqualTo(CensusClient.json(installations.get(summaries)).get("items"));
        }
        assertThat(up.numbers("demo", "workers.processes", DAY, "production")).containsEntry("mean", "3.5");
    }

    @Test
    void aContinuousRelayForwardsOnItsOwnScheduleWithoutBeingAsked() {
        startRelay(builder -> builder.dailyJobs(true).relaySchedule("continuous:1s"));
        relayClient().postReport(Reports.report().json());

        await().atMost(Duration.ofSeconds(20)).until(() -> queued(DAY).get(0).get("state").asText().equals("forwarded"));
        JsonNode status = admin("GET", "/api/v1/admin/relay");
        assertThat(upstream.store().countReports("demo")).isEqualTo(1);
        assertThat(status.get("schedule").asText()).isEqualTo("continuous, every 1s");
        assertThat(status.get("next_run").asText()).isNotEmpty();
    }

    @Test
    void theMetricsCountTheQueueByStateAndWhatWasForwarded() {
        startRelay(builder -> builder);
        relayClient().postReport(Reports.report().json());
        relayClient().postReport(Reports.report().json());
        proxy.thenAnswer(400, "{}", Map.of());
        sendNow();

        String metrics = relayClient().get("/metrics").body();

        assertThat(metrics).contains("census_relay_queue{state=\"forwarded\"} 1.0").contains("census_relay_queue{state=\"rejected\"} 1.0")
                .contains("census_relay_queue{state=\"queued\"} 0.0").contains("census_relay_forwarded_total 1.0")
                .contains("census_relay_rejected_total 1.0").contains("census_relay_retries_total 0.0");
    }

    @Test
    void queueRowsFollowRawRetentionAndUnsentOnesAreCountedInAWarning() {
        startRelay(builder -> builder.retentionDays(30));
        admin("POST", "/api/v1/admin/relay/pause");
        relayClient().postReport(Reports.report().json());
        clock.advance(Duration.ofDays(31));

        try (CapturedLog log = CapturedLog.start()) {
            sendNow();
            assertThat(log.text()).contains("1 reports never forwarded passed the 30-day retention and were deleted unsent");
        }
        assertThat(queued(DAY)).isEmpty();
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    void aPausedRelayMakesNoRequestUpstreamUntilResumed() {
        startRelay(builder -> builder);
        admin("POST", "/api/v1/admin/relay/pause");
        relayClient().postReport(Reports.report().json());
        postPulp(relayClient(), PulpPayloads.pulp321(UUID.randomUUID(), "3.21.0", 2, 1));

        JsonNode run = sendNow();
        restartRelay(builder -> builder);
        JsonNode afterRestart = sendNow();

        assertThat(run.get("paused").asBoolean()).isTrue();
        assertThat(afterRestart.get("paused").asBoolean()).as("paused survives a restart").isTrue();
        assertThat(admin("GET", "/api/v1/admin/relay").get("paused").asBoolean()).isTrue();
        assertThat(proxy.requests()).isEmpty();
        assertThat(upstream.store().countReports("demo") + upstream.store().countReports("pulp")).isZero();

        admin("POST", "/api/v1/admin/relay/resume");
        assertThat(sendNow().get("forwarded").asInt()).isEqualTo(2);
        assertThat(proxy.requests()).hasSize(2);
    }

    @Test
    void anErasedSystemsQueuedReportsNeverLeaveTheRelay() {
        startRelay(builder -> builder);
        admin("POST", "/api/v1/admin/relay/pause");
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        relayClient().postReport(Reports.report().system(erased).json());
        relayClient().postReport(Reports.report().system(kept).json());

        assertThat(relayClient().delete("/api/v1/products/demo/systems/" + erased).statusCode()).isEqualTo(204);
        admin("POST", "/api/v1/admin/relay/resume");
        sendNow();

        assertThat(queued(DAY)).hasSize(1);
        assertThat(forwardedJson()).hasSize(1).allSatisfy(request -> assertThat(text(request))
                .contains(kept.toString()).doesNotContain(erased.toString()));
    }

    @Test
    void theBytesTheRelayListsAreTheBytesTheUpstreamReceives() {
        startRelay(builder -> builder.relayDropMetric("rbac.users"));
        String unchanged = Reports.report().component("core", "3.49.1").metric("workers.processes", "4").json();
        byte[] pulpUnchanged = PulpPayloads.pulp322(UUID.randomUUID(), "3.22.0", 4, 150004).build().toByteArray();
        byte[] pulpChanged = PulpPayloads.pulp323(UUID.randomUUID(), "3.23.0", 4, 150004, 7).build().toByteArray();
        relayClient().postReport(unchanged);
        postPulp(relayClient(), pulpUnchanged);
        postPulp(relayClient(), pulpChanged);

        List<JsonNode> listed = queued(DAY);
        sendNow();

        List<byte[]> listedBytes = listed.stream().map(report -> Base64.getDecoder().decode(report.get("body_base64").asText())).toList();
        assertThat(proxy.requests()).extracting(Proxied::body).containsExactlyElementsOf(listedBytes);
        assertThat(listed).extracting(report -> report.get("state").asText()).containsOnly("queued");
        assertThat(listed.get(0).get("body_text").asText()).as("an unchanged report leaves as it came").isEqualTo(unchanged);
        assertThat(listedBytes.get(1)).as("an unchanged Pulp message leaves as it came").isEqualTo(pulpUnchanged);
        assertThat(listedBytes.get(2)).as("a Pulp message the policy changed").isNotEqualTo(pulpChanged);
        assertThat(queued(DAY)).extracting(report -> report.get("state").asText()).containsOnly("forwarded");
    }

    @Test
    void withTheUpstreamDownNothingIsLostAndEverythingArrivesOnceItIsBack() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        upstream.close();
        upstream = null;
        startRelay("http://127.0.0.1:" + port + "/", false, builder -> builder);
        for (int i = 0; i < 3; i++) {
            relayClient().postReport(Reports.report().json());
            postPulp(relayClient(), PulpPayloads.pulp321(UUID.randomUUID(), "3.21.0", 2, 1));
        }

        JsonNode refused = sendNow();
        JsonNode status = admin("GET", "/api/v1/admin/relay");

        assertThat(refused.get("retried").asInt()).isEqualTo(1);
        assertThat(refused.get("queued").asInt()).isEqualTo(6);
        assertThat(status.get("last_error").get("error").asText()).contains("ConnectException");

        // back, but answering 503 with Retry-After: the relay waits as long as it is told
        upstream = TestServers.builder(upstreamDir, clock).port(port).build().start();
        relay.close();
        relay = null;
        startRelay("http://127.0.0.1:" + port + "/", true, builder -> builder);
        clock.advance(Duration.ofMinutes(1)); // the first back-off
        proxy.thenAnswer(503, "{\"title\":\"Service Unavailable\"}", Map.of("Retry-After", "3600"));
        JsonNode unavailable = sendNow();
        clock.advance(Duration.ofMinutes(30));
        JsonNode tooEarly = sendNow();
        clock.advance(Duration.ofMinutes(31));
        JsonNode back = sendNow();

        assertThat(unavailable.get("retried").asInt()).isEqualTo(1);
        assertThat(tooEarly.get("forwarded").asInt()).isZero();
        assertThat(proxy.requests()).as("nothing is tried before Retry-After has passed").hasSize(1 + 6);
        assertThat(back.get("forwarded").asInt()).isEqualTo(6);
        assertThat(back.get("queued").asInt()).isZero();
        assertThat(upstream.store().countReports("demo")).isEqualTo(3);
        assertThat(upstream.store().countReports("pulp")).isEqualTo(3);
    }

    @Test
    void aRelayRestartMidQueueLosesAndDuplicatesNothing() {
        startRelay(builder -> builder);
        for (int i = 0; i < 4; i++) {
            relayClient().postReport(Reports.report().json());
        }
        proxy.thenAnswer(202, "{}", Map.of()).thenAnswer(202, "{}", Map.of())
                .thenAnswer(503, "{}", Map.of("Retry-After", "0"));
        // the first two "arrive", the third meets a failing upstream: two left mid-queue
        JsonNode first = sendNow();
        restartRelay(builder -> builder);
        JsonNode second = sendNow();

        assertThat(first.get("forwarded").asInt()).isEqualTo(2);
        assertThat(first.get("queued").asInt()).isEqualTo(2);
        assertThat(second.get("forwarded").asInt()).isEqualTo(2);
        List<String> bodies = forwardedJson().stream().map(RelayTest::text).toList();
        List<String> delivered = new ArrayList<>(bodies.subList(0, 2));
        delivered.addAll(bodies.subList(3, 5));
        assertThat(bodies).hasSize(5);
        assertThat(delivered).doesNotHaveDuplicates();
        assertThat(bodies.get(2)).isEqualTo(bodies.get(3));
        assertThat(upstream.store().countReports("demo")).as("the two the proxy answered never reached it").isEqualTo(2);
        assertThat(queued(DAY)).extracting(report -> report.get("state").asText()).containsOnly("forwarded");
    }

    @Test
    void anUpstream400IsRecordedWithItsProblemAndNeverRetried() {
        startRelay(builder -> builder);
        relayClient().postReport(Reports.report().json());
        relayClient().postReport(Reports.report().json());
        String problem = "{\"type\":\"https://census.dev/problems/invalid\",\"title\":\"Bad Request\",\"status\":400}";
        proxy.thenAnswer(400, problem, Map.of("Content-Type", "application/problem+json"));

        JsonNode run = sendNow();
        JsonNode again = sendNow();

        assertThat(run.get("rejected").asInt()).isEqualTo(1);
        assertThat(run.get("forwarded").asInt()).isEqualTo(1);
        assertThat(again.get("forwarded").asInt() + again.get("rejected").asInt()).isZero();
        assertThat(proxy.requests()).hasSize(2);
        List<JsonNode> reports = queued(DAY);
        assertThat(reports.get(0).get("state").asText()).isEqualTo("rejected");
        assertThat(reports.get(0).get("last_error").asText()).isEqualTo("400 " + problem);
        assertThat(reports.get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(admin("GET", "/api/v1/admin/relay").get("last_error").get("error").asText()).contains("Bad Request");
    }

    @Test
    void pseudonymizedIdsAreStableAcrossDaysAndRestartsAndDifferFromTheOriginals() {
        startRelay(builder -> builder.relayPseudonymize(true));
        UUID census = UUID.randomUUID();
        UUID pulp = UUID.randomUUID();
        relayClient().postReport(Reports.report().system(census).json());
        postPulp(relayClient(), PulpPayloads.pulp321(pulp, "3.21.0", 2, 1));
        sendNow();
        clock.advance(Duration.ofDays(1));
        restartRelay(builder -> builder.relayPseudonymize(true));
        relayClient().postReport(Reports.report().system(census).sentAt("2026-03-11T12:00:00Z").json());
        postPulp(relayClient(), PulpPayloads.pulp321(pulp, "3.21.0", 2, 1));
        sendNow();

        List<String> censusIds = forwardedJson().stream()
                .map(request -> json(text(request)).get("system_id").asText()).toList();
        List<String> pulpIds = forwardedPulp().stream().map(Analytics::getSystemId).toList();
        assertThat(censusIds).hasSize(2).doesNotContain(census.toString());
        assertThat(censusIds.get(0)).isEqualTo(censusIds.get(1)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(pulpIds).hasSize(2).doesNotContain(pulp.toString());
        assertThat(pulpIds.get(0)).isEqualTo(pulpIds.get(1)).isNotEqualTo(censusIds.get(0));
        assertThat(upstream.store().countReports("demo")).isEqualTo(2);
    }

    @Test
    void droppedMetricsAndDevReportsNeverReachTheUpstream() {
        startRelay(builder -> builder.relayDropMetric("database.engine").relayDropMetric("rbac.users"));
        relayClient().postReport(Reports.report().component("core", "3.49.1").metric("database.engine", "\"postgresql\"")
                .metric("workers.processes", "4").json());
        relayClient().postReport(Reports.report().channel("dev").component("core", "3.50.0.dev0").json());
        postPulp(relayClient(), PulpPayloads.pulp323(UUID.randomUUID(), "3.23.0", 4, 150004, 9));

        JsonNode run = sendNow();
        summarizeBoth();

        assertThat(run.get("forwarded").asInt()).isEqualTo(2);
        assertThat(forwardedJson()).hasSize(1);
        assertThat(text(forwardedJson().get(0))).doesNotContain("database.engine").contains("workers.processes")
                .doesNotContain("\"dev\"");
        Analytics pulp = forwardedPulp().get(0);
        assertThat(pulp.getRbacStats().hasUsers()).isFalse();
        assertThat(pulp.getRbacStats().getGroups()).isEqualTo(1);
        CensusClient up = new CensusClient(upstream.port());
        assertThat(up.numbers("demo", "database.engine", DAY, "production")).isEmpty();
        assertThat(up.numbers("demo", "components.core.xyz", DAY, "dev")).isEmpty();
        assertThat(up.numbers("pulp", "rbac.users", DAY, "production")).isEmpty();
        assertThat(relayClient().numbers("demo", "database.engine", DAY, "production")).as("kept inside").isNotEmpty();
        assertThat(relayClient().numbers("demo", "components.core.xyz", DAY, "dev")).isNotEmpty();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
