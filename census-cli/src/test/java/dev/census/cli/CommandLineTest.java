package dev.census.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.census.server.CensusServer;
import dev.census.server.store.DuckDbReportStore;
import dev.census.testing.CensusClient;
import dev.census.testing.Reports;
import dev.census.testing.TestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The census executable's commands, run in-process against real servers and DuckDB files. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void aRefusedSettingIsOneLineNamingItAndExitTwoNotAStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine census = CensusCommand.commandLine().setErr(new PrintWriter(err, true));

        int exit = census.execute("serve", "--port", "0", "--data-dir", dir.toString(), "--admin-token", "short");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualToIgnoringNewLines("serve: adminToken must be at least 16 characters");
    }

    /** Today's server would accept the token and serve until stopped: the timeout turns that into a failure. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void serveRefusesAnAdminTokenShorterThan16Characters() {
        StringWriter err = new StringWriter();
        CommandLine census = CensusCommand.commandLine().setErr(new PrintWriter(err, true));

        int exit = census.execute("serve", "--port", "0", "--data-dir", dir.toString(), "--admin-token", "fifteen-chars-x");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualToIgnoringNewLines("serve: adminToken must be at least 16 characters");
    }

    @Test
    void aTrustedProxyThatIsNoCidrIsRefusedInOneLine() {
        StringWriter err = new StringWriter();
        CommandLine census = CensusCommand.commandLine().setErr(new PrintWriter(err, true));

        int exit = census.execute("serve", "--port", "0", "--data-dir", dir.toString(), "--trusted-proxy", "10.0.0.0/8,10.0.0.0/33");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualToIgnoringNewLines("serve: trustedProxies: the prefix length of '10.0.0.0/33' must be 0 to 32");
    }

    @Test
    void serveTakesTheClientFromTheHeadersOfEveryTrustedProxyGiven() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port", "0", "--rate-limit", "1",
                "--trusted-proxy", "10.0.0.0/8", "--trusted-proxy", "fd00::/8,127.0.0.1");
        try (CensusServer server = serve.options.builder().dataDir(dir).dailyJobs(false).build().start()) {
            CensusClient client = new CensusClient(server.port());
            for (String installation : List.of("198.51.100.1", "198.51.100.2", "10.0.0.9, 198.51.100.1")) {
                byte[] report = Reports.report().sentAt(Instant.now().toString()).json().getBytes(StandardCharsets.UTF_8);
                int status = client.send(client.reportRequest(report, "application/json")
                        .header("X-Forwarded-For", installation).build()).statusCode();
                assertThat(status).as(installation).isEqualTo(installation.startsWith("10.") ? 429 : 202);
            }
        }
    }

    @Test
    void simulatePostsAFleetOverHttpAndSummarizeWritesItsDays() {
        Instant now = Instant.now();
        TestClock clock = new TestClock(now);
        Path data = dir.resolve("data");
        try (CensusServer server = TestServers.start(data, clock)) {
            int exit = CensusCommand.run("simulate", "--url", "http://127.0.0.1:" + server.port(), "--systems", "40", "--days", "3");
            assertThat(exit).isZero();
            assertThat(server.store().countReports("demo")).isBetween(60L, 120L);
        }
        int exit = CensusCommand.run("summarize", "--data-dir", data.toString(), "--k", "1");
        assertThat(exit).isZero();
        try (DuckDbReportStore store = DuckDbReportStore.open(data)) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            assertThat(store.summarizedDays("demo")).contains(today.minusDays(2), today.minusDays(1)).doesNotContain(today);
        }
        assertThat(CensusCommand.run("summarize", "--data-dir", data.toString(), "--k", "1", "--today")).isZero();
        try (DuckDbReportStore store = DuckDbReportStore.open(data)) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            assertThat(store.provisionalDays("demo")).as("today so far, provisionally").containsExactly(today);
        }
    }

    @Test
    void serveTakesTheProvisionalPeriodAsMinutesHoursOrIsoAndRefusesZero() {
        ServeCommand serve = new ServeCommand();
        new picocli.CommandLine(serve).parseArgs("--provisional-every", "15m");
        assertThat(serve.options.provisionalEvery).isEqualTo(java.time.Duration.ofMinutes(15));
        new picocli.CommandLine(serve).parseArgs("--provisional-every", "PT1H");
        assertThat(serve.options.provisionalEvery).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(CensusCommand.run("serve", "--provisional-every", "0m")).isEqualTo(2);
    }

    @Test
    void summarizeAsksARunningServerWithTheAdminToken() {
        TestClock clock = TestClock.at("2026-03-11T08:00:00Z");
        try (CensusServer server = TestServers.start(dir, clock)) {
            String url = "http://127.0.0.1:" + server.port();
            assertThat(CensusCommand.run("summarize", "--url", url, "--admin-token", TestServers.ADMIN_TOKEN)).isZero();
            assertThat(CensusCommand.run("summarize", "--url", url, "--admin-token", "wrong-token-here")).isEqualTo(1);
        }
    }

    @Test
    void summarizeNamesEveryDayThatFailedAndExitsOneOnAStoppedServersData() throws Exception {
        TestClock clock = TestClock.at("2026-03-10T12:00:00Z");
        try (CensusServer server = TestServers.start(dir, clock)) {
            CensusClient client = new CensusClient(server.port());
            for (String day : new String[] {"2026-03-09", "2026-03-10"}) {
                assertThat(client.postReport(Reports.report().sentAt(day + "T09:00:00Z").json()).statusCode()).isEqualTo(202);
            }
        }
        refuseToMarkSummarized("demo", "2026-03-09");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine census = CensusCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));

        int exit = census.execute("summarize", "--data-dir", dir.toString(), "--k", "1", "--to", "2026-03-10");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("demo: summarized 1 day [2026-03-10]");
        assertThat(err.toString()).startsWith("registry: bundled (demo: ")
                .contains("\nsummarize: demo 2026-03-09 failed: StoreUnavailableException: database error: ")
                .contains("CHECK constraint");
    }

    @Test
    void summarizeOfARunningServerNamesEveryDayThatFailedAndExitsOne() throws Exception {
        TestClock clock = TestClock.at("2026-03-10T12:00:00Z");
        try (CensusServer server = TestServers.start(dir, clock)) {
            assertThat(new CensusClient(server.port()).postReport(Reports.report().sentAt("2026-03-09T09:00:00Z").json())
                    .statusCode()).isEqualTo(202);
        }
        refuseToMarkSummarized("demo", "2026-03-09");
        try (CensusServer server = TestServers.start(dir, clock)) {
            StringWriter err = new StringWriter();
            CommandLine census = CensusCommand.commandLine().setOut(new PrintWriter(new StringWriter(), true))
                    .setErr(new PrintWriter(err, true));

            int exit = census.execute("summarize", "--url", "http://127.0.0.1:" + server.port(), "--admin-token", TestServers.ADMIN_TOKEN);

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).startsWith("summarize: demo 2026-03-09 failed: StoreUnavailableException: database error: ")
                    .contains("CHECK constraint");
        }
    }

    /** Makes the data dir's database refuse to mark one day summarized: that day's transaction fails, as a broken disk would. */
    private void refuseToMarkSummarized(String product, String day) throws Exception {
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(DuckDbReportStore.FILE_NAME));
             Statement sql = duckDb.createStatement()) {
            sql.execute("CREATE TABLE refusing (product VARCHAR NOT NULL, day DATE NOT NULL, computed_at TIMESTAMP NOT NULL,"
                    + " provisional BOOLEAN DEFAULT FALSE, CHECK (NOT (product = '" + product + "' AND day = DATE '" + day + "')))");
            sql.execute("DROP TABLE summarized_days");
            sql.execute("ALTER TABLE refusing RENAME TO summarized_days");
        }
    }

    @Test
    void demoLoadsASimulatedHistoryWhoseDashboardServesCharts() {
        Path data = dir.resolve("demo");
        assertThat(CensusCommand.run("demo", "--load-only", "--data-dir", data.toString(), "--systems", "60", "--days", "35")).isZero();
        try (CensusServer server = CensusServer.builder().host("127.0.0.1").port(0).dataDir(data).dailyJobs(false).build().start()) {
            CensusClient client = new CensusClient(server.port());
            LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            String summaries = client.get("/api/v1/products/demo/summaries?metric=systems&from=" + yesterday.minusDays(34)
                    + "&to=" + yesterday).body();
            assertThat(summaries).contains("\"day\":\"" + yesterday.minusDays(34) + "\"", "\"day\":\"" + yesterday + "\"");
            assertThat(server.store().earliestRawDay("demo")).as("raw data past 30 days was deleted")
                    .hasValueSatisfying(day -> assertThat(day).isAfterOrEqualTo(yesterday.minusDays(30)));
            assertThat(client.get("/p/demo").body()).contains("core versions", "<canvas data-chart=\"versions-core\"");
            String pulp = client.get("/api/v1/products/pulp/summaries?metric=rbac.users&from=" + yesterday + "&to=" + yesterday).body();
            assertThat(pulp).as("the Pulp fleet posted protobuf and is summarized").contains("\"stat\":\"mean\"");
            assertThat(client.get("/p/pulp").body()).contains("core versions", "postgresql.version");
        }
    }

    @Test
    void simulateCanPostAPulpFleetAsPulpcoresProtobufMessages() {
        TestClock clock = new TestClock(Instant.now());
        try (CensusServer server = TestServers.start(dir, clock)) {
            String url = "http://127.0.0.1:" + server.port();
            assertThat(CensusCommand.run("simulate", "--url", url, "--product", "pulp", "--systems", "30")).isZero();
            assertThat(server.store().countReports("pulp")).isBetween(15L, 30L);
            assertThat(CensusCommand.run("simulate", "--url", url, "--product", "pulp", "--days", "2")).isEqualTo(2);
        }
    }

    @Test
    void metricsAuditListsStatusFirstVersionAndLastDayReceived() {
        TestClock clock = TestClock.at("2026-03-11T08:00:00Z");
        try (CensusServer server = TestServers.start(dir, clock)) {
            new CensusClient(server.port()).postReport(dev.census.testing.Reports.report()
                    .sentAt("2026-03-10T10:00:00Z").metric("workers.processes", "3").json());
        }
        StringWriter out = new StringWriter();
        CommandLine census = new CommandLine(new CensusCommand()).setOut(new PrintWriter(out));
        assertThat(census.execute("metrics", "audit", "--product", "demo", "--data-dir", dir.toString())).isZero();
        assertThat(out.toString()).containsPattern("workers.processes +approved +1.0.0 +2026-03-10 +1")
                .containsPattern("repositories.count +proposed +1.0.0 +never +0");
        assertThat(new CommandLine(new CensusCommand()).execute("metrics", "audit", "--product", "nope", "--data-dir", dir.toString()))
                .isEqualTo(2);
    }

    @Test
    void metricsAuditAndSummarizeWorkOnPostgresqlAsOnTheDataDir() {
        String database = dev.census.testing.PostgresServer.newDatabase();
        TestClock clock = TestClock.at("2026-03-11T08:00:00Z");
        try (CensusServer server = TestServers.builder(clock).database(database).build().start()) {
            new CensusClient(server.port()).postReport(dev.census.testing.Reports.report()
                    .sentAt("2026-03-10T10:00:00Z").metric("workers.processes", "3").json());
        }
        StringWriter out = new StringWriter();
        CommandLine census = new CommandLine(new CensusCommand()).setOut(new PrintWriter(out));

        assertThat(census.execute("metrics", "audit", "--product", "demo", "--database", database)).isZero();

        assertThat(out.toString()).containsPattern("workers.processes +approved +1.0.0 +2026-03-10 +1");
        assertThat(CensusCommand.run("summarize", "--database", database, "--k", "1", "--from", "2026-03-10", "--to", "2026-03-10"))
                .isZero();
        try (var store = dev.census.server.store.PostgresReportStore.open(dev.census.server.store.DatabaseUrl.parse(database))) {
            assertThat(store.summarizedDays("demo")).contains(LocalDate.parse("2026-03-10"));
        }
    }
}
