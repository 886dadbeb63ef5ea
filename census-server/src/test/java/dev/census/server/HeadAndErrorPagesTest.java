package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.testing.RunningServer;
import dev.census.testing.CensusClient;
import dev.census.testing.Reports;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HEAD answers as GET does without the body, and browser routes answer bad query strings with an HTML page. */
class HeadAndErrorPagesTest {

    @RegisterExtension
    static final RunningServer SERVER = RunningServer.at("2026-03-11T08:00:00Z");

    /** The headers a HEAD must repeat from its GET. */
    private static final List<String> SAME = List.of("Content-Type", "ETag", "Cache-Control", "Vary", "Access-Control-Allow-Origin");

    @BeforeAll
    static void oneSummarizedDay() {
        SERVER.client().postReport(Reports.report().sentAt("2026-03-10T09:00:00Z").component("core", "3.49.1").json());
        SERVER.server().runDailyJobs();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/p/demo", "/p/demo?from=2026-03-01&to=2026-03-10", "/p/demo/about", "/privacy",
            "/p/demo?from=bad", "/p/nope", "/api/v1/products", "/api/v1/products/demo/series/systems?format=csv",
            "/api/v1/products/demo/summaries?from=2026-03-10&to=2026-03-10", "/api/v1/products/demo/series/systems?from=bad",
            "/api/v1/openapi.json", "/healthz"})
    void headAnswersAsGetDoesWithTheSameHeadersAndNoBody(String path) {
        CensusClient client = SERVER.client();
        HttpResponse<String> get = client.get(path);
        HttpResponse<String> head = client.send(HttpRequest.newBuilder(URI.create(client.base() + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(head.statusCode()).isEqualTo(get.statusCode());
        assertThat(head.body()).isEmpty();
        for (String header : SAME) {
            if (header.equals("ETag") && path.endsWith("?from=bad") && path.startsWith("/api/")) {
                continue; // a problem answer raised by an exception gets Javalin's GET-only ETag; none is promised
            }
            assertThat(head.headers().firstValue(header)).as(path + " " + header).isEqualTo(get.headers().firstValue(header));
        }
        assertThat(head.headers().firstValue("Content-Type")).as(path).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/p/demo?from=bad", "/p/demo?to=2026-02-30", "/p/demo?channel=beta", "/p/demo?from=2026-03-10&to=2026-03-01",
            "/p/demo?from=9999-01-01"})
    void aBrowserRouteAnswersABadQueryStringWithAnHtmlPageLinkingBack(String path) {
        HttpResponse<String> page = SERVER.client().get(path, "text/html");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Bad request</h1>").contains("href=\"/p/demo\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/p/demo/nope", "/nope", "/p/demo/about/more"})
    void aBrowserAskingForAPageThatDoesNotExistGetsAnHtmlPageLinkingHome(String path) {
        HttpResponse<String> page = SERVER.client().get(path, "text/html");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Not found</h1>").contains("href=\"/\"");
        assertThat(SERVER.client().get(path, "application/json").headers().firstValue("Content-Type"))
                .as("an API client still gets a problem").hasValue("application/problem+json");
    }
}
