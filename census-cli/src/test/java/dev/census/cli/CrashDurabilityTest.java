package dev.census.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.census.server.store.DuckDbReportStore;
import dev.census.testing.CensusClient;
import dev.census.testing.Reports;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 under load loses no acknowledged report: the server runs as its own process and is killed mid-stream. */
class CrashDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void killNineUnderLoadLosesNoAcknowledgedReport() throws Exception {
        int port = TestServers.freePort();
        Process server = startServer(port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try {
            CensusClient client = new CensusClient(port);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> client.get("/healthz").statusCode() == 200);
            Semaphore inFlight = new Semaphore(32);
            List<CompletableFuture<?>> posts = new ArrayList<>();
            String today = LocalDate.now(ZoneOffset.UTC) + "T00:00:00Z";
            for (int i = 0; i < 5_000 && server.isAlive(); i++) {
                String system = UUID.randomUUID().toString();
                inFlight.acquire();
                posts.add(client.postReportAsync(Reports.report().system(system).sentAt(today).json())
                        .handle((HttpResponse<String> answer, Throwable failure) -> {
                            inFlight.release();
                            if (failure == null && answer.statusCode() == 202) {
                                acknowledged.add(system);
                            }
                            return null;
                        }));
                if (acknowledged.size() >= 1_000 && server.isAlive()) {
                    server.destroyForcibly().waitFor();
                }
            }
            CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();
        } finally {
            server.destroyForcibly().waitFor();
        }

        assertThat(acknowledged).as("the kill came mid-stream").hasSizeBetween(1_000, 4_999);
        Set<String> stored = storedSystems();
        assertThat(stored).containsAll(acknowledged);
    }

    private Process startServer(int port) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CensusCommand.class.getName(), "serve",
                "--port", String.valueOf(port), "--data-dir", dataDir.toString(), "--rate-limit", "0")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-server.log").toFile())
                .start();
    }

    /** Every system ID the DuckDB file holds, read after the crash the way a restarted server would open it. */
    private Set<String> storedSystems() throws Exception {
        DuckDbReportStore.open(dataDir).close();
        Set<String> systems = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dataDir.resolve(DuckDbReportStore.FILE_NAME));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CAST(system_id AS VARCHAR) FROM reports")) {
            while (rows.next()) {
                systems.add(rows.getString(1));
            }
        }
        return systems;
    }
}
