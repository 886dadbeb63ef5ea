package dev.census.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.census.testing.PostgresServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees when the server starts: the census executable run as a process, its output read. */
class ServerStartupTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("http://[^ ]+/");

    @TempDir
    Path dir;

    @Test
    void serveOnAFreshDataDirSaysWhatItServesInAtMostTenLinesNoneFromAnotherLibrary() throws Exception {
        Path data = dir.resolve("data");
        try (CensusProcess serve = CensusProcess.start(Map.of(), dir, "serve", "--port", "0", "--bind", "127.0.0.1",
                "--data-dir", data.toString())) {
            List<String> lines = serve.linesUntil("ready at");

            assertThat(lines).hasSizeLessThanOrEqualTo(10)
                    .allSatisfy(line -> assertThat(line).matches("\\S+ (INFO|WARN|ERROR) +dev\\.census\\.\\S+ - .*"));
            assertThat(String.join("\n", lines)).contains("Census 0.1.0", "listening on 127.0.0.1:",
                    "store: DuckDB file " + data.toAbsolutePath().resolve("census.duckdb"),
                    "registry: bundled (demo: 8 approved metrics, pulp: ", "admin API: off", "retention: raw reports are kept 30 days",
                    "k: groups of fewer than 5 systems");
            assertThat(status(publicUrl(lines))).isEqualTo(200);
        }
    }

    @Test
    void serveLogsOneJsonObjectALineAndBindsWhereTheEnvironmentSays() throws Exception {
        String database = PostgresServer.newDatabase() + "&password=not-to-be-logged";
        try (CensusProcess serve = CensusProcess.start(Map.of("CENSUS_LOG_FORMAT", "json", "CENSUS_BIND", "127.0.0.1",
                "CENSUS_DATABASE", database, "CENSUS_ADMIN_TOKEN", TestServers.ADMIN_TOKEN), dir, "serve", "--port", "0")) {
            List<String> lines = serve.linesUntil("ready at");

            List<JsonNode> logged = lines.stream().map(ServerStartupTest::json).toList();
            assertThat(logged).allSatisfy(line -> assertThat(line.path("logger").asText()).startsWith("dev.census."))
                    .allSatisfy(line -> assertThat(line.path("level").asText()).isIn("INFO", "WARN"));
            List<String> messages = logged.stream().map(line -> line.path("message").asText()).toList();
            assertThat(messages).anyMatch(message -> message.startsWith("listening on 127.0.0.1:"))
                    .anyMatch(message -> message.matches("store: PostgreSQL 127\\.0\\.0\\.1:\\d+/census_test_\\d+"))
                    .contains("admin API: on");
            assertThat(serve.lines()).noneMatch(line -> line.contains("not-to-be-logged"));
        }
    }

    @Test
    void serveGivesDuckDbTheMemoryLimitOfTheFlagAndTheThreadsOfTheEnvironmentAndSaysSo() throws Exception {
        Path data = dir.resolve("data");
        try (CensusProcess serve = CensusProcess.start(Map.of("CENSUS_DUCKDB_THREADS", "3"), dir, "serve", "--port", "0",
                "--bind", "127.0.0.1", "--data-dir", data.toString(), "--duckdb-memory-limit", "256MiB")) {
            assertThat(String.join("\n", serve.linesUntil("ready at")))
                    .contains("store: DuckDB file " + data.toAbsolutePath().resolve("census.duckdb") + " (memory limit 256.0 MiB, 3 threads)");
        }
    }

    @Test
    void aDuckDbMemoryLimitDuckDbCouldNotReadIsRefusedNamingTheOption() {
        StringWriter err = new StringWriter();
        int exit = CensusCommand.commandLine().setErr(new PrintWriter(err, true))
                .execute("serve", "--port", "0", "--data-dir", dir.toString(), "--duckdb-memory-limit", "lots");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--duckdb-memory-limit'",
                "it must be a size such as 2GB or 512MiB, or a share of the machine's memory from 1% to 100%: lots");
    }

    @Test
    void aLogLevelOrFormatThatDoesNotExistIsRefusedNamingTheOption() {
        StringWriter err = new StringWriter();
        int exit = CensusCommand.commandLine().setErr(new PrintWriter(err, true))
                .execute("serve", "--port", "0", "--data-dir", dir.toString(), "--log-format", "xml");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--log-format must be text or json (was xml)");
    }

    @Test
    void demoListensOnLoopbackPrintsOnlyItsPublicUrlAndDeletesItsTemporaryDataOnCtrlC() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        try (CensusProcess demo = CensusProcess.start(Map.of(), tmp, "demo", "--port", "0", "--systems", "20", "--days", "2")) {
            List<String> lines = demo.linesUntil("ready at");
            assertThat(temporaryDirectories(tmp)).hasSize(1);

            String url = publicUrl(lines);
            assertThat(url).startsWith("http://127.0.0.1:");
            assertThat(lines.stream().flatMap(line -> URL.matcher(line).results().map(java.util.regex.MatchResult::group))).containsExactly(url);
            assertThat(status(url)).isEqualTo(200);

            assertThat(demo.stop()).isNotNegative();
        }
        assertThat(temporaryDirectories(tmp)).as("the demo's data is gone").isEmpty();
    }

    private static List<Path> temporaryDirectories(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(path -> path.getFileName().toString().startsWith("census-demo-")).toList();
        }
    }

    private static String publicUrl(List<String> lines) {
        Matcher url = URL.matcher(lines.get(lines.size() - 1));
        assertThat(url.find()).as("the last line names the URL: %s", lines).isTrue();
        return url.group();
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
