package dev.census.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.census.server.store.DuckDbReportStore;
import dev.census.server.store.ReportStore;
import dev.census.server.store.StoredRows;
import dev.census.testing.CensusClient;
import dev.census.server.testing.GatedReportStore;
import dev.census.testing.TestClock;
import dev.census.testing.Reports;
import dev.census.server.testing.TestServers;
import dev.census.server.testing.Tmpfs;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a server does when its disk fills up or its database file goes away under it: it answers 202
 * only for what it stored, stores nothing it refused, corrupts nothing, says so on /readyz, and heals
 * by itself.
 */
class StorageFaultTest {

    /** The generic detail of every storage 503: what went wrong is in the server's log, not the answer. */
    static final String GENERIC_DETAIL = "storage is unavailable; retry later";

    @TempDir
    Path temp;

    private final TestClock clock = TestClock.at("2026-03-11T08:00:00Z");
    private final AtomicInteger sequence = new AtomicInteger();
    /** Every report posted, by system, with the answer it got. */
    private final Map<UUID, Sent> sent = new LinkedHashMap<>();

    @Test
    void aFullDiskAcknowledgesOnlyWhatItStoresCorruptsNothingAndHealsWithoutARestart() throws IOException {
        try (Tmpfs tmpfs = Tmpfs.mountOrSkip(temp, "24m")) {
            Path dataDir = tmpfs.path().resolve("data");
            try (CensusServer server = TestServers.start(dataDir, clock)) {
                CensusClient client = new CensusClient(server.port());
                assertThat(postWaves(client, 2, 8)).containsOnly(202);

                Path filler = tmpfs.fill();
                List<Integer> whileFull = postWaves(client, 5, 8);
                assertThat(whileFull).as("answers while the disk was full").contains(503).isSubsetOf(202, 503);
                assertGeneric503(sent.values().stream().filter(s -> s.status() == 503).findFirst().orElseThrow().body());
                HttpResponse<String> notReady = client.get("/readyz");
                assertThat(notReady.statusCode()).as("/readyz while the disk is full").isEqualTo(503);
                assertGeneric503(notReady.body());
                assertThat(server.store().countReports("demo")).as("reads while the disk is full").isPositive();

                Files.delete(filler);
                await().atMost(Duration.ofSeconds(30)).until(() -> client.get("/readyz").statusCode() == 200);
                assertThat(postWaves(client, 2, 8)).as("answers once space is free again, without a restart").containsOnly(202);
                assertStoredExactlyTheAcknowledged(server.store());
            }
            try (CensusServer restarted = TestServers.start(dataDir, clock)) {
                assertStoredExactlyTheAcknowledged(restarted.store());
                assertThat(postWaves(new CensusClient(restarted.port()), 1, 4)).containsOnly(202);
                assertStoredExactlyTheAcknowledged(restarted.store());
            }
        }
    }

