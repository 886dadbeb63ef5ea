package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.testing.RawConnection;
import dev.census.server.testing.RunningServer;
import dev.census.server.testing.TestServers;
import dev.census.testing.Reports;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a browser, a keep-alive client or a crafted header can make of the HTTP layer: the admin
 * token compared byte for byte, no method override, CORS for public reads only, pages that forbid
 * framing, sniffing and foreign scripts, admin answers never cached.
 */
class HttpHardeningTest {

    private static final String ELSEWHERE = "https://elsewhere.example";

    @RegisterExtension
    static final RunningServer running = RunningServer.at("2026-03-11T08:00:00Z");

    @Test
    void aCaseVariantOfTheTokenIsRefusedAfterTheRightTokenOnTheSameConnection() {
        String variant = TestServers.ADMIN_TOKEN.toUpperCase(Locale.ROOT);
        try (RawConnection connection = RawConnection.open(running.server().port())) {
            assertThat(connection.exchange(adminStats(TestServers.ADMIN_TOKEN)).status()).isEqualTo(200);
            assertThat(connection.exchange(adminStats(variant)).status()).isEqualTo(401);
            assertThat(connection.exchange(adminStats(TestServers.ADMIN_TOKEN)).status()).isEqualTo(200);
        }
    }

    @Test
    void theRightTokenIsAcceptedAfterACaseVariantOnTheSameConnection() {
        String variant = "Secret-Token";
        try (RawConnection connection = RawConnection.open(running.server().port())) {
            assertThat(connection.exchange(adminStats(variant)).status()).isEqualTo(401);
            assertThat(connection.exchange(adminStats(TestServers.ADMIN_TOKEN)).status()).isEqualTo(200);
            assertThat(connection.exchange(adminStats(variant)).status()).isEqualTo(401);
        }
    }

    @Test
    void aMethodOverrideHeaderNeverTurnsAPostOrAGetIntoADelete() {
        UUID system = UUID.randomUUID();
        assertThat(running.client().postReport(Reports.report().system(system).sentAt("2026-03-11T07:00:00Z").json()).statusCode())
                .isEqualTo(202);
        long before = running.server().store().countReports("demo");
        String path = running.client().base() + "/api/v1/products/demo/systems/" + system;
        for (String method : List.of("POST", "GET", "PUT", "PATCH")) {
            for (String header : List.of("X-HTTP-Method-Override", "x-http-method-override")) {
                HttpResponse<String> answer = running.client().send(HttpRequest.newBuilder(URI.create(path))
                        .method(method, HttpRequest.BodyPublishers.noBody()).header(header, "DELETE").build());
                assertThat(answer.statusCode()).as(method + " with " + header).isNotEqualTo(204).isLessThan(500);
            }
        }
        assertThat(running.server().store().countReports("demo")).isEqualTo(before);
        assertThat(running.client().delete("/api/v1/products/demo/systems/" + system).statusCode()).isEqualTo(204);
        assertThat(running.server().store().countReports("demo")).isEqualTo(before - 1);
    }

    @Test
    void publicReadsMayBeFetchedFromAnyOrigin() {
        for (String path : List.of("/api/v1/products", "/api/v1/products/demo/metrics",
                "/api/v1/products/demo/summaries", "/api/v1/products/demo/series/systems", "/api/v1/products/nope/metrics")) {
            HttpResponse<String> answer = running.client().send(HttpRequest.newBuilder(URI.create(running.client().base() + path))
                    .header("Origin", ELSEWHERE).GET().build());
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
            HttpResponse<String> preflight = preflight(path, "GET", null);
            assertThat(preflight.statusCode()).as(path).isBetween(200, 299);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).as(path).hasValue("GET, HEAD");
        }
    }

    @Test
    void nothingButPublicReadsIsSharedWithOtherOrigins() {
        String system = "/api/v1/products/demo/systems/" + UUID.randomUUID();
        assertNoCors(preflight(system, "DELETE", null), "DELETE preflight");
        assertNoCors(preflight("/api/v1/reports", "POST", "content-type"), "report preflight");
        assertNoCors(preflight("/", "POST", "content-type"), "Pulp preflight");
        assertNoCors(preflight("/api/v1/admin/stats", "GET", "authorization"), "admin preflight");
        assertNoCors(preflight("/api/v1/admin/summarize", "POST", "authorization"), "admin preflight");
        assertNoCors(preflight("/api/v1/products", "PUT", null), "PUT preflight on a public read");
        assertNoCors(running.client().send(HttpRequest.newBuilder(URI.create(running.client().base() + system)).header("Origin", ELSEWHERE)
                .DELETE().build()), "DELETE");
        assertNoCors(running.client().send(HttpRequest.newBuilder(URI.create(running.client().base() + "/api/v1/admin/stats"))
                .header("Origin", ELSEWHERE).header("Authorization", "Bearer " + TestServers.ADMIN_TOKEN).GET().build()), "admin GET");
        assertNoCors(running.client().send(running.client().reportRequest(Reports.report().json().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/json").header("Origin", ELSEWHERE).build()), "report POST");
    }

    @Test
    void pagesForbidFramingSniffingReferrersAndForeignOrInlineScripts() {
        for (String path : List.of("/", "/privacy", "/p/demo", "/p/demo/about", "/p/nope")) {
            HttpResponse<String> page = running.client().get(path);
            assertThat(page.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                    "object-src 'none'", "base-uri 'none'", "form-action 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(inlineScripts(page.body())).as(path + ": a script without src runs only if it is data").isEmpty();
            assertThat(page.body()).as(path).doesNotContainPattern("(?i)\\sstyle=|\\son[a-z]+=|<style");
        }
        HttpResponse<String> api = running.client().get("/api/v1/products");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(running.client().get("/static/dashboard.js").headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void adminAnswersAreNeverCached() {
        assertThat(running.client().admin("GET", "/api/v1/admin/stats", TestServers.ADMIN_TOKEN).headers().firstValue("Cache-Control"))
                .hasValue("no-store");
        assertThat(running.client().admin("GET", "/api/v1/admin/stats", "wrong-token").headers().firstValue("Cache-Control"))
                .hasValue("no-store");
        assertThat(running.client().admin("POST", "/api/v1/admin/summarize", TestServers.ADMIN_TOKEN).headers().firstValue("Cache-Control"))
                .hasValue("no-store");
    }

    private static String adminStats(String token) {
        return "GET /api/v1/admin/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    }

    private static HttpResponse<String> preflight(String path, String method, String headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(running.client().base() + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ELSEWHERE).header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return running.client().send(request.build());
    }

    private static void assertNoCors(HttpResponse<String> answer, String what) {
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as(what).isEmpty();
        assertThat(answer.headers().firstValue("Access-Control-Allow-Methods")).as(what).isEmpty();
        assertThat(answer.headers().firstValue("Access-Control-Allow-Headers")).as(what).isEmpty();
        assertThat(answer.statusCode()).as(what).isLessThan(500);
    }

    /** Every script element without a src whose type is not a JSON data block. */
    private static List<String> inlineScripts(String html) {
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(html);
        List<String> inline = new java.util.ArrayList<>();
        while (scripts.find()) {
            String attributes = scripts.group(1);
            if (!Pattern.compile("\\ssrc=").matcher(attributes).find() && !attributes.contains("type=\"application/json\"")) {
                inline.add(scripts.group());
            }
        }
        return inline;
    }
}
