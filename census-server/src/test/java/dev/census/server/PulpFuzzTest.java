package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.testing.FuzzRun;
import dev.census.server.testing.PulpMutations;
import dev.census.server.testing.RunningServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two thousand seeded mutations of pulpcore's protobuf message over real HTTP, at all three Pulp
 * paths: none is answered 5xx or outside the OpenAPI document, and exactly the messages answered
 * 2xx are stored.
 */
class PulpFuzzTest {

    private static final int INPUTS = 2_000;

    @RegisterExtension
    final RunningServer running = RunningServer.at("2026-03-11T08:00:00Z").freshForEachTest().inMemory();

    @Test
    void mutatedPulpMessagesNeverGetA5xxAndOnlyAcceptedOnesAreStored() {
        FuzzRun fuzz = new FuzzRun("Pulp protobuf fuzz", 3_210_322L);
        PulpMutations mutations = new PulpMutations(fuzz.random());
        long storedBefore = stored();
        for (int i = 0; i < INPUTS; i++) {
            PulpMutations.Input input = mutations.next();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.server().port() + input.path()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(input.body()));
            if (input.contentType() != null) {
                request.header("Content-Type", input.contentType());
            }
            if (input.contentEncoding() != null) {
                request.header("Content-Encoding", input.contentEncoding());
            }
            fuzz.send(request.build(), input.description());
        }
        assertThat(stored() - storedBefore).as("messages stored vs answered 2xx (seed %d)", fuzz.seed()).isEqualTo(fuzz.succeeded());
        assertThat(fuzz.succeeded()).as("valid inputs among the mutations (seed %d)", fuzz.seed()).isGreaterThan(INPUTS / 10);
        fuzz.assertNoFailures();
    }

    private long stored() {
        return List.of("pulp", "demo").stream().mapToLong(product -> running.server().store().countReports(product)).sum();
    }
}
