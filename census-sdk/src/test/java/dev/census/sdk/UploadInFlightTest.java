package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.census.testing.RecordingCensusEndpoint;
import dev.census.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An upload stalled on the wire never holds up the application's own calls. */
class UploadInFlightTest {

    /** What the application may wait for an answer, whatever the network does. */
    static final Duration PROMPT = Duration.ofMillis(50);

    @TempDir
    Path stateDir;
    final TestClock clock = new TestClock(Fixtures.T0);
    final ExecutorService background = Executors.newCachedThreadPool();
    /** The application's thread: one, started before the clock runs, so what is timed is the call alone. */
    final ExecutorService application = Executors.newSingleThreadExecutor();
    @RegisterExtension
    final RecordingCensusEndpoint server = new RecordingCensusEndpoint();

    @BeforeEach
    void startApplicationThread() throws Exception {
        application.submit(() -> null).get();
    }

    @AfterEach
    void stopThreads() {
        background.shutdownNow();
        application.shutdownNow();
    }

    @Test
    void gettersAnswerPromptlyWhileTheDailyUploadIsStalled() throws Exception {
        RecordingCensusEndpoint.Stall stall = server.stallReports();
        try (Census census = Fixtures.demo(server.uri(), stateDir, clock).build()) {
            census.start();
            warmUp(census);
            Future<?> daily = background.submit(() -> {
                Fixtures.runNext(census, clock);
                return null;
            });
            stall.awaitArrival();

            try {
                assertGettersArePrompt(census);
            } finally {
                stall.release();
            }
            daily.get(10, TimeUnit.SECONDS);
            assertThat(census.outbox().list()).singleElement()
                    .satisfies(entry -> assertThat(entry.status()).isEqualTo(Outbox.Status.SENT));
        }
    }

    @Test
    void gettersAnswerPromptlyWhileAnAdministratorsSendNowIsStalled() throws Exception {
        RecordingCensusEndpoint.Stall stall = server.stallReports();
        try (Census census = Fixtures.demo(server.uri(), stateDir, clock).build()) {
            warmUp(census);
            CompletableFuture<UploadResult> sending = CompletableFuture.supplyAsync(census::sendNow, background);
            stall.awaitArrival();

            try {
                assertGettersArePrompt(census);
            } finally {
                stall.release();
            }
            assertThat(sending.get(10, TimeUnit.SECONDS).sent()).isTrue();
        }
    }

    @Test
    void closeAbandonsAStalledSendNowAndItsCallerHearsSoAtOnce() throws Exception {
        RecordingCensusEndpoint.Stall stall = server.stallReports();
        Census census = Fixtures.demo(server.uri(), stateDir, clock).build();
        CompletableFuture<UploadResult> sending = CompletableFuture.supplyAsync(census::sendNow, background);
        stall.awaitArrival();

        assertTimeoutPreemptively(Duration.ofSeconds(2), census::close);

        UploadResult result = sending.get(2, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(UploadResult.Outcome.FAILED);
        assertThat(result.detail()).contains("closed");
        assertThat(census.outbox().list()).singleElement()
                .satisfies(entry -> assertThat(entry.status()).isEqualTo(Outbox.Status.PENDING));
    }

    /** Every getter once, untimed: classes loaded and the identity read, so the timed calls below measure waiting only. */
    private void warmUp(Census census) throws Exception {
        for (Supplier<?> getter : List.<Supplier<?>>of(census::systemId, census::consent, census::preview,
                () -> census.outbox().list(), () -> census.outbox().isPaused())) {
            application.submit(getter::get).get(10, TimeUnit.SECONDS);
        }
    }

    private void assertGettersArePrompt(Census census) throws Exception {
        assertThat(promptly(census::systemId)).isPresent();
        assertThat(promptly(census::consent)).isEqualTo(Consent.ON);
        assertThat(promptly(census::preview)).contains("\"product\":\"demo\"");
        assertThat(promptly(() -> census.outbox().list())).singleElement()
                .satisfies(entry -> assertThat(entry.status()).isEqualTo(Outbox.Status.PENDING));
        assertThat(promptly(() -> census.outbox().isPaused())).isFalse();
    }

    /** The getter's answer on the application's thread, failing the test unless it comes within {@link #PROMPT}. */
    private <T> T promptly(Supplier<T> getter) throws Exception {
        CompletableFuture<T> answer = CompletableFuture.supplyAsync(getter, application);
        try {
            return answer.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("no answer within " + PROMPT.toMillis() + " ms while an upload is stalled");
        }
    }
}
