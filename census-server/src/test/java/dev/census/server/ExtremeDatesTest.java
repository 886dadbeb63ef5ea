package dev.census.server;

import static dev.census.testing.CensusClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.census.server.testing.CapturedLog;
import dev.census.server.testing.RunningServer;
import dev.census.server.testing.TestServers;
import dev.census.testing.Reports;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Day parameters outside the window the server answers for (2000-01-01 to a year after today) are
 * 400 — a problem on the API, an HTML page on the dashboard — never a 500 with a stack trace.
 */
class ExtremeDatesTest {

    private static final String LATEST = "+999999999-12-31";
    private static final String EARLIEST = "-999999999-01-01";

    @RegisterExtension
    static final RunningServer running = RunningServer.at("2026-03-11T08:00:00Z");

    @BeforeAll
    static void publishOneDay() {
        assertThat(running.client().postReport(Reports.report().sentAt("2026-03-10T07:00:00Z").json()).statusCode()).isEqualTo(202);
        running.server().runDailyJobs();
    }

    static Stream<Arguments> outOfWindow() {
        return Stream.of(
                Arguments.of("from=" + LATEST, "from"),
                Arguments.of("to=" + LATEST, "to"),
                Arguments.of("from=" + EARLIEST, "from"),
                Arguments.of("to=" + EARLIEST, "to"),
                Arguments.of("from=" + EARLIEST + "&to=" + LATEST, "from"),
                Arguments.of("from=1999-12-31", "from"),
                Arguments.of("to=2027-03-12", "to"),
                Arguments.of("from=2027-03-12&to=2027-03-13", "from"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfWindow")
    void apiDaysOutsideTheWindowAreABadRequestNamingTheParameter(String query, String field) {
        try (CapturedLog log = CapturedLog.start()) {
            for (String path : List.of("/api/v1/products/demo/series/systems", "/api/v1/products/demo/summaries")) {
                HttpResponse<String> answer = running.client().get(path + "?" + query.replace("+", "%2B"));
                assertThat(answer.statusCode()).as(path).isEqualTo(400);
                assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
                JsonNode problem = json(answer);
                assertThat(problem.get("field").asText()).as(path).isEqualTo(field);
                assertThat(problem.get("detail").asText()).as(path).contains("2000-01-01");
            }
            assertThat(log.text()).doesNotContain("unexpected failure", "Exception");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfWindow")
    void pageDaysOutsideTheWindowAreABadRequestPage(String query, String field) {
        try (CapturedLog log = CapturedLog.start()) {
            HttpResponse<String> page = running.client().get("/p/demo?" + query.replace("+", "%2B"));
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("<h1>Bad request</h1>", field, "href=\"/p/demo\"");
            assertThat(log.text()).doesNotContain("unexpected failure", "Exception");
        }
    }

    @Test
    void aMalformedPageDayIsABadRequestPageToo() {
        HttpResponse<String> page = running.client().get("/p/demo?from=yesterday");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("from must be a day such as");
    }

    @Test
    void theEdgesOfTheWindowAreAnswered() {
        assertThat(running.client().get("/api/v1/products/demo/series/systems?from=2000-01-01&to=2000-01-31").statusCode()).isEqualTo(200);
        assertThat(running.client().get("/api/v1/products/demo/series/systems?from=2027-03-01&to=2027-03-11").statusCode()).isEqualTo(200);
        assertThat(running.client().get("/p/demo?from=2027-03-11&to=2027-03-11").statusCode()).isEqualTo(200);
    }

    @Test
    void theDefaultFromOfAnEarlyToStaysInsideTheWindow() {
        JsonNode series = json(running.client().get("/api/v1/products/demo/series/systems?to=2000-01-05"));
        assertThat(series.get("days").get(0).asText()).isEqualTo("2000-01-01");
        assertThat(series.get("days")).hasSize(5);
        assertThat(running.client().get("/p/demo?to=2000-01-05").statusCode()).isEqualTo(200);
    }

    @Test
    void aCursorCarryingAnExtremeDayIsABadRequest() {
        for (String day : List.of(LATEST, EARLIEST, "1970-01-01")) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (day + "\u001fsystems\u001fbucket\u001factive_1d").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> answer = running.client().get("/api/v1/products/demo/summaries?cursor=" + cursor);
            assertThat(answer.statusCode()).as(day).isEqualTo(400);
            assertThat(json(answer).get("field").asText()).isEqualTo("cursor");
        }
    }

    @Test
    void adminSummarizeRefusesDaysOutsideTheWindow() {
        for (String query : List.of("from=" + LATEST, "to=" + EARLIEST, "from=1999-01-01")) {
            HttpResponse<String> answer = running.client().admin("POST", "/api/v1/admin/summarize?" + query.replace("+", "%2B"), TestServers.ADMIN_TOKEN);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }
}
