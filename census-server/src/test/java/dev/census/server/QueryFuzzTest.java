package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.census.testing.CensusClient;
import dev.census.testing.Fleet;
import dev.census.server.testing.FuzzRun;
import dev.census.server.testing.MemoryTempDir;
import dev.census.testing.TestClock;
import dev.census.server.testing.PulpPayloads;
import dev.census.server.testing.TestServers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded query strings and headers for every GET route, API and pages, over real HTTP against a
 * summarized fleet: extreme and malformed days, channels, cursors, limits, formats, Accept and
 * If-None-Match. None is answered 5xx, and every API answer is one the OpenAPI document describes.
 */
class QueryFuzzTest {

    private static final int INPUTS = 3_000;
    private static final int SUMMARIZE_INPUTS = 40;
    private static final String[] DAYS = {"2026-03-05", "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "1970-01-01",
        "0001-01-01", "0000-01-01", "9999-12-31", "+10000-01-01", "+999999999-12-31", "-999999999-01-01", "-0001-01-01",
        "2026-02-30", "2026-13-01", "2026-1-1", "20260305", "2026-03-05T00:00:00Z", "", " ", "yesterday", "\u0000",
        "2".repeat(1000), "\u0662\u0660\u0662\u0666-\u0660\u0663-\u0660\u0665", "2026-03-05\n", "2016-02-29", "2026-03-05 "};
    private static final String[] CHANNELS = {"production", "dev", "PRODUCTION", "Dev", "beta", "", "production\u0000", "\uD83D\uDE00",
        "dev,production"};
    private static final String[] LIMITS = {"1", "5", "1000", "10000", "10001", "0", "-1", "2147483647", "2147483648",
        "99999999999999999999", "1e3", "5.0", "", "abc", " 5", "+5", "0x10", "\u0665"};
    private static final String[] FORMATS = {"csv", "json", "CSV", "xml", "", "csv,json"};
    private static final String[] METRICS = {"systems", "systems.age_days", "components", "components.core.xy",
        "components.core.xyz", "memory.mib", "workers.processes", "users.count", "database.engine", "tls.enabled",
        "postgresql.version", "rbac.users", "no.such", "", "/", "..", "a".repeat(500), "' OR 1=1 --", "\uD83D\uDE00", "metric\u0000"};
    private static final String[] PRODUCTS = {"demo", "demo", "pulp", "nope", "DEMO", "..", "a".repeat(100), "\uD83D\uDE00", "demo/metrics"};
    private static final String[] ACCEPTS = {"text/csv", "application/json", "*/*", "text/html", "text/csv;q=0",
        "application/problem+json", "%%%", "text/csv, application/json;q=0.9", "x".repeat(4000), ""};

    @TempDir(factory = MemoryTempDir.class)
    Path dataDir;

