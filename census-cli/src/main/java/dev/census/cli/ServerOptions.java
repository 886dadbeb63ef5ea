package dev.census.cli;

import dev.census.server.CensusServer;
import dev.census.server.registry.RegistryLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by {@code serve} and {@code demo}; each also reads a CENSUS_* environment variable. */
final class ServerOptions {

    @Option(names = "--port", defaultValue = "${env:CENSUS_PORT:-8080}", description = "HTTP port (CENSUS_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:CENSUS_DATA_DIR:-./census-data}",
            description = "Directory of the embedded DuckDB database (CENSUS_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--registry", defaultValue = "${env:CENSUS_REGISTRY}",
            description = "Registry directory overriding the bundled one (CENSUS_REGISTRY).")
    Path registry;

    @Option(names = "--admin-token", defaultValue = "${env:CENSUS_ADMIN_TOKEN}",
            description = "Bearer token enabling the admin API, at least 16 characters (CENSUS_ADMIN_TOKEN); without it the admin API is off.")
    String adminToken;

    @Option(names = "--trusted-proxy", paramLabel = "CIDR", split = ",", defaultValue = "${env:CENSUS_TRUSTED_PROXIES}",
            description = "Reverse proxy whose X-Forwarded-For/Forwarded header names the client, e.g. 10.0.0.0/8 or fd00::/8; "
                    + "repeatable (CENSUS_TRUSTED_PROXIES, comma-separated).")
    List<String> trustedProxies;

    @Option(names = "--allow-backdated-reports", defaultValue = "${env:CENSUS_ALLOW_BACKDATED_REPORTS:-false}",
            description = "Let a report's sent_at choose its day within retention: for simulations and imports only.")
    boolean allowBackdatedReports;

    @Option(names = "--clock-start", defaultValue = "${env:CENSUS_CLOCK_START}",
            description = "Start the server's clock at this instant (e.g. 2026-01-01T00:00:00Z), running at normal speed: for tests and demos.")
    Instant clockStart;

    @Option(names = "--retention-days", defaultValue = "${env:CENSUS_RETENTION_DAYS:-30}",
            description = "Days raw reports are kept (CENSUS_RETENTION_DAYS, default ${DEFAULT-VALUE}).")
    int retentionDays;

    @Option(names = "--k", defaultValue = "${env:CENSUS_K:-5}",
            description = "Smallest group published on its own; smaller ones show as \"other\" (CENSUS_K, default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--rate-limit", defaultValue = "${env:CENSUS_RATE_LIMIT:-600}",
            description = "Report posts accepted per client address and minute, 0 = unlimited (CENSUS_RATE_LIMIT, default ${DEFAULT-VALUE}).")
    int rateLimit;

    Clock clock() {
        if (clockStart == null) {
            return Clock.systemUTC();
        }
        org.slf4j.LoggerFactory.getLogger(ServerOptions.class)
                .warn("the server clock starts at {} instead of now (--clock-start): for tests and demos only", clockStart);
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), clockStart));
    }

    CensusServer.Builder builder() {
        CensusServer.Builder builder = CensusServer.builder()
                .port(port)
                .clock(clock())
                .adminToken(adminToken)
                .allowBackdatedReports(allowBackdatedReports)
                .retentionDays(retentionDays)
                .k(k)
                .rateLimitPerMinute(rateLimit)
                .trustedProxies(trustedProxies == null ? List.of()
                        : trustedProxies.stream().filter(cidr -> !cidr.isBlank()).toList());
        if (registry != null) {
            builder.registry(RegistryLoader.fromDirectory(registry));
        }
        return builder;
    }
}
