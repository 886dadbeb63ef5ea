package dev.census.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests, one per JVM: the installed binaries ({@code /usr/lib/postgresql/N/bin},
 * or {@code CENSUS_POSTGRES_BIN}) run initdb and pg_ctl in a temporary directory on a free port. As
 * root, which initdb refuses, they run as the {@code postgres} user through {@code runuser}. Each test
 * takes a fresh database. When no server can start, tests are skipped with the reason — or fail, when
 * {@code CENSUS_REQUIRE_POSTGRES=1} (as in CI).
 */
public final class PostgresServer {

    private static final String USER = "census";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;
    private static String failure;

    private final int port;

    private PostgresServer(int port) {
        this.port = port;
    }

    /** A URL ({@code postgresql://127.0.0.1:PORT/NAME?user=census}) of a new empty database; skips the test without PostgreSQL. */
    public static String newDatabase() {
        PostgresServer server = sharedOrSkip();
        String name = "census_test_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return "postgresql://127.0.0.1:" + server.port + "/" + name + "?user=" + USER;
    }

    /** The JDBC URL of one database of the shared server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static synchronized PostgresServer sharedOrSkip() {
        if (shared == null && failure == null) {
            try {
                shared = start();
            } catch (IOException | RuntimeException e) {
                failure = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted while starting PostgreSQL";
            }
        }
        if (shared == null) {
            String message = "PostgreSQL tests need a PostgreSQL server and none could start: " + failure
                    + " (install it: apt-get install -y postgresql, or set CENSUS_POSTGRES_BIN to its bin directory)";
            if ("1".equals(System.getenv("CENSUS_REQUIRE_POSTGRES"))) {
                Assertions.fail(message + "; CENSUS_REQUIRE_POSTGRES=1 forbids skipping");
            }
            Assumptions.abort(message);
        }
        return shared;
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path home = Files.createTempDirectory("census-postgres");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", home.toString()), false);
        }
        try {
            return start(bin, home, root);
        } catch (IOException | InterruptedException | RuntimeException e) {
            delete(home);
            throw e;
        }
    }

    private static PostgresServer start(Path bin, Path home, boolean root) throws IOException, InterruptedException {
        Path data = home.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "--encoding=UTF8", "--locale=C", "--no-sync"), root);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String options = "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options,
                "-l", home.resolve("server.log").toString(), "-w", "-t", "60", "start"), root);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, home, root), "census-postgres-stop"));
        return new PostgresServer(port);
    }

    private static void stop(Path bin, Path home, boolean root) {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", home.resolve("data").toString(), "-m", "immediate", "stop"), root);
            delete(home);
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL in " + home + ": " + e.getMessage());
        }
    }

    private static void delete(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static Path binaries() throws IOException {
        String configured = System.getenv("CENSUS_POSTGRES_BIN");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        Path installed = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> versions = Files.list(installed)) {
                var newest = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(PostgresServer::majorVersion));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        throw new IllegalStateException("no pg_ctl under /usr/lib/postgresql/*/bin");
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        // output to a file, not a pipe: the server pg_ctl starts must not hold our pipe open
        Path log = Files.createTempFile("census-postgres", ".log");
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                throw new IllegalStateException(String.join(" ", full) + " failed: " + Files.readString(log).strip());
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