    private CensusServer server;
    private final List<String> cursors = new ArrayList<>();
    private final List<String> etags = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        // a relay (to an upstream that refuses connections), so that its admin routes answer too
        server = TestServers.builder(dataDir, TestClock.at("2026-03-11T08:00:00Z")).relayTo("http://127.0.0.1:1/")
                .relayEnvironment(Map.of()).build().start();
        CensusClient client = new CensusClient(server.port());
        int accepted = 0;
        for (String report : Fleet.reports(30, List.of("2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"), 11)) {
            accepted += client.postReport(report).statusCode() == 202 ? 1 : 0;
        }
        assertThat(accepted).isGreaterThan(60);
        for (int i = 0; i < 8; i++) {
            byte[] pulp = PulpPayloads.pulp323(UUID.randomUUID(), "3.49." + i, 2, 150004, 3).build().toByteArray();
            client.send(HttpRequest.newBuilder(URI.create(client.base() + "/")).POST(HttpRequest.BodyPublishers.ofByteArray(pulp)).build());
        }
        server.runDailyJobs();
        ObjectMapper json = new ObjectMapper();
        for (String product : List.of("demo", "pulp")) {
            HttpResponse<String> page = client.get("/api/v1/products/" + product + "/summaries?from=2026-03-01&to=2026-03-10&limit=7");
            JsonNode cursor = json.readTree(page.body()).path("next_cursor");
            if (cursor.isTextual()) {
                cursors.add(cursor.asText());
            }
            page.headers().firstValue("ETag").ifPresent(etags::add);
            client.get("/api/v1/products/" + product + "/series/systems").headers().firstValue("ETag").ifPresent(etags::add);
        }
        client.get("/api/v1/products").headers().firstValue("ETag").ifPresent(etags::add);
        assertThat(cursors).isNotEmpty();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void generatedQueriesAndHeadersOnEveryGetRouteNeverGetA5xx() {
        FuzzRun fuzz = new FuzzRun("GET query and header fuzz", 9_999_123L);
        Random random = fuzz.random();
        Map<String, Pattern> getRoutes = new TreeMap<>();
        server.routes().stream().filter(route -> route.startsWith("GET ")).map(route -> route.substring(4)).forEach(route ->
                getRoutes.put(route, Pattern.compile(route.replaceAll("\\{[^}]+}", "[^/]+"))));
        Set<String> fuzzed = new TreeSet<>();
        for (int i = 0; i < INPUTS; i++) {
            String product = encode(pick(random, PRODUCTS));
            String path = switch (random.nextInt(14)) {
                case 0 -> "/api/v1/products";
                case 1 -> random.nextBoolean() ? "/api/v1/products/" + product + "/metrics" : "/api/v1/products/" + product + "/today";
                case 2, 3, 4 -> "/api/v1/products/" + product + "/summaries";
                case 5, 6, 7 -> "/api/v1/products/" + product + "/series/" + encode(pick(random, METRICS));
                case 8 -> List.of("/api/v1/openapi.json", "/healthz", "/readyz", "/metrics", "/api/v1/admin/stats",
                        "/api/v1/admin/relay", "/api/v1/admin/relay/queue").get(random.nextInt(7));
                case 9 -> List.of("/", "/privacy", "/static/census.css").get(random.nextInt(3));
                case 10, 11, 12 -> "/p/" + product;
                default -> "/p/" + product + "/about";
            };
            getRoutes.forEach((route, pattern) -> {
                if (pattern.matcher(path).matches()) {
                    fuzzed.add(route);
                }
            });
            String query = query(random);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path + (query.isEmpty() ? "" : "?" + query))).GET();
            String headers = headers(random, request);
            fuzz.send(request.build(), headers);
        }
        for (int i = 0; i < SUMMARIZE_INPUTS; i++) {
            StringBuilder query = new StringBuilder();
            if (random.nextBoolean()) {
                query.append("from=").append(encode(pick(random, DAYS))).append('&');
            }
            if (random.nextBoolean()) {
                query.append("to=").append(encode(pick(random, DAYS))).append('&');
            }
            query.append("recompute=").append(pick(random, new String[] {"false", "", "yes", "TRUE?"}));
            fuzz.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/admin/summarize?" + query))
                    .header("Authorization", "Bearer " + TestServers.ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    "admin summarize");
        }
        assertThat(fuzzed).as("GET routes the fuzz reached").containsAll(getRoutes.keySet());
        fuzz.assertNoFailures();
    }

    /** Some of the parameters any route may be given, valid or not, sometimes repeated, sometimes unknown. */
    private String query(Random random) {
        StringBuilder query = new StringBuilder();
        if (random.nextInt(10) == 0) {
            return pick(random, new String[] {"", "&", "=", "&&&", "from", "from=&to=", "%25", "a=%C3%28", "from=%FF", "x=" + "y".repeat(6000)});
        }
        add(random, query, "from", DAYS);
        add(random, query, "to", DAYS);
        add(random, query, "day", DAYS);
        add(random, query, "channel", CHANNELS);
        add(random, query, "limit", LIMITS);
        add(random, query, "format", FORMATS);
        add(random, query, "metric", METRICS);
        if (random.nextInt(3) == 0) {
            query.append("cursor=").append(encode(cursor(random))).append('&');
        }
        if (random.nextInt(8) == 0) {
            query.append(pick(random, new String[] {"unknown=1&", "from=2026-03-01&from=2026-03-02&", "days=7&", "range=all&"}));
        }
        return query.isEmpty() ? "" : query.substring(0, query.length() - 1);
    }

    private static void add(Random random, StringBuilder query, String name, String[] values) {
        if (random.nextInt(3) == 0) {
            query.append(name).append('=').append(encode(pick(random, values))).append('&');
        }
    }

    /** A cursor the API gave out, one bent out of shape, or one it never could have given. */
    private String cursor(Random random) {
        String valid = cursors.get(random.nextInt(cursors.size()));
        return switch (random.nextInt(8)) {
            case 0 -> valid;
            case 1 -> {
                char[] chars = valid.toCharArray();
                chars[random.nextInt(chars.length)] = "AZaz09-_+/=!".charAt(random.nextInt(12));
                yield new String(chars);
            }
            case 2 -> base64(pick(random, new String[] {"+999999999-12-31", "-999999999-01-01", "2026-02-30", "0000-01-01"})
                    + "\u001fsystems\u001fbucket\u001factive_1d");
            case 3 -> base64(pick(random, new String[] {"\u001f\u001f\u001f", "2026-03-05", "2026-03-05\u001fa\u001fb\u001fc\u001fd",
                "2026-03-05\u001f\u0000\u001f'\u001f\""}));
            case 4 -> Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x1F, 0x00});
            case 5 -> "x".repeat(random.nextInt(5) == 0 ? 9000 : 20);
            case 6 -> valid + valid;
            default -> pick(random, new String[] {"", "!!", "a", "====", "%00"});
        };
    }

    /** Adds some of the headers a client may send; returns them as text for the failure report. */
    private String headers(Random random, HttpRequest.Builder request) {
        StringBuilder sent = new StringBuilder();
        if (random.nextInt(3) == 0) {
            sent.append(header(request, "Accept", pick(random, ACCEPTS)));
        }
        if (random.nextInt(3) == 0) {
            String etag = etags.get(random.nextInt(etags.size()));
            sent.append(header(request, "If-None-Match", pick(random, new String[] {etag, "*", "W/" + etag, "\"x\"", "a, b, " + etag, "",
                "\"0\", ".repeat(500) + etag})));
        }
        if (random.nextInt(6) == 0) {
            sent.append(header(request, "Authorization", pick(random, new String[] {"Bearer " + TestServers.ADMIN_TOKEN, "Bearer x",
                "Basic Zm9vOmJhcg==", "Bearer " + TestServers.ADMIN_TOKEN.toUpperCase(), "Bearer"})));
        }
        if (random.nextInt(6) == 0) {
            sent.append(header(request, "Accept-Encoding", pick(random, new String[] {"gzip", "br", "identity;q=0", "*", "x"})));
        }
        if (random.nextInt(6) == 0) {
            sent.append(header(request, "Origin", pick(random, new String[] {"https://example.org", "null", "x"})));
        }
        if (random.nextInt(12) == 0) {
            sent.append(header(request, "X-HTTP-Method-Override", pick(random, new String[] {"DELETE", "POST", "PUT", "x"})));
        }
        return sent.toString();
    }

    private static String header(HttpRequest.Builder request, String name, String value) {
        request.header(name, value);
        return name + ": " + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "; ";
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }
}
