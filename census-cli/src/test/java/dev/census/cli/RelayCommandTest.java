package dev.census.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.sdk.Census;
import dev.census.sdk.Consent;
import dev.census.server.CensusServer;
import dev.census.testing.CensusClient;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code census serve --relay-*} makes a relay, and {@code census relay …} inspects and controls it over its admin API. */
class RelayCommandTest {

    @TempDir
    Path upstreamDir;
    @TempDir
    Path relayDir;
    @TempDir
    Path exportDir;

    private final TestClock clock = TestClock.at("2026-03-10T12:00:00Z");
    private final CapturedCli cli = new CapturedCli();
    private CensusServer upstream;
    private CensusServer relay;

    @BeforeEach
    void start() {
        upstream = TestServers.start(upstreamDir, clock);
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--bind", "127.0.0.1", "--port", "0", "--data-dir", relayDir.toString(),
                "--admin-token", TestServers.ADMIN_TOKEN, "--allow-backdated-reports",
                "--relay-to", "http://127.0.0.1:" + upstream.port() + "/", "--relay-drop-metric", "database.engine",
                "--relay-drop-metric", "tls.enabled", "--relay-pseudonymize", "--relay-channels", "production");
        relay = serve.options.builder().clock(clock).dailyJobs(false).relayEnvironment(java.util.Map.of()).build().start();
    }

    @AfterEach
    void stop() {
        relay.close();
        upstream.close();
    }

    /** {@code census relay args… --url <the relay> --admin-token <its token>}. */
    private int census(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("relay"));
        all.addAll(java.util.List.of(args));
        all.addAll(java.util.List.of("--url", "http://127.0.0.1:" + relay.port(), "--admin-token", TestServers.ADMIN_TOKEN));
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    void theRelayCommandShowsPausesListsExportsAndSendsTheQueue() throws IOException {
        new CensusClient(relay.port()).postReport(Reports.report().metric("database.engine", "\"sqlite\"")
                .metric("workers.processes", "3").json());

        assertThat(census("pause")).isZero();
        assertThat(census("send-now")).isZero();
        assertThat(upstream.store().countReports("demo")).isZero();
        assertThat(census("status")).isZero();
        assertThat(cli.out()).contains("PAUSED").contains("2026-03-10  queued         1");
        cli.clear();
        assertThat(census("list", "--day", "2026-03-10")).isZero();
        assertThat(cli.out()).contains("queued  census-json /api/v1/reports").contains("workers.processes")
                .doesNotContain("database.engine");
        Path export = exportDir.resolve("queue.json");
        assertThat(census("export", export.toString(), "--day", "2026-03-10")).isZero();
        assertThat(Files.readString(export)).contains("\"body_base64\"").contains("\"state\" : \"queued\"");

        assertThat(census("resume")).isZero();
        assertThat(census("send-now")).isZero();
        assertThat(upstream.store().countReports("demo")).isEqualTo(1);
    }

    @Test
    void anSdkInstallationReportsThroughTheRelayToTheUpstreamUnderAPseudonym() throws IOException {
        Census installation = Census.builder().product("demo").endpoint(java.net.URI.create("http://127.0.0.1:" + relay.port()))
                .stateDir(exportDir.resolve("sdk-state")).consent(Consent.ON).clock(clock).environment(java.util.Map.of())
                .component("core", "3.49.1").metric("workers.processes", () -> 6).metric("tls.enabled", () -> true).build();
        try (installation) {
            assertThat(installation.sendNow().sent()).isTrue();
            String system = installation.systemId().orElseThrow().toString();

            assertThat(census("list", "--day", "2026-03-10")).isZero();
            assertThat(census("send-now")).isZero();

            assertThat(cli.out()).contains("\"workers.processes\":6").doesNotContain("tls.enabled").doesNotContain(system);
            assertThat(upstream.store().countReports("demo")).isEqualTo(1);
        }
    }

    @Test
    void aBadRelayFlagIsRefusedAtStartNamingIt() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--data-dir", relayDir.resolve("other").toString(), "--relay-to", "ftp://upstream",
                "--relay-schedule", "daily");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> serve.options.builder())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relayTo must be an http or https URL");
        ServeCommand schedule = new ServeCommand();
        new CommandLine(schedule).parseArgs("--data-dir", relayDir.resolve("other").toString(), "--relay-to", "https://upstream/",
                "--relay-schedule", "hourly");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> schedule.options.builder())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relaySchedule must be daily, continuous");
    }

    @Test
    void theRelayCommandExplainsAServerThatIsNotARelay() {
        assertThat(cli.run("relay", "status", "--url", "http://127.0.0.1:" + upstream.port(), "--admin-token", TestServers.ADMIN_TOKEN))
                .isEqualTo(1);
        assertThat(cli.err()).contains("404").contains("not a relay");
    }
}
