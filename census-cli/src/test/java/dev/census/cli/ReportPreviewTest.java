package dev.census.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.census.sdk.Census;
import dev.census.testing.RecordingCensusEndpoint;
import dev.census.testing.TestClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code census report} tells the truth: its preview is what the application sends, and it needs only what it uses. */
class ReportPreviewTest {

    @RegisterExtension
    final RecordingCensusEndpoint endpoint = new RecordingCensusEndpoint();

    @TempDir
    Path tmp;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");

    private record Run(int exitCode, String out, String err) {
    }

    private Run census(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ReportCommand(Map.of(), clock)).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Census application(Path state) {
        return Census.builder().product("demo").endpoint(endpoint.uri()).stateDir(state).environment(Map.of()).clock(clock)
                .component("core", "3.49.1").component("rpm", "3.25.0-dev")
                .metric("workers.processes", () -> 4).metric("database.engine", () -> "postgresql").build();
    }

    @Test
    void previewOfAnApplicationsStateDirectoryIsExactlyWhatTheServerReceivesNext() throws IOException {
        Path state = tmp.resolve("state");
        try (Census app = application(state)) {
            app.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(state.resolve(ReportCommand.SNAPSHOT)));
            clock.advance(Duration.ofHours(2));
            List<Path> before = files(state);

            Run preview = census("--preview", "--state-dir", state.toString());

            assertThat(files(state)).as("the preview creates nothing").isEqualTo(before);
            assertThat(preview.exitCode()).isZero();
            assertThat(preview.err()).isEmpty();
            assertThat(preview.out()).contains("\"channel\":\"dev\"", "\"rpm\"", "\"workers.processes\":4");
            assertThat(app.sendNow().sent()).isTrue();
            assertThat(endpoint.reports()).singleElement()
                    .satisfies(received -> assertThat(received.body()).isEqualTo(preview.out().strip()));
        }
    }

    @Test
    void previewWithoutAnApplicationsReportSaysWhereItLookedAndCreatesNothing() {
        Run preview = census("--preview", "--state-dir", tmp.resolve("state").toString());

        assertThat(preview.exitCode()).isEqualTo(1);
        assertThat(preview.err()).contains("no report in " + tmp.resolve("state") + " yet");
        assertThat(tmp.resolve("state")).doesNotExist();
    }

    @Test
    void previewOfAReportBuiltHereCreatesNoIdentityAndLogsNoNotice() {
        List<LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger sdk = Logger.getLogger("dev.census.sdk");
        sdk.addHandler(handler);
        try {
            Run preview = census("--preview", "--product", "demo", "--endpoint", endpoint.uri().toString(),
                    "--state-dir", tmp.resolve("state").toString(), "--component", "core=3.49.1", "--metric", "workers.processes=4");

            assertThat(preview.exitCode()).isZero();
            assertThat(preview.out()).contains("\"workers.processes\":4");
        } finally {
            sdk.removeHandler(handler);
        }
        assertThat(tmp.resolve("state")).as("no identity, no directory").doesNotExist();
        assertThat(logged).extracting(LogRecord::getMessage).noneMatch(message -> message.contains("once a day"));
    }

    @Test
    void outboxCommandsNeedOnlyTheStateDirectory() {
        Path state = tmp.resolve("state");
        try (Census app = application(state)) {
            assertThat(app.sendNow().sent()).isTrue();
        }

        Run list = census("--state-dir", state.toString(), "--outbox", "list");
        Run export = census("--state-dir", state.toString(), "--outbox", "export", tmp.resolve("outbox.json").toString());

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("sent", "1 report in the outbox.");
        assertThat(export.out()).isEqualTo("Exported 1 report to " + tmp.resolve("outbox.json") + "." + System.lineSeparator());
    }

    @Test
    void everyMissingRequiredOptionIsNamed() {
        Run send = census("--send-now", "--state-dir", tmp.toString());
        Run alone = census("--preview");

        assertThat(send.exitCode()).isEqualTo(2);
        assertThat(send.err()).contains("--send-now needs --product and --endpoint (missing: --product, --endpoint)");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--state-dir");
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.sorted().toList();
        }
    }
}
