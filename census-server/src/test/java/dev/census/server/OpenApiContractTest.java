package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.census.registry.Registry;
import dev.census.registry.RegistryLoader;
import dev.census.server.store.DuckDbReportStore;
import dev.census.testing.CensusClient;
import dev.census.server.testing.FailingStore;
import dev.census.testing.Fleet;
import dev.census.testing.TestClock;
import dev.census.server.testing.OpenApiContract;
import dev.census.server.testing.PulpPayloads;
import dev.census.testing.Reports;
import dev.census.server.testing.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAPI document is the contract: every documented operation and status, errors included, is
 * driven through real servers and each answer validated against the document; an answer the
 * document does not describe, a route it does not name, or a documented status never seen fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractTest {

    private static final String TOKEN = TestServers.ADMIN_TOKEN;
    private static final String WRONG_TOKEN = "wrong-" + TestServers.ADMIN_TOKEN;
    private static final String JSON = "application/json";
    private static final String TODAY = "2026-03-11";
    /** Routes that are pages, not API: the dashboard's HTML (docs/dashboard.md). */
    private static final Set<String> PAGES = Set.of("GET /", "GET /privacy", "GET /p/{product}", "GET /p/{product}/about");

    @TempDir
    static Path mainDir;
    @TempDir
    static Path limitedDir;
    @TempDir
    static Path plainDir;
    @TempDir
    static Path relayDir;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final OpenApiContract CONTRACT = OpenApiContract.bundled();
    private static FailingStore faults;
    /** Seeded with a summarized fleet; its store can fail or look busy on demand. */
    private static CensusServer main;
    /** One report post per address and minute, on a clock that stands still. */
    private static CensusServer limited;
    /** No admin token, no Pulp-compatible product. */
    private static CensusServer plain;
    /** A relay to an upstream that refuses connections, with one report queued. */
    private static CensusServer relay;

    @BeforeAll
    static void start() {
        TestClock clock = TestClock.at(TODAY + "T08:00:00Z");
        faults = FailingStore.around(DuckDbReportStore.open(mainDir));
        main = TestServers.builder(mainDir, clock).store(faults.store()).build().start();
        limited = TestServers.builder(limitedDir, TestClock.at(TODAY + "T08:00:00Z")).rateLimitPerMinute(1).build().start();
        Registry demoOnly = new Registry(List.of(RegistryLoader.bundled().product("demo").orElseThrow()));
        plain = TestServers.builder(plainDir, TestClock.at(TODAY + "T08:00:00Z")).adminToken(null).registry(demoOnly)
                .build().start();
        CensusClient client = new CensusClient(main.port());
        int accepted = 0;
        for (String report : Fleet.reports(12, List.of("2026-03-08", "2026-03-09", "2026-03-10"), 16)) {
            accepted += client.postReport(report).statusCode() == 202 ? 1 : 0;
        }
        assertThat(accepted).isGreaterThan(20);
        for (int i = 0; i < 6; i++) {
            byte[] pulp = PulpPayloads.pulp323(UUID.randomUUID(), "3.49.1", 2 + i, 150004, 3).build().toByteArray();
            assertThat(client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/compat/pulp/pulp"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(pulp)).build()).statusCode()).isEqualTo(200);
        }
        main.runDailyJobs();
        relay = TestServers.builder(relayDir, TestClock.at(TODAY + "T08:00:00Z")).relayTo("http://127.0.0.1:1/")
                .relayEnvironment(Map.of()).build().start();
        assertThat(new CensusClient(relay.port()).postReport(Reports.report().sentAt(TODAY + "T07:00:00Z").json()).statusCode())
                .isEqualTo(202);
    }

    @AfterAll
    static void stop() {
        for (CensusServer server : new CensusServer[] {main, limited, plain, relay}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    @Order(1)
    void theDocumentIsAnOpenApi31DocumentWithoutProblems() {
        assertThat(CONTRACT.documentProblems()).isEmpty();
        assertThat(CONTRACT.document().path("openapi").asText()).startsWith("3.1.");
    }

    @Test
    @Order(1)
    void everyRouteOfTheServerIsDocumentedOrAPage() {
        List<String> undocumented = new ArrayList<>();
        Set<String> routed = new TreeSet<>();
        for (String route : main.routes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                continue;
            }
            routed.add(method.toLowerCase() + " " + path);
            if (!PAGES.contains(route) && !CONTRACT.documents(method, path)) {
                undocumented.add(route);
            }
        }
        assertThat(undocumented).as("routes the OpenAPI document does not describe").isEmpty();
        List<String> unrouted = new ArrayList<>();
        CONTRACT.document().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (!routed.contains(method + " " + path.getKey())) {
                unrouted.add(method + " " + path.getKey());
            }
        }));
        assertThat(unrouted).as("documented operations the server does not route").isEmpty();
    }

    @Test
    @Order(1)
    void theDocumentIsServedAsJsonWithAnETagAndCorsLikeTheOtherGets() throws IOException {
        HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(uri(main, "/api/v1/openapi.json"))
                .header("Origin", "https://example.org").GET().build());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(JSON));
        assertThat(answer.headers().firstValue("ETag")).isPresent();
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        assertThat(new ObjectMapper().readTree(answer.body())).isEqualTo(CONTRACT.document());
    }

    @Test
    @Order(1)
    void whatJettyRefusesBeforeCensusIsAProblemToo() throws IOException {
        HttpResponse<byte[]> longUri = send(HttpRequest.newBuilder(uri(main, "/api/v1/products?x=" + "y".repeat(20_000))).GET().build());
        HttpResponse<byte[]> longHeader = send(HttpRequest.newBuilder(uri(main, "/api/v1/products"))
                .header("X-Padding", "y".repeat(20_000)).GET().build());
        for (HttpResponse<byte[]> answer : List.of(longUri, longHeader)) {
            assertThat(answer.statusCode()).isIn(414, 431);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = new ObjectMapper().readTree(answer.body());
            assertThat(problem.path("status").asInt()).isEqualTo(answer.statusCode());
            assertThat(problem.path("type").asText()).isEqualTo("https://census.dev/problems/http-" + answer.statusCode());
        }
    }

    /** One request of the contract test: what it shows, the status it must get, and how it is sent. */
    record Case(String name, int status, Supplier<Exchange> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A request as sent and the server's answer. */
    record Exchange(HttpRequest request, HttpResponse<byte[]> response) {
    }

    static Stream<Arguments> cases() {
        String demoReport = Reports.report().sentAt(TODAY + "T07:00:00Z").component("core", "3.49.1")
                .metric("workers.processes", "4").json();
        String huge = Reports.report().sentAt(TODAY + "T07:00:00Z").metric("database.engine", "\"" + "a".repeat(70_000) + "\"").json();
        byte[] hugeBytes = huge.getBytes(StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();

        // ingestion: Census JSON
        cases.add(new Case("a valid report is accepted", 202, () -> postReport(main, demoReport, JSON)));
        cases.add(new Case("dropped fields are listed", 202, () -> postReport(main,
                Reports.report().sentAt(TODAY + "T07:00:00Z").metric("workers.processes", "2").metric("no.such", "1").json(), JSON)));
        cases.add(new Case("malformed JSON is 400", 400, () -> postReport(main, "{\"schema\":1,", JSON)));
        cases.add(new Case("duplicate keys are 400 (issue 16 item 11)", 400, () -> postReport(main,
                demoReport.replace("{\"schema\":1,", "{\"schema\":1,\"schema\":1,"), JSON)));
        cases.add(new Case("a schema number out of range is 400 (issue 16 item 11)", 400, () -> postReport(main,
                demoReport.replace("\"schema\":1", "\"schema\":18446744073709551617"), JSON)));
        cases.add(new Case("an oversize report is 413", 413, () -> postReport(main, huge, JSON)));
        cases.add(new Case("a report as text/plain is 415", 415, () -> postReport(main, demoReport, "text/plain")));
        cases.add(new Case("an unknown product is 422", 422, () -> postReport(main,
                Reports.report().product("nope").sentAt(TODAY + "T07:00:00Z").json(), JSON)));
        cases.add(new Case("the first report of the minute is accepted", 202, () -> postReport(limited, demoReport, JSON)));
        cases.add(new Case("reports past the rate limit are 429", 429, () -> postReport(limited, demoReport, JSON)));
        cases.add(new Case("a report while storage is down is 503", 503, () -> failing(() -> postReport(main, demoReport, JSON))));

        // ingestion: Pulp's protobuf message, at its three paths
        for (String path : List.of("/", "/api/v1/compat/pulp", "/api/v1/compat/pulp/pulp")) {
            cases.add(new Case("Pulp at " + path + ": a valid message is 200", 200, () -> postPulp(main, path, pulpMessage(), null, null)));
            cases.add(new Case("Pulp at " + path + ": bytes that are no message are 400", 400, () -> postPulp(main, path,
                    new byte[] {(byte) 0xff, 0x01, 0x02}, null, null)));
            cases.add(new Case("Pulp at " + path + ": an oversize body is 413", 413, () -> postPulp(main, path, hugeBytes, null, null)));
            cases.add(new Case("Pulp at " + path + ": an encoding other than gzip is 415", 415, () -> postPulp(main, path,
                    pulpMessage(), null, "br")));
            cases.add(new Case("Pulp at " + path + ": text/plain is 415 (issue 16 item 11)", 415, () -> postPulp(main, path,
                    pulpMessage(), "text/plain", null)));
            cases.add(new Case("Pulp at " + path + ": a post a browser sends for a web page (Origin) is 403", 403, () -> send(
                    HttpRequest.newBuilder(uri(main, path)).header("Origin", "https://example.org")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(pulpMessage())))));
            cases.add(new Case("Pulp at " + path + ": past the rate limit is 429", 429, () -> postPulp(limited, path, pulpMessage(), null, null)));
            cases.add(new Case("Pulp at " + path + ": storage down is 503", 503, () -> failing(() -> postPulp(main, path, pulpMessage(), null, null))));
        }
        cases.add(new Case("Pulp at / without a Pulp-compatible product is 404", 404, () -> postPulp(plain, "/", pulpMessage(), null, null)));
        cases.add(new Case("Pulp at the compat path without a Pulp-compatible product is 404", 404, () ->
                postPulp(plain, "/api/v1/compat/pulp", pulpMessage(), null, null)));
        cases.add(new Case("Pulp for a product that is not Pulp-compatible is 404", 404, () ->
                postPulp(main, "/api/v1/compat/pulp/demo", pulpMessage(), null, null)));

        // reading
        cases.add(new Case("products", 200, () -> get(main, "/api/v1/products")));
        cases.add(new Case("products, not modified", 304, () -> getAgain(main, "/api/v1/products")));
        cases.add(new Case("metrics of demo", 200, () -> get(main, "/api/v1/products/demo/metrics")));
        cases.add(new Case("metrics of pulp", 200, () -> get(main, "/api/v1/products/pulp/metrics")));
        cases.add(new Case("metrics, not modified", 304, () -> getAgain(main, "/api/v1/products/demo/metrics")));
        cases.add(new Case("metrics of an unknown product are 404", 404, () -> get(main, "/api/v1/products/nope/metrics")));
        String summaries = "/api/v1/products/demo/summaries?from=2026-03-08&to=2026-03-10";
        cases.add(new Case("summaries as JSON", 200, () -> get(main, summaries)));
        cases.add(new Case("summaries, a page with a next cursor", 200, () -> get(main, summaries + "&limit=5")));
        cases.add(new Case("summaries, the page after a cursor", 200, () -> get(main, summaries + "&limit=5&cursor="
                + json(get(main, summaries + "&limit=5")).path("next_cursor").asText())));
        cases.add(new Case("summaries of pulp, one metric", 200, () -> get(main,
                "/api/v1/products/pulp/summaries?metric=workers.processes&from=2026-03-01&to=" + TODAY)));
        cases.add(new Case("summaries as CSV by Accept", 200, () -> get(main, summaries, "Accept", "text/csv")));
        cases.add(new Case("summaries as CSV by format, with a Link to the next page", 200, () -> get(main, summaries + "&format=csv&limit=5")));
        cases.add(new Case("summaries, not modified", 304, () -> getAgain(main, summaries)));
        cases.add(new Case("summaries with limit 0 are 400", 400, () -> get(main, summaries + "&limit=0")));
        cases.add(new Case("summaries with a cursor not given out are 400", 400, () -> get(main, summaries + "&cursor=!!")));
        cases.add(new Case("summaries of channel beta are 400", 400, () -> get(main, summaries + "&channel=beta")));
        cases.add(new Case("summaries with from after to are 400", 400, () -> get(main,
                "/api/v1/products/demo/summaries?from=2026-03-10&to=2026-03-01")));
        cases.add(new Case("summaries from the last representable day are 400 (issue 16 item 4)", 400, () -> get(main,
                "/api/v1/products/demo/summaries?from=%2B999999999-12-31")));
        cases.add(new Case("summaries to the first representable day are 400 (issue 16 item 4)", 400, () -> get(main,
                "/api/v1/products/demo/summaries?to=-999999999-01-01")));
        cases.add(new Case("summaries of an unknown product are 404", 404, () -> get(main, "/api/v1/products/nope/summaries")));
        cases.add(new Case("summaries while storage is down are 503", 503, () -> failing(() -> get(main,
                "/api/v1/products/demo/summaries?from=2026-02-01"))));
        String series = "/api/v1/products/demo/series/memory.mib?from=2026-03-07&to=2026-03-10";
        cases.add(new Case("the fleet today", 200, () -> get(main, "/api/v1/products/demo/today")));
        cases.add(new Case("the pulp fleet today, dev channel", 200, () -> get(main, "/api/v1/products/pulp/today?channel=dev")));
        cases.add(new Case("a product with nothing summarized today", 200, () -> get(plain, "/api/v1/products/demo/today")));
        cases.add(new Case("the fleet today, not modified", 304, () -> getAgain(main, "/api/v1/products/demo/today")));
        cases.add(new Case("the fleet today of channel beta is 400", 400, () -> get(main, "/api/v1/products/demo/today?channel=beta")));
        cases.add(new Case("the fleet today of an unknown product is 404", 404, () -> get(main, "/api/v1/products/nope/today")));
        cases.add(new Case("the fleet today while storage is down is 503", 503, () -> failing(() -> get(main,
                "/api/v1/products/demo/today"))));
        cases.add(new Case("a series of statistics and buckets", 200, () -> get(main, series)));
        cases.add(new Case("the systems series", 200, () -> get(main, "/api/v1/products/demo/series/systems?from=2026-03-07&to=2026-03-10")));
        cases.add(new Case("a series of a metric without numbers", 200, () -> get(main, "/api/v1/products/demo/series/no.such.metric")));
        cases.add(new Case("a series as CSV", 200, () -> get(main, series + "&format=csv")));
        cases.add(new Case("a series, not modified", 304, () -> getAgain(main, series)));
        cases.add(new Case("a series with a malformed day is 400", 400, () -> get(main, "/api/v1/products/demo/series/systems?from=March")));
        cases.add(new Case("a series from the last representable day is 400 (issue 16 item 4)", 400, () -> get(main,
                "/api/v1/products/demo/series/systems?from=%2B999999999-12-31")));
        cases.add(new Case("a series whose path holds an encoded NUL is 400", 400, () -> get(main, "/api/v1/products/demo/series/metric%00")));
        cases.add(new Case("a series of an unknown product is 404", 404, () -> get(main, "/api/v1/products/nope/series/systems")));
        cases.add(new Case("a series while storage is down is 503", 503, () -> failing(() -> get(main,
                "/api/v1/products/demo/series/systems?from=2026-02-02"))));

        // deletion
        String system = "/api/v1/products/demo/systems/";
        cases.add(new Case("deleting a system", 204, () -> delete(main, system + UUID.randomUUID())));
        cases.add(new Case("deleting a system by a malformed ID is 400", 400, () -> delete(main, system + "not-a-uuid")));
        cases.add(new Case("deleting a system of an unknown product is 404", 404, () -> delete(main,
                "/api/v1/products/nope/systems/" + UUID.randomUUID())));
        cases.add(new Case("deleting while storage is down is 503", 503, () -> failing(() -> delete(main, system + UUID.randomUUID()))));

        // admin
        cases.add(new Case("admin: the daily jobs now", 200, () -> admin(main, "POST", "/api/v1/admin/summarize", TOKEN)));
        cases.add(new Case("admin: a range recomputed", 200, () -> admin(main, "POST",
                "/api/v1/admin/summarize?from=2026-03-08&to=2026-03-10&recompute=true", TOKEN)));
        cases.add(new Case("admin: a malformed day is 400", 400, () -> admin(main, "POST", "/api/v1/admin/summarize?from=yesterday", TOKEN)));
        cases.add(new Case("admin: summarize without the token is 401", 401, () -> admin(main, "POST", "/api/v1/admin/summarize", null)));
        cases.add(new Case("admin: summarize on a server without a token is 404", 404, () -> admin(plain, "POST", "/api/v1/admin/summarize", TOKEN)));
        cases.add(new Case("admin: summarize while the jobs run elsewhere is 409", 409, () -> busy(() ->
                admin(main, "POST", "/api/v1/admin/summarize", TOKEN))));
        cases.add(new Case("admin: summarize while storage is down is 503", 503, () -> failing(() ->
                admin(main, "POST", "/api/v1/admin/summarize", TOKEN))));
        // the relay (docs/relay.md)
        cases.add(new Case("relay: send-now", 200, () -> admin(relay, "POST", "/api/v1/admin/relay/send-now", TOKEN)));
        cases.add(new Case("relay: status", 200, () -> admin(relay, "GET", "/api/v1/admin/relay", TOKEN)));
        cases.add(new Case("relay: the queue of a day", 200, () -> admin(relay, "GET", "/api/v1/admin/relay/queue?day=" + TODAY, TOKEN)));
        cases.add(new Case("relay: a malformed day is 400", 400, () -> admin(relay, "GET", "/api/v1/admin/relay/queue?day=today", TOKEN)));
        cases.add(new Case("relay: pause", 200, () -> admin(relay, "POST", "/api/v1/admin/relay/pause", TOKEN)));
        cases.add(new Case("relay: send-now while paused", 200, () -> admin(relay, "POST", "/api/v1/admin/relay/send-now", TOKEN)));
        cases.add(new Case("relay: resume", 200, () -> admin(relay, "POST", "/api/v1/admin/relay/resume", TOKEN)));
        for (String[] route : new String[][] {{"GET", "/api/v1/admin/relay"}, {"GET", "/api/v1/admin/relay/queue"},
                {"POST", "/api/v1/admin/relay/pause"}, {"POST", "/api/v1/admin/relay/resume"}, {"POST", "/api/v1/admin/relay/send-now"}}) {
            cases.add(new Case("relay: " + route[1] + " without the token is 401", 401, () -> admin(relay, route[0], route[1], null)));
            cases.add(new Case("relay: " + route[1] + " on a server that is not a relay is 404", 404, () -> admin(main, route[0], route[1], TOKEN)));
            cases.add(new Case("relay: " + route[1] + " after many wrong tokens is 429", 429, () ->
                    untilNot401(() -> admin(limited, route[0], route[1], WRONG_TOKEN))));
        }
        cases.add(new Case("admin: stats", 200, () -> admin(main, "GET", "/api/v1/admin/stats", TOKEN)));
        cases.add(new Case("admin: stats with a wrong token is 401", 401, () -> admin(main, "GET", "/api/v1/admin/stats", WRONG_TOKEN)));
        cases.add(new Case("admin: stats on a server without a token is 404", 404, () -> admin(plain, "GET", "/api/v1/admin/stats", TOKEN)));
        cases.add(new Case("admin: stats after many wrong tokens are 429 (issue 16 item 6)", 429, () ->
                untilNot401(() -> admin(limited, "GET", "/api/v1/admin/stats", WRONG_TOKEN))));
        cases.add(new Case("admin: summarize after many wrong tokens is 429 (issue 16 item 6)", 429, () ->
                untilNot401(() -> admin(limited, "POST", "/api/v1/admin/summarize", WRONG_TOKEN))));

        // the document, health
        cases.add(new Case("the OpenAPI document", 200, () -> get(main, "/api/v1/openapi.json")));
        cases.add(new Case("the OpenAPI document, not modified", 304, () -> getAgain(main, "/api/v1/openapi.json")));
        cases.add(new Case("liveness", 200, () -> get(main, "/healthz")));
        cases.add(new Case("readiness", 200, () -> get(main, "/readyz")));
        cases.add(new Case("readiness while storage cannot commit is 503", 503, () -> failing(() -> get(main, "/readyz"))));
        cases.add(new Case("Prometheus metrics", 200, () -> get(main, "/metrics")));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(2)
    void everyAnswerKeepsTheContract(Case contractCase) {
        Exchange exchange = contractCase.send().get();
        HttpResponse<byte[]> answer = exchange.response();
        List<String> violations = CONTRACT.check(exchange.request().method(), exchange.request().uri(), answer.statusCode(),
                answer.headers(), answer.body());
        assertThat(violations).as("%s: contract violations of %s %s", contractCase, exchange.request().method(),
                exchange.request().uri()).isEmpty();
        assertThat(answer.statusCode()).as("%s: status of %s %s: %s", contractCase, exchange.request().method(),
                exchange.request().uri(), new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(contractCase.status());
    }

    @Test
    @Order(3)
    void everyDocumentedOperationStatusAndMediaTypeWasExercised() {
        Set<String> missing = new TreeSet<>(CONTRACT.documented());
        missing.removeAll(CONTRACT.exercised());
        assertThat(missing).as("documented but never answered in this test").isEmpty();
    }

    @Test
    @Order(4)
    void validReportsKeepTheDocumentedRequestSchema() {
        for (String report : Fleet.reports(5, List.of("2026-03-08"), 3)) {
            assertThat(CONTRACT.checkRequestBody("POST", "/api/v1/reports", JSON, report.getBytes(StandardCharsets.UTF_8))).isEmpty();
        }
        assertThat(CONTRACT.checkRequestBody("POST", "/api/v1/reports", JSON,
                "{\"schema\":1,\"product\":\"demo\"}".getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    @Order(4)
    void theCheckerRefusesAnswersTheDocumentDoesNotDescribe() {
        OpenApiContract contract = OpenApiContract.bundled();
        URI products = URI.create("http://localhost/api/v1/products");
        HttpHeaders json = headers("Content-Type", JSON, "ETag", "\"0badcafe-2\"", "Cache-Control", "public, max-age=300", "Vary", "Accept");
        assertThat(contract.check("GET", products, 200, json, "{\"items\":[]}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(contract.check("GET", URI.create("http://localhost/api/v1/nothing"), 200, json, new byte[0]))
                .singleElement().asString().contains("undocumented path");
        assertThat(contract.check("PUT", products, 200, json, new byte[0])).singleElement().asString().contains("undocumented method");
        assertThat(contract.check("GET", products, 500, json, new byte[0])).singleElement().asString().contains("undocumented status");
        assertThat(contract.check("GET", products, 200, headers("Content-Type", JSON), "{\"items\":[]}".getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(violation -> assertThat(violation).contains("missing header ETag"));
        assertThat(contract.check("GET", products, 200, headers("Content-Type", "text/html", "ETag", "\"0badcafe-2\"",
                "Cache-Control", "public, max-age=300", "Vary", "Accept"), new byte[0]))
                .singleElement().asString().contains("undocumented media type text/html");
        assertThat(contract.check("GET", products, 200, json, "{\"items\":[{\"name\":7}]}".getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(contract.check("GET", URI.create("http://localhost/api/v1/products/demo/summaries"), 200, json,
                "{\"items\":[{\"day\":\"2026-13-45\",\"channel\":\"dev\",\"metric\":\"m\",\"bucket\":\"1\",\"systems\":1}],\"next_cursor\":null}"
                        .getBytes(StandardCharsets.UTF_8))).as("a day that is no date").isNotEmpty();
        assertThat(contract.check("GET", URI.create("http://localhost/api/v1/products/demo/metrics"), 404,
                headers("Content-Type", "application/problem+json"),
                "{\"type\":\"https://census.dev/problems/not-found\",\"title\":\"Not found\",\"status\":400,\"detail\":\"x\"}"
                        .getBytes(StandardCharsets.UTF_8))).as("a problem whose status is not the answer's").isNotEmpty();
        assertThat(contract.exercised()).containsExactly("listProducts 200 application/json");
    }

    private static HttpHeaders headers(String... namesAndValues) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private static Exchange failing(Supplier<Exchange> send) {
        faults.failing(true);
        try {
            return send.get();
        } finally {
            faults.failing(false);
        }
    }

    private static Exchange busy(Supplier<Exchange> send) {
        faults.busy(true);
        try {
            return send.get();
        } finally {
            faults.busy(false);
        }
    }

    /** Repeats a refused admin request until it is answered otherwise (at most 100 times). */
    private static Exchange untilNot401(Supplier<Exchange> send) {
        Exchange exchange = send.get();
        for (int i = 0; i < 100 && exchange.response().statusCode() == 401; i++) {
            exchange = send.get();
        }
        return exchange;
    }

    private static byte[] pulpMessage() {
        return PulpPayloads.pulp323(UUID.randomUUID(), "3.49.1", 4, 150004, 7).build().toByteArray();
    }

    private static Exchange postReport(CensusServer server, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(server, "/api/v1/reports")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Exchange postPulp(CensusServer server, String path, byte[] body, String contentType, String encoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return send(request);
    }

    private static Exchange get(CensusServer server, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** Gets the path twice, the second time naming the first answer's ETag. */
    private static Exchange getAgain(CensusServer server, String path) {
        String etag = get(server, path).response().headers().firstValue("ETag").orElseThrow();
        return get(server, path, "If-None-Match", etag);
    }

    private static Exchange delete(CensusServer server, String path) {
        return send(HttpRequest.newBuilder(uri(server, path)).DELETE());
    }

    private static Exchange admin(CensusServer server, String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static Exchange send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        return new Exchange(request, send(request));
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(Exchange exchange) {
        try {
            return new ObjectMapper().readTree(exchange.response().body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URI uri(CensusServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
