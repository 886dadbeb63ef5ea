package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.testing.RecordingCensusEndpoint;
import dev.census.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CollectorTest {

    @TempDir
    Path stateDir;
    final TestClock clock = new TestClock(Fixtures.T0);
    final CountDownLatch never = new CountDownLatch(1);
    @RegisterExtension
    final RecordingCensusEndpoint server = new RecordingCensusEndpoint();

    @AfterEach
    void releaseHangingCollectors() {
        never.countDown();
    }

    /** Ignores interruption, like a collector stuck in native code. */
    private Object hangUntilTheTestEnds() {
        while (never.getCount() > 0) {
            try {
                never.await();
            } catch (InterruptedException ignored) {
                // keep hanging
            }
        }
        return 1;
    }

    private Census.Builder census() {
        return Census.builder().product("demo").endpoint(server.uri()).stateDir(stateDir)
                .component("core", "3.49.1").clock(clock).environment(Map.of()).manualScheduling();
    }

    @Test
    void aThrowingOrHangingCollectorIsReportedAbsentAndTheRestIsSent() throws Exception {
        try (LogCapture logs = new LogCapture();
             Census census = census()
                     .metric("a.throws", () -> {
                         throw new IllegalStateException("database is down");
                     })
                     .metric("b.hangs", this::hangUntilTheTestEnds)
                     .metric("c.zero", () -> 0)
                     .metric("d.flag", () -> true)
                     .metric("e.text", () -> "postgresql")
                     .metric("f.absent", Optional::empty)
                     .collectorTimeout(Duration.ofMillis(200))
                     .build()) {

            UploadResult result = census.sendNow();

            assertThat(result.sent()).isTrue();
            assertThat(server.reports().get(0).body())
                    .contains("\"metrics\":{\"c.zero\":0,\"d.flag\":true,\"e.text\":\"postgresql\"}");
            assertThat(logs.at(Level.WARNING)).anySatisfy(line -> assertThat(line).contains("a.throws", "database is down"))
                    .anySatisfy(line -> assertThat(line).contains("b.hangs", "no answer within 200 ms"));
        }
    }

    @Test
    void aValueThatLooksLikePersonalDataIsRefused() throws Exception {
        assertRefused(census()
                        .metric("db.host", () -> "admin@example.org")
                        .metric("db.address", () -> "10.0.0.12")
                        .metric("db.kind", () -> "postgresql"),
                "\"metrics\":{\"db.kind\":\"postgresql\"}", List.of("example.org", "10.0.0.12"),
                Map.of("db.host", "email", "db.address", "ipv4"));
    }

    @Test
    void aPhoneACardANationalIdOrADisguisedEmailIsRefusedBeforeItLeavesTheHost() throws Exception {
        assertRefused(census()
                        .metric("a.phone", () -> "+1 415 555 0100")
                        .metric("b.card", () -> "4111 1111 1111 1111")
                        .metric("c.ssn", () -> "078-05-1120")
                        .metric("d.iban", () -> "DE89 3704 0044 0532 0130 00")
                        .metric("e.mail", () -> "ops [at] acme [dot] com")
                        .metric("f.kind", () -> "postgresql"),
                "\"metrics\":{\"f.kind\":\"postgresql\"}", List.of("415", "4111", "078-05", "DE89", "acme"),
                Map.of("a.phone", "phone", "b.card", "payment_card", "c.ssn", "national_id", "d.iban", "national_id",
                        "e.mail", "disguised_email"));
    }

    @Test
    void aPiiRuleIsWhatTheInjectedCheckSays() throws Exception {
        try (Census census = census().metric("db.kind", () -> "postgresql")
                .piiCheck(text -> text.startsWith("postgres") ? Optional.of("test-rule") : Optional.empty()).build()) {
            assertThat(census.preview()).contains("\"metrics\":{}");
        }
    }

    @Test
    void aRepeatedCollectorFailureIsLoggedOnceNotAtEveryReport() throws Exception {
        try (LogCapture logs = new LogCapture();
             Census census = census().metric("a.throws", () -> {
                 throw new IllegalStateException("boom");
             }).build()) {
            census.preview();
            census.preview();
            census.preview();

            assertThat(logs.at(Level.WARNING)).hasSize(1);
        }
    }

    /**
     * Previews the report: it holds the kept metrics and no fragment of a refused value, and each
     * refused metric is logged with the kind of personal data it looked like.
     */
    private static void assertRefused(Census.Builder builder, String keptMetrics, List<String> fragments,
            Map<String, String> kindByRefusedMetric) throws Exception {
        try (LogCapture logs = new LogCapture(); Census census = builder.build()) {
            String preview = census.preview();

            assertThat(preview).contains(keptMetrics).doesNotContain(fragments.toArray(String[]::new));
            kindByRefusedMetric.forEach((metric, kind) ->
                    assertThat(logs.at(Level.WARNING)).anySatisfy(line -> assertThat(line).contains(metric, kind)));
        }
    }
}