    @Test
    void aDatabaseFileMovedAwayIsRefusedRatherThanWrittenAndHealsWhenPutBack() throws IOException {
        Path dataDir = temp.resolve("data");
        Path file = dataDir.resolve(DuckDbReportStore.FILE_NAME);
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            assertThat(postWaves(client, 1, 4)).containsOnly(202);

            Files.move(file, temp.resolve("away.duckdb"));
            assertThat(postWaves(client, 2, 4)).as("answers while the file is away").containsOnly(503);
            assertGeneric503(lastBody(503));
            HttpResponse<String> notReady = client.get("/readyz");
            assertThat(notReady.statusCode()).as("/readyz while the file is away").isEqualTo(503);
            assertGeneric503(notReady.body());

            Files.move(temp.resolve("away.duckdb"), file);
            healsAndStoresExactlyTheAcknowledged(server, client, 4);
        }
        assertARestartStoresExactlyTheAcknowledged(dataDir);
    }

    @Test
    void aDeletedDatabaseFileIsRefusedAndABackupPutInItsPlaceIsOpenedWithoutARestart() throws IOException {
        Path dataDir = temp.resolve("data");
        Path file = dataDir.resolve(DuckDbReportStore.FILE_NAME);
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            assertThat(postWaves(new CensusClient(server.port()), 1, 3)).containsOnly(202);
        }
        Path backup = Files.copy(file, temp.resolve("backup.duckdb"));
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            assertThat(postWaves(client, 1, 3)).containsOnly(202);
            List<UUID> inTheDeletedFile = sent.keySet().stream().skip(3).toList();

            Files.delete(file);
            assertThat(postWaves(client, 1, 3)).as("answers while no file is there").containsOnly(503);
            assertThat(client.get("/readyz").statusCode()).as("/readyz while no file is there").isEqualTo(503);
            assertThat(file).as("not created again under the running server").doesNotExist();

            Files.copy(backup, file);
            inTheDeletedFile.forEach(sent::remove); // acknowledged into the file that was deleted, and gone with it
            healsAndStoresExactlyTheAcknowledged(server, client, 3);
        }
        assertARestartStoresExactlyTheAcknowledged(dataDir);
    }

    @Test
    void anUnwritableDataDirectoryIsRefusedWith503AndHealsWhenWritableAgain() throws IOException {
        Path dataDir = temp.resolve("data");
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            assertThat(postWaves(new CensusClient(server.port()), 1, 3)).containsOnly(202);
        }
        try (CensusServer server = TestServers.start(dataDir, clock)) {
            CensusClient client = new CensusClient(server.port());
            assertThat(dataDir.resolve(DuckDbReportStore.FILE_NAME + ".wal")).as("a clean start left no WAL open").doesNotExist();
            Unwritable unwritable = Unwritable.make(dataDir);
            try {
                assertThat(postWaves(client, 2, 3)).as("answers while the directory is unwritable").containsOnly(503);
                assertGeneric503(lastBody(503));
                assertThat(client.get("/readyz").statusCode()).as("/readyz while the directory is unwritable").isEqualTo(503);
            } finally {
                unwritable.close();
            }
            healsAndStoresExactlyTheAcknowledged(server, client, 3);
        }
        assertARestartStoresExactlyTheAcknowledged(dataDir);
    }

    @Test
    void aStorageFailureAnswersAGenericProblemAndReadinessSaysSoWithoutInternals() throws IOException {
        GatedReportStore gated = new GatedReportStore(DuckDbReportStore.open(temp.resolve("data")));
        gated.open();
        try (CensusServer server = TestServers.builder(temp.resolve("data"), clock).store(gated.store()).build().start()) {
            CensusClient client = new CensusClient(server.port());
            gated.failAppends(true);
            HttpResponse<String> refused = client.postReport(Reports.report().json());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertGeneric503(refused.body());
            assertThat(refused.body()).doesNotContain("database is down");
            HttpResponse<String> notReady = client.get("/readyz");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.headers().firstValue("Retry-After")).hasValue("5");
            assertGeneric503(notReady.body());

            gated.failAppends(false);
            assertThat(client.get("/readyz").statusCode()).isEqualTo(200);
        }
    }

    private String lastBody(int status) {
        List<Sent> answered = sent.values().stream().filter(s -> s.status() == status).toList();
        return answered.get(answered.size() - 1).body();
    }

    /** Posts {@code waves} times {@code width} reports at once; returns the statuses in order. */
    /** Once /readyz is 200 again, a wave of this width is accepted and the store holds exactly what was acknowledged. */
    private void healsAndStoresExactlyTheAcknowledged(CensusServer server, CensusClient client, int width) {
        await().atMost(Duration.ofSeconds(30)).until(() -> client.get("/readyz").statusCode() == 200);
        assertThat(postWaves(client, 1, width)).containsOnly(202);
        assertStoredExactlyTheAcknowledged(server.store());
    }

    private void assertARestartStoresExactlyTheAcknowledged(Path dataDir) {
        try (CensusServer restarted = TestServers.start(dataDir, clock)) {
            assertStoredExactlyTheAcknowledged(restarted.store());
        }
    }

    private List<Integer> postWaves(CensusClient client, int waves, int width) {
        List<Integer> statuses = new ArrayList<>();
        for (int wave = 0; wave < waves; wave++) {
            Map<UUID, CompletableFuture<HttpResponse<String>>> answers = new LinkedHashMap<>();
            for (int i = 0; i < width; i++) {
                int n = sequence.incrementAndGet();
                UUID system = UUID.randomUUID();
                answers.put(system, client.postReportAsync(Reports.report().system(system)
                        .component("core", "3.50." + n).metric("workers.processes", Integer.toString(n)).json()));
                sent.put(system, new Sent(n, 0, null));
            }
            answers.forEach((system, answer) -> {
                HttpResponse<String> response = answer.join();
                sent.put(system, new Sent(sent.get(system).n(), response.statusCode(), response.body()));
                statuses.add(response.statusCode());
            });
        }
        return statuses;
    }

    /** Every 202 is stored exactly once and exactly as sent, nothing answered otherwise is stored, ids are unique. */
    private void assertStoredExactlyTheAcknowledged(ReportStore store) {
        List<StoredRows.Row> rows = StoredRows.read(store);
        Map<UUID, Integer> acknowledged = new LinkedHashMap<>();
        sent.forEach((system, report) -> {
            if (report.status() == 202) {
                acknowledged.put(system, report.n());
            }
        });
        assertThat(rows).extracting(StoredRows.Row::id).as("report ids").doesNotHaveDuplicates();
        assertThat(StoredRows.orphans(store)).as("relay queue rows without their report").isEmpty();
        assertThat(rows).extracting(StoredRows.Row::systemId).as("stored systems")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
        for (StoredRows.Row row : rows) {
            int n = acknowledged.get(row.systemId());
            assertThat(row).as("report %d as stored", n).isEqualTo(new StoredRows.Row(row.id(), "demo", row.systemId(),
                    "production", List.of("core=3.50." + n), List.of("workers.processes=" + (double) n)));
        }
    }

    static void assertGeneric503(String body) throws IOException {
        JsonNode problem = new ObjectMapper().readTree(body);
        assertThat(problem.get("type").asText()).as(body).endsWith("/storage-unavailable");
        assertThat(problem.get("detail").asText()).as(body).isEqualTo(GENERIC_DETAIL);
    }

    private record Sent(int n, int status, String body) {
    }

    /**
     * A directory no file can be created in: immutable as root (root ignores permissions), read-only
     * otherwise. DuckDB keeps its open files writable, but cannot create the WAL it needs to commit.
     */
    private record Unwritable(Path dir, boolean root) implements AutoCloseable {

        static Unwritable make(Path dir) throws IOException {
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                Assumptions.assumeTrue(run("chattr", "+i", dir.toString()), "chattr +i is needed to make a directory unwritable for root");
            } else {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
            }
            return new Unwritable(dir, root);
        }

        @Override
        public void close() throws IOException {
            if (root) {
                run("chattr", "-i", dir.toString());
            } else {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }

        private static boolean run(String... command) throws IOException {
            try {
                return new ProcessBuilder(command).inheritIO().start().waitFor() == 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
