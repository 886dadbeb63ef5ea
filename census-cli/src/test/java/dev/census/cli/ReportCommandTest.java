package dev.census.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.CensusServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path tmp;
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    CensusServer server;

    @BeforeEach
    void startServer() {
        server = CensusServer.builder().host("127.0.0.1").port(0).dataDir(tmp.resolve("server")).clock(clock)
                .dailyJobs(false).build().start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(Map<String, String> environment, String... action) {
        List<String> args = new ArrayList<>(List.of("--product", "demo",
                "--endpoint", "http://127.0.0.1:" + server.port(), "--state-dir", tmp.resolve("state").toString(),
                "--component", "core=3.49.1", "--metric", "workers.processes=4", "--metric", "tls.enabled=true",
                "--metric", "database.engine=postgresql"));
        args.addAll(List.of(action));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ReportCommand(environment, clock))
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void previewPrintsTheReportWithTypedMetrics() {
        Run run = run(Map.of(), "--preview");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(
                "\"metrics\":{\"database.engine\":\"postgresql\",\"tls.enabled\":true,\"workers.processes\":4}");
        assertThat(server.store().countReports("demo")).isZero();
    }

    @Test
    void sendNowUploadsAndTheOutboxListsItAsSent() {
        Run sent = run(Map.of(), "--send-now");
        Run list = run(Map.of(), "--outbox", "list");

        assertThat(sent.exitCode()).isZero();
        assertThat(sent.out()).startsWith("sent: HTTP 202");
        assertThat(server.store().countReports("demo")).isEqualTo(1);
        assertThat(list.out()).contains("sent", "1 report in the outbox.");
    }

    @Test
    void doNotTrackWinsOverConsentOn() {
        Run run = run(Map.of("DO_NOT_TRACK", "1"), "--consent", "on", "--send-now");

        assertThat(run.out()).startsWith("off: reporting is off (DO_NOT_TRACK=1)");
        assertThat(tmp.resolve("state")).doesNotExist();
        assertThat(server.store().countReports("demo")).isZero();
    }

    @Test
    void pausedReportsAreHeldAndExportable() throws Exception {
        run(Map.of(), "--outbox", "pause");
        Run held = run(Map.of(), "--send-now");
        Path export = tmp.resolve("outbox.json");
        Run exported = run(Map.of(), "--outbox", "export", export.toString());

        assertThat(held.out()).startsWith("held:");
        assertThat(exported.exitCode()).isZero();
        assertThat(Files.readString(export)).contains("\"status\":\"pending\"", "\"workers.processes\":4");
        assertThat(server.store().countReports("demo")).isZero();
    }

    @Test
    void badArgumentsAreUsageErrorsNamingTheProblem() {
        Run run = run(Map.of(), "--consent", "maybe", "--preview");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("consent must be one of off, local, on (was maybe)");
    }
}
