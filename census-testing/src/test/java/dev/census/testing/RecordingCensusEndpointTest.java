package dev.census.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecordingCensusEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    final RecordingCensusEndpoint server = new RecordingCensusEndpoint();

    @RepeatedTest(2)
    void asAnExtensionItIsRunningBeforeEachTestWithNothingRecorded() throws Exception {
        assertThat(server.requests()).isEmpty();

        assertThat(post(server, "{}").statusCode()).isEqualTo(202);

        assertThat(server.reports()).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo("{}"));
    }

    @Test
    void itRecordsGzippedReportsDecodedAndAnswersDeletionsWith204() throws Exception {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write("{\"product\":\"demo\"}".getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/reports"))
                .header("Content-Encoding", "gzip").header("Idempotency-Key", "k:2026-03-02")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray())).build());
        HttpResponse<String> deleted = send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/products/demo/systems/x"))
                .DELETE().build());

        assertThat(accepted.body()).isEqualTo("{\"accepted\":true,\"dropped\":[]}");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(server.requests()).extracting(RecordingCensusEndpoint.Request::method).containsExactly("POST", "DELETE");
        assertThat(server.reports()).singleElement().satisfies(report -> {
            assertThat(report.body()).isEqualTo("{\"product\":\"demo\"}");
            assertThat(report.rawBody()).isEqualTo(gzipped.toByteArray());
            assertThat(report.header("idempotency-key")).isEqualTo("k:2026-03-02");
        });
    }

    @Test
    void scriptedAnswersComeFirstInOrderThen202() throws Exception {
        server.thenAnswer(503, "", Map.of("Retry-After", "600")).thenAnswer(422, "{\"title\":\"invalid\"}", Map.of());

        HttpResponse<String> first = post(server, "{}");
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("600");
        assertThat(post(server, "{}").body()).isEqualTo("{\"title\":\"invalid\"}");
        assertThat(post(server, "{}").statusCode()).isEqualTo(202);
    }

    @Test
    void aStalledReportIsHeldOnTheWireUntilReleased() throws Exception {
        RecordingCensusEndpoint.Stall stall = server.stallReports();
        CompletableFuture<HttpResponse<String>> upload = HTTP.sendAsync(report(server, "{}"), HttpResponse.BodyHandlers.ofString());

        stall.awaitArrival();
        assertThatThrownBy(() -> upload.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(server.reports()).as("recorded once answered").isEmpty();

        stall.release();
        assertThat(upload.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        assertThat(server.reports()).hasSize(1);
    }

    @Test
    void startedByHandItRunsUntilClosedAndTheCallbacksStartAndStopIt() throws Exception {
        URI address;
        try (RecordingCensusEndpoint other = RecordingCensusEndpoint.start()) {
            assertThat(other.port()).isNotEqualTo(server.port());
            assertThat(post(other, "{}").statusCode()).isEqualTo(202);
            address = other.uri();
        }
        assertThatThrownBy(() -> send(report(address, "{}"))).isInstanceOf(IOException.class);

        RecordingCensusEndpoint extension = new RecordingCensusEndpoint();
        assertThatThrownBy(extension::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
        extension.beforeEach(null);
        assertThat(post(extension, "{}").statusCode()).isEqualTo(202);
        URI running = extension.uri();
        extension.afterEach(null);
        assertThatThrownBy(() -> send(report(running, "{}"))).isInstanceOf(IOException.class);
    }

    private static HttpResponse<String> post(RecordingCensusEndpoint endpoint, String json) throws Exception {
        return send(report(endpoint, json));
    }

    private static HttpRequest report(RecordingCensusEndpoint endpoint, String json) {
        return report(endpoint.uri(), json);
    }

    private static HttpRequest report(URI base, String json) {
        return HttpRequest.newBuilder(base.resolve("/api/v1/reports")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
