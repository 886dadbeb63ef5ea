package dev.census.server;

import static dev.census.testing.CensusClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.census.server.testing.RunningServer;
import dev.census.server.testing.TestServers;
import dev.census.testing.Reports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets the right 4xx with an RFC 9457 problem naming the field, and never changes the store. */
class BadInputTest {

    @RegisterExtension
    static final RunningServer running = RunningServer.at("2026-03-11T08:00:00Z");

    static Stream<Arguments> badReports() {
        String valid = Reports.report().sentAt("2026-03-11T07:00:00Z").json();
        return Stream.of(
                Arguments.of("malformed JSON", "{\"schema\":1,", 400, null),
                Arguments.of("not an object", "[1,2]", 400, null),
                Arguments.of("trailing garbage", valid + "x", 400, null),
                Arguments.of("product not a string", valid.replace("\"product\":\"demo\"", "\"product\":7"), 400, "product"),
                Arguments.of("schema missing", valid.replace("\"schema\":1,", ""), 400, "schema"),
                Arguments.of("unsupported schema", valid.replace("\"schema\":1", "\"schema\":2"), 422, "schema"),
                Arguments.of("unknown field", valid.replace("\"schema\":1,", "\"schema\":1,\"ip\":\"1.2.3.4\","), 400, "ip"),
                Arguments.of("bad UUID", Reports.report().system("not-a-uuid").json(), 422, "system_id"),
                Arguments.of("upper-case UUID", Reports.report().system("123E4567-E89B-42D3-A456-426614174000").json(), 422, "system_id"),
                Arguments.of("unknown product", Reports.report().product("nope").sentAt("2026-03-11T07:00:00Z").json(), 422, "product"),
                Arguments.of("bad channel", valid.replace("\"production\"", "\"beta\""), 422, "channel"),
                Arguments.of("bad sent_at", Reports.report().sentAt("yesterday").json(), 422, "sent_at"),
                Arguments.of("future sent_at", Reports.report().sentAt("2026-03-12T07:00:00Z").json(), 422, "sent_at"),
                Arguments.of("sent_at beyond retention", Reports.report().sentAt("2026-01-01T07:00:00Z").json(), 422, "sent_at"),
                Arguments.of("component without version", valid.replace("\"components\":[]", "\"components\":[{\"name\":\"core\"}]"), 400, "components[0]"),
                Arguments.of("bad version", Reports.report().sentAt("2026-03-11T07:00:00Z").component("core", "3 49").json(), 422, "components[0].version"),
                Arguments.of("metric is an object", Reports.report().sentAt("2026-03-11T07:00:00Z").metric("workers.processes", "{}").json(), 400, "metrics.workers.processes"),
                Arguments.of("metric is null", Reports.report().sentAt("2026-03-11T07:00:00Z").metric("workers.processes", "null").json(), 400, "metrics.workers.processes"),
                Arguments.of("string too long", Reports.report().sentAt("2026-03-11T07:00:00Z").metric("database.engine", "\"" + "x".repeat(65) + "\"").json(), 422, "metrics.database.engine"),
                Arguments.of("only dropped fields", Reports.report().sentAt("2026-03-11T07:00:00Z").metric("no.such", "1").json(), 422, "metrics"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void badReportsGetAProblemNamingTheFieldAndStoreNothing(String what, String body, int status, String field) {
        long before = running.server().store().countReports("demo");
        HttpResponse<String> answer = running.client().postReport(body);
        assertProblem(answer, status, field);
        assertThat(running.server().store().countReports("demo")).isEqualTo(before);
    }

    @Test
    void wrongContentTypeIs415() {
        HttpResponse<String> answer = running.client().send(running.client().reportRequest(
                Reports.report().json().getBytes(StandardCharsets.UTF_8), "text/plain").build());
        assertProblem(answer, 415, null);
    }

    @Test
    void oversizeBodiesAre413EvenWhenTheyArriveGzipped() throws IOException {
        String huge = Reports.report().metric("database.engine", "\"" + "a".repeat(70_000) + "\"").json();
        assertProblem(running.client().postReport(huge), 413, null);
        HttpResponse<String> bomb = running.client().send(running.client().reportRequest(gzip(huge), "application/json")
                .header("Content-Encoding", "gzip").build());
        assertProblem(bomb, 413, null);
    }

    @Test
    void gzipBodiesAreAccepted() throws IOException {
        HttpResponse<String> answer = running.client().send(running.client().reportRequest(
                gzip(Reports.report().sentAt("2026-03-11T07:00:00Z").json()), "application/json")
                .header("Content-Encoding", "gzip").build());
        assertThat(answer.statusCode()).isEqualTo(202);
    }

    @Test
    void unknownAndUnapprovedMetricsAreDroppedAndListedWhileTheRestIsKept() {
        assertStoredDropping(Reports.report().sentAt("2026-03-11T07:00:00Z")
                        .metric("workers.processes", "3")
                        .metric("no.such.metric", "1")
                        .metric("repositories.count", "40")
                        .metric("database.engine", "\"oracle\"")
                        .metric("storage.backend", "\"nas01.corp.example.com\""),
                "metrics.database.engine=invalid_value", "metrics.no.such.metric=unknown_metric",
                "metrics.repositories.count=not_approved", "metrics.storage.backend=pii:hostname");
        JsonNode stats = json(running.client().admin("GET", "/api/v1/admin/stats", TestServers.ADMIN_TOKEN));
        assertThat(stats.at("/dropped/unknown_metric").asLong()).isPositive();
        assertThat(stats.at("/dropped/pii:hostname").asLong()).isPositive();
    }

    @Test
    void aPhoneACardANationalIdOrADisguisedEmailInAMetricIsDroppedAndCountedByItsKind() {
        JsonNode before = json(running.client().admin("GET", "/api/v1/admin/stats", TestServers.ADMIN_TOKEN));
        Map<String, String> reasons = Map.of(
                "+1 415 555 0100", "pii:phone",
                "4111 1111 1111 1111", "pii:payment_card",
                "078-05-1120", "pii:national_id",
                "DE89370400440532013000", "pii:national_id",
                "ops [at] acme [dot] com", "pii:disguised_email");
        reasons.forEach((value, reason) -> {
            HttpResponse<String> answer = running.client().postReport(Reports.report().sentAt("2026-03-11T07:00:00Z")
                    .metric("workers.processes", "3").metric("storage.backend", "\"" + value + "\"").json());
            assertThat(answer.statusCode()).as(value).isEqualTo(202);
            assertThat(json(answer).get("dropped").toString()).as(value)
                    .isEqualTo("[{\"field\":\"metrics.storage.backend\",\"reason\":\"" + reason + "\"}]");
        });

        JsonNode stats = json(running.client().admin("GET", "/api/v1/admin/stats", TestServers.ADMIN_TOKEN));
        assertThat(stats.at("/dropped/pii:phone").asLong()).isEqualTo(before.at("/dropped/pii:phone").asLong() + 1);
        assertThat(stats.at("/dropped/pii:national_id").asLong()).isEqualTo(before.at("/dropped/pii:national_id").asLong() + 2);
        assertThat(stats.at("/dropped/pii:payment_card").asLong()).isPositive();
        assertThat(stats.at("/dropped/pii:disguised_email").asLong()).isPositive();
    }

    @Test
    void aDottedQuadComponentVersionIsKeptUnlessItIsAPrivateLoopbackOrLinkLocalAddress() {
        assertStoredDropping(Reports.report().sentAt("2026-03-11T07:00:00Z").channel("dev")
                        .component("core", "2.0.0.1").component("rpm", "10.0.0.1").component("python", "1.2.3.4")
                        .component("container", "192.168.1.20").component("ansible", "127.0.0.1").component("deb", "169.254.1.1"),
                "components[1]=pii:ipv4", "components[3]=pii:ipv4", "components[4]=pii:ipv4", "components[5]=pii:ipv4");
    }

    @Test
    void seededRandomBytesNeverYieldA5xxOrAStoredReport() {
        Random random = new Random(20261128);
        long before = running.server().store().countReports("demo");
        String valid = Reports.report().sentAt("2026-03-11T07:00:00Z").component("core", "3.49.1")
                .metric("workers.processes", "4").json();
        for (int i = 0; i < 300; i++) {
            byte[] body = valid.getBytes(StandardCharsets.UTF_8);
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            }
            HttpResponse<String> answer = running.client().send(running.client().reportRequest(body, "application/json").build());
            assertThat(answer.statusCode()).as("mutation %d", i).isIn(202, 400, 413, 422);
        }
        assertThat(running.server().store().countReports("demo")).isGreaterThanOrEqualTo(before);
    }

    /** Posts the report: it is accepted and stored, and the answer lists exactly these drops ({@code field=reason}), in order. */
    private static void assertStoredDropping(Reports report, String... drops) {
        long before = running.server().store().countReports("demo");
        HttpResponse<String> answer = running.client().postReport(report.json());
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(json(answer).get("dropped").toString()).isEqualTo(Stream.of(drops)
                .map(drop -> drop.split("=", 2))
                .map(drop -> "{\"field\":\"" + drop[0] + "\",\"reason\":\"" + drop[1] + "\"}")
                .collect(Collectors.joining(",", "[", "]")));
        assertThat(running.server().store().countReports("demo")).isEqualTo(before + 1);
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String field) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(answer);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("https://");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("field").asText()).isEqualTo(field);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
