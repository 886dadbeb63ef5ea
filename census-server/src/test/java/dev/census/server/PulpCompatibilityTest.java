package dev.census.server;

import static dev.census.testing.CensusClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.census.server.ingest.pulp.PulpAnalytics.Analytics;
import dev.census.server.store.DuckDbReportStore;
import dev.census.server.testing.GatedReportStore;
import dev.census.server.testing.PulpPayloads;
import dev.census.server.testing.TestServers;
import dev.census.testing.CensusClient;
import dev.census.testing.TestClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pulpcore's own protobuf message over real HTTP: what is stored, what is refused, and the summaries
 * Pulp's maintainers rely on (persistent systems only, per the pulp product's registry).
 */
class PulpCompatibilityTest {

    private static final String DAY_1 = "2026-03-10";
    private static final String DAY_2 = "2026-03-11";

    @TempDir
    Path dataDir;

    private final TestClock clock = TestClock.at(DAY_1 + "T09:00:00Z");

    @Test
    void everyPulpcoreEraIsStoredAndSummarizedFromPersistentSystems() {
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            UUID[] old = uuids(2);
            UUID[] pg = uuids(2);
            UUID[] rbac = uuids(3);
            for (int day = 0; day < 2; day++) {
                post(client, "/", PulpPayloads.pulp321(old[0], "3.21.0", 2, 1));
                post(client, "/", PulpPayloads.pulp321(old[1], "3.21.1", 4, 2));
                post(client, "/", PulpPayloads.pulp322(pg[0], "3.22.0", 6, 150004));
                post(client, "/", PulpPayloads.pulp322(pg[1], "3.22.1", 8, 90605));
                post(client, "/", PulpPayloads.pulp323(rbac[0], "3.23.0", 10, 150004, 0));
                post(client, "/", PulpPayloads.pulp323(rbac[1], "3.23.0", 10, 130011, 1));
                post(client, "/", PulpPayloads.pulp323(rbac[2], "3.23.0", 10, 0, 5));
                clock.advance(Duration.ofDays(1));
            }
            server.runDailyJobs();

            assertThat(client.numbers("pulp", "components.core.xy", DAY_2, "production"))
                    .isEqualTo(Map.of("3.21", "2", "3.22", "2", "3.23", "3"));
            assertThat(client.numbers("pulp", "components.core.xyz", DAY_2, "production"))
                    .isEqualTo(Map.of("3.21.0", "1", "3.21.1", "1", "3.22.0", "1", "3.22.1", "1", "3.23.0", "3"));
            assertThat(client.numbers("pulp", "components", DAY_2, "production")).containsEntry("core", "7").containsEntry("rpm", "7");
            // workers 2 4 6 8 10 10 10 → mean 50/7; p50 8
            assertThat(client.numbers("pulp", "workers.processes", DAY_2, "production"))
                    .containsEntry("mean", "7.1429").containsEntry("p50", "8.0").containsEntry("max", "10.0");
            assertThat(client.numbers("pulp", "workers.hosts", DAY_2, "production"))
                    .containsEntry("1", "6").containsEntry("2-3", "1");
            assertThat(client.numbers("pulp", "content_apps.processes", DAY_2, "production")).containsEntry("mean", "2.0");
            assertThat(client.numbers("pulp", "content_apps.hosts", DAY_2, "production")).containsEntry("1", "7");
            assertThat(client.numbers("pulp", "postgresql.version", DAY_2, "production"))
                    .as("the two 3.21 systems send no version and one sends 0: all three unknown")
                    .isEqualTo(Map.of("15.4", "2", "9.6", "1", "13.11", "1", "unknown", "3"));
            assertThat(client.numbers("pulp", "postgresql.version.xyz", DAY_2, "production"))
                    .isEqualTo(Map.of("15.4", "2", "9.6.5", "1", "13.11", "1", "unknown", "3"));
            assertThat(client.numbers("pulp", "rbac.users", DAY_2, "production"))
                    .as("systems without rbac_stats are absent, not zero users; 0 is its own bucket")
                    .containsEntry("0", "1").containsEntry("1", "1").containsEntry("4-7", "1").doesNotContainKey("2-3");
            assertThat(samples(client, "rbac.users", DAY_2)).containsOnly(3L);
            for (String metric : new String[] {"rbac.groups", "rbac.domains", "rbac.custom_access_policies", "rbac.custom_roles"}) {
                assertThat(samples(client, metric, DAY_2)).as(metric).containsOnly(3L);
            }
            assertThat(client.numbers("pulp", "rbac.custom_roles", DAY_2, "production")).containsEntry("0", "3");
            assertThat(server.store().countReports("pulp")).isEqualTo(14);
        }
    }

    @Test
    void onlySystemsSeenOnAnEarlierDayCountButTheFleetCountsEveryone() {
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            UUID veteran = UUID.randomUUID();
            post(client, "/", PulpPayloads.pulp321(veteran, "3.21.0", 2, 1));
            clock.advance(Duration.ofDays(1));
            post(client, "/", PulpPayloads.pulp321(veteran, "3.21.0", 2, 1));
            post(client, "/", PulpPayloads.pulp321(UUID.randomUUID(), "3.49.0", 64, 8));
            clock.advance(Duration.ofDays(1));
            server.runDailyJobs();

            assertThat(client.numbers("pulp", "components.core.xy", DAY_2, "production")).isEqualTo(Map.of("3.21", "1"));
            assertThat(client.numbers("pulp", "workers.processes", DAY_2, "production")).containsEntry("max", "2.0");
            assertThat(client.numbers("pulp", "components.core.xy", DAY_1, "production"))
                    .as("on its first day nobody is persistent yet").isEmpty();
            assertThat(client.numbers("pulp", "systems", DAY_2, "production"))
                    .containsEntry("active_1d", "2").containsEntry("new", "1");
            assertThat(client.numbers("pulp", "systems.age_days", DAY_2, "production")).isEqualTo(Map.of("0", "1", "1", "1"));
        }
    }

    @Test
    void releaseVersionsAreProductionAndAnythingElseIsDev() {
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            UUID release = UUID.randomUUID();
            UUID[] dev = uuids(3);
            String[] devVersions = {"3.22.0.dev", "2.0.0a6", "1.0.0rc1"};
            for (int day = 0; day < 2; day++) {
                post(client, "/", Analytics.newBuilder().setSystemId(release.toString())
                        .addComponents(PulpPayloads.component("core", "3.22.0"))
                        .addComponents(PulpPayloads.component("file", "1.11.0")));
                for (int i = 0; i < dev.length; i++) {
                    post(client, "/", Analytics.newBuilder().setSystemId(dev[i].toString())
                            .addComponents(PulpPayloads.component("core", "3.22.0"))
                            .addComponents(PulpPayloads.component("file", devVersions[i])));
                }
                clock.advance(Duration.ofDays(1));
            }
            server.runDailyJobs();

            assertThat(client.numbers("pulp", "components.core.xy", DAY_2, "production")).isEqualTo(Map.of("3.22", "1"));
            assertThat(client.numbers("pulp", "components.core.xy", DAY_2, "dev")).isEqualTo(Map.of("3.22", "3"));
            assertThat(client.numbers("pulp", "components.file.xyz", DAY_2, "dev"))
                    .isEqualTo(Map.of("3.22.0", "1", "2.0.0", "1", "1.0.0", "1"));
        }
    }

    @Test
    void theSamePulpSystemPostingTwiceADayIsOneSystemAndTheLatestWins() {
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            UUID system = UUID.randomUUID();
            for (int day = 0; day < 2; day++) {
                post(client, "/", PulpPayloads.pulp321(system, "3.21.0", 2, 1));
                clock.advance(Duration.ofHours(3));
                post(client, "/api/v1/compat/pulp", PulpPayloads.pulp321(system, "3.21.1", 3, 1));
                clock.advance(Duration.ofHours(21));
            }
            server.runDailyJobs();

            assertThat(client.numbers("pulp", "systems", DAY_2, "production")).containsEntry("active_1d", "1");
            assertThat(client.numbers("pulp", "components.core.xyz", DAY_2, "production")).isEqualTo(Map.of("3.21.1", "1"));
            assertThat(client.numbers("pulp", "workers.processes", DAY_2, "production")).containsEntry("mean", "3.0");
        }
    }

    @Test
    void whatPulpcoreSendsIsAcceptedOnEveryPulpRoute() {
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            byte[] body = PulpPayloads.pulp321(UUID.randomUUID(), "3.21.0", 1, 1).build().toByteArray();
            for (String contentType : new String[] {null, "application/octet-stream", "application/x-protobuf", "application/protobuf"}) {
                for (String path : new String[] {"/", "/api/v1/compat/pulp", "/api/v1/compat/pulp/pulp"}) {
                    HttpResponse<String> response = post(client, path, body, contentType);
                    assertThat(response.statusCode()).as(path + " as " + contentType).isEqualTo(200);
                    assertThat(json(response).get("accepted").asBoolean()).isTrue();
                }
            }
            assertThat(post(client, "/api/v1/compat/pulp/demo", body, null).statusCode())
                    .as("demo speaks only Census JSON").isEqualTo(404);
        }
    }

    @Test
    void whatAnyWebPageCouldMakeItsVisitorsPostIsRefusedAndStoresNothing() {
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            byte[] body = PulpPayloads.pulp321(UUID.randomUUID(), "3.21.0", 1, 1).build().toByteArray();
            for (String path : new String[] {"/", "/api/v1/compat/pulp", "/api/v1/compat/pulp/pulp"}) {
                for (String contentType : new String[] {"text/plain", "text/plain;charset=UTF-8", "Text/Plain ; charset=x",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=census"}) {
                    HttpResponse<String> response = post(client, path, body, contentType);
                    assertThat(response.statusCode()).as(path + " as " + contentType).isEqualTo(415);
                    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                }
                for (String contentType : new String[] {null, "application/octet-stream"}) {
                    HttpRequest.Builder fromAPage = HttpRequest.newBuilder(URI.create(client.base() + path))
                            .header("Origin", "https://elsewhere.example").POST(HttpRequest.BodyPublishers.ofByteArray(body));
                    if (contentType != null) {
                        fromAPage.header("Content-Type", contentType);
                    }
                    HttpResponse<String> response = client.send(fromAPage.build());
                    assertThat(response.statusCode()).as(path + " from a page as " + contentType).isEqualTo(403);
                    assertThat(json(response).get("type").asText()).endsWith("/cross-origin");
                    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
                }
            }
            assertThat(server.store().countReports("pulp")).isZero();
        }
    }

    @Test
    void bytesThatAreNotAnAnalyticsMessageAre400WithAProblemAndStoreNothing() {
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            byte[] valid = PulpPayloads.pulp323(UUID.randomUUID(), "3.23.0", 2, 150004, 3).build().toByteArray();
            Map<String, byte[]> bad = new TreeMap<>();
            bad.put("truncated varint", HexFormat.of().parseHex("0a2466"));
            bad.put("truncated after a varint's continuation bit", HexFormat.of().parseHex("28ff"));
            bad.put("truncated message", Arrays.copyOf(valid, valid.length - 3));
            bad.put("missing system_id", Analytics.newBuilder().addComponents(PulpPayloads.component("core", "3.21.0"))
                    .buildPartial().toByteArray());
            bad.put("empty body", new byte[0]);
            bad.put("bad UUID", PulpPayloads.pulp321(UUID.randomUUID(), "3.21.0", 1, 1).setSystemId("not-a-uuid").build().toByteArray());
            bad.put("upper-case UUID", PulpPayloads.pulp321(UUID.randomUUID(), "3.21.0", 1, 1)
                    .setSystemId(UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT)).build().toByteArray());
            bad.put("component without version", Analytics.newBuilder().setSystemId(UUID.randomUUID().toString())
                    .addComponents(Analytics.Component.newBuilder().setName("core").buildPartial()).buildPartial().toByteArray());
            bad.put("version with spaces", PulpPayloads.pulp321(UUID.randomUUID(), "3.21.0 beta", 1, 1).build().toByteArray());
            Random random = new Random(20260311L);
            for (int i = 0; i < 50; i++) {
                byte[] garbage = new byte[1 + random.nextInt(200)];
                random.nextBytes(garbage);
                bad.put("garbage " + i, garbage);
            }
            bad.forEach((what, body) -> {
                HttpResponse<String> response = post(client, "/", body, null);
                assertThat(response.statusCode()).as(what).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
                JsonNode problem = json(response);
                assertThat(problem.get("status").asInt()).isEqualTo(400);
                assertThat(problem.get("type").asText()).endsWith("/malformed-report");
            });
            assertThat(json(post(client, "/", bad.get("missing system_id"), null)).get("field").asText()).isEqualTo("system_id");
            assertThat(json(post(client, "/", bad.get("bad UUID"), null)).get("field").asText()).isEqualTo("system_id");
            assertThat(server.store().countReports("pulp")).isZero();
        }
    }

    @Test
    void floodsAreRateLimitedAsJsonIngestionIs() {
        try (CensusServer server = TestServers.builder(dataDir, clock).rateLimitPerMinute(1).build().start()) {
            CensusClient client = new CensusClient(server.port());
            byte[] body = PulpPayloads.pulp321(UUID.randomUUID(), "3.21.0", 1, 1).build().toByteArray();
            assertThat(post(client, "/", body, null).statusCode()).isEqualTo(200);
            HttpResponse<String> limited = post(client, "/", body, null);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void anUnavailableDatabaseAnswers503AsJsonIngestionDoes() {
        GatedReportStore gated = new GatedReportStore(DuckDbReportStore.open(dataDir));
        gated.open();
        try (CensusServer server = TestServers.builder(dataDir, clock).store(gated.store()).build().start()) {
            CensusClient client = new CensusClient(server.port());
            byte[] body = PulpPayloads.pulp321(UUID.randomUUID(), "3.21.0", 1, 1).build().toByteArray();
            gated.failAppends(true);
            HttpResponse<String> refused = post(client, "/", body, null);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            gated.failAppends(false);
            assertThat(post(client, "/", body, null).statusCode()).isEqualTo(200);
            assertThat(gated.store().countReports("pulp")).isEqualTo(1);
        }
    }

    @Test
    void aGzippedBodyIsUnpackedWhenDeclared() throws java.io.IOException {
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
                gzip.write(PulpPayloads.pulp321(UUID.randomUUID(), "3.21.0", 1, 1).build().toByteArray());
            }
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/"))
                    .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())).build());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(server.store().countReports("pulp")).isEqualTo(1);
        }
    }

    @Test
    void installationAgeSurvivesRawDataRetention() {
        try (CensusServer server = TestServers.builder(dataDir, clock).retentionDays(30).build().start()) {
            CensusClient client = new CensusClient(server.port());
            UUID old = UUID.randomUUID();
            post(client, "/", PulpPayloads.pulp321(old, "3.21.0", 1, 1));
            clock.advance(Duration.ofDays(40));
            server.runDailyJobs();
            assertThat(server.store().earliestRawDay("pulp")).as("day 1 is past retention").isEmpty();
            post(client, "/", PulpPayloads.pulp321(old, "3.21.0", 1, 1));
            post(client, "/", PulpPayloads.pulp321(UUID.randomUUID(), "3.21.0", 1, 1));
            clock.advance(Duration.ofDays(1));
            server.runDailyJobs();

            String day41 = "2026-04-19";
            assertThat(client.numbers("pulp", "systems.age_days", day41, "production")).isEqualTo(Map.of("0", "1", "32-63", "1"));
            assertThat(client.numbers("pulp", "systems.demography", day41, "production"))
                    .containsEntry("min", "0.0").containsEntry("max", "40.0").containsEntry("mean", "20.0");
            assertThat(client.numbers("pulp", "workers.processes", day41, "production"))
                    .as("the old system is persistent although its first day's report is gone").containsEntry("mean", "1.0");
            assertThat(samples(client, "workers.processes", day41)).containsOnly(1L);
        }
    }

    private static UUID[] uuids(int n) {
        UUID[] ids = new UUID[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID();
        }
        return ids;
    }

    private static void post(CensusClient client, String path, Analytics.Builder message) {
        HttpResponse<String> response = post(client, path, message.build().toByteArray(), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static HttpResponse<String> post(CensusClient client, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build());
    }


    /** The sample sizes of a metric's statistics on the production channel. */
    private static java.util.List<Long> samples(CensusClient client, String metric, String day) {
        JsonNode page = json(client.get("/api/v1/products/pulp/summaries?metric=" + metric + "&from=" + day + "&to=" + day));
        java.util.List<Long> samples = new java.util.ArrayList<>();
        for (JsonNode item : page.get("items")) {
            if (item.has("stat")) {
                samples.add(item.get("systems").asLong());
            }
        }
        return samples;
    }
}
