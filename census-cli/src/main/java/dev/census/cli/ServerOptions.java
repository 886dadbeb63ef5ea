package dev.census.cli;

import dev.census.server.CensusServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The settings of {@code census serve}; each also reads a CENSUS_* environment variable. */
final class ServerOptions {

    /** Where {@code census serve} listens unless told otherwise: every IPv4 address. */
    static final String DEFAULT_BIND = "0.0.0.0";

    @Mixin
    StoreOptions store;

    @Mixin
    PublishOptions publish;

    @Mixin
    LogOptions log;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "${env:CENSUS_BIND:-" + DEFAULT_BIND + "}",
            description = "Address to listen on: 0.0.0.0 every IPv4 address, :: every address, 127.0.0.1 this machine only "
                    + "(CENSUS_BIND, default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", defaultValue = "${env:CENSUS_PORT:-" + CensusServer.DEFAULT_PORT + "}", description = "HTTP port (CENSUS_PORT, default ${DEFAULT-VALUE}).")
    int port;

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

    @Option(names = "--retention-days", defaultValue = "${env:CENSUS_RETENTION_DAYS:-" + CensusServer.DEFAULT_RETENTION_DAYS + "}",
            description = "Days raw reports are kept (CENSUS_RETENTION_DAYS, default ${DEFAULT-VALUE}).")
    int retentionDays;

    @Option(names = "--rate-limit", defaultValue = "${env:CENSUS_RATE_LIMIT:-" + CensusServer.DEFAULT_RATE_LIMIT_PER_MINUTE + "}",
            description = "Report posts accepted per client address and minute, 0 = unlimited (CENSUS_RATE_LIMIT, default ${DEFAULT-VALUE}).")
    int rateLimit;

    @Option(names = "--provisional-every", paramLabel = "DURATION", defaultValue = "${env:CENSUS_PROVISIONAL_EVERY}",
            converter = Minutes.class,
            description = "Also summarize today so far every DURATION (e.g. 15m, 1h), marked provisional until the nightly run "
                    + "(CENSUS_PROVISIONAL_EVERY; off by default).")
    Duration provisionalEvery;

    @Option(names = "--relay-to", paramLabel = "URL", defaultValue = "${env:CENSUS_RELAY_TO}",
            description = "Make this server a relay that also forwards what it accepts to this Census (or Pulp analytics) server "
                    + "(CENSUS_RELAY_TO; see docs/relay.md).")
    String relayTo;

    @Option(names = "--relay-schedule", paramLabel = "daily|continuous[:DELAY]", defaultValue = "${env:CENSUS_RELAY_SCHEDULE:-daily}",
            description = "When the relay forwards: daily at a random time, or continuous (every minute, or e.g. continuous:5m) "
                    + "(CENSUS_RELAY_SCHEDULE, default ${DEFAULT-VALUE}).")
    String relaySchedule;

    @Option(names = "--relay-channels", paramLabel = "CHANNEL", split = ",", defaultValue = "${env:CENSUS_RELAY_CHANNELS:-production}",
            description = "Channels the relay forwards: production, dev (CENSUS_RELAY_CHANNELS, default ${DEFAULT-VALUE}).")
    List<String> relayChannels;

    @Option(names = "--relay-drop-metric", paramLabel = "NAME",
            description = "A metric the relay never forwards; repeatable.")
    List<String> relayDropMetrics;

    @Option(names = "--relay-pseudonymize", defaultValue = "${env:CENSUS_RELAY_PSEUDONYMIZE:-false}",
            description = "Forward system IDs as stable keyed hashes (HMAC-SHA-256, secret kept in the store) instead of as sent.")
    boolean relayPseudonymize;

    @Option(names = "--relay-proxy", paramLabel = "HOST:PORT", defaultValue = "${env:CENSUS_RELAY_PROXY}",
            description = "HTTP proxy to the upstream (CENSUS_RELAY_PROXY); without it HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply.")
    String relayProxy;

    @Option(names = "--relay-trust-store", paramLabel = "FILE", defaultValue = "${env:CENSUS_RELAY_TRUST_STORE}",
            description = "Key store (PKCS12 or JKS) of the certificates to trust for the upstream, instead of the JDK's (CENSUS_RELAY_TRUST_STORE).")
    java.nio.file.Path relayTrustStore;

    @Option(names = "--relay-trust-store-password", paramLabel = "PASSWORD", defaultValue = "${env:CENSUS_RELAY_TRUST_STORE_PASSWORD}",
            description = "Password of the relay's trust store (CENSUS_RELAY_TRUST_STORE_PASSWORD).")
    String relayTrustStorePassword;

    /** A duration as minutes ({@code 15m}), hours ({@code 1h}) or seconds ({@code 90s}), or ISO-8601 ({@code PT15M}). */
    static final class Minutes implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            java.util.regex.Matcher short_ = java.util.regex.Pattern.compile("(\\d{1,6})([smh])").matcher(text.strip());
            Duration duration;
            if (short_.matches()) {
                long amount = Long.parseLong(short_.group(1));
                duration = switch (short_.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            } else {
                try {
                    duration = Duration.parse(text.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new picocli.CommandLine.TypeConversionException("'" + text + "' is not a duration such as 15m, 1h or PT15M");
                }
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new picocli.CommandLine.TypeConversionException("'" + text + "' must be a positive duration");
            }
            return duration;
        }
    }

    Clock clock() {
        if (clockStart == null) {
            return Clock.systemUTC();
        }
        org.slf4j.LoggerFactory.getLogger(ServerOptions.class)
                .warn("the server clock starts at {} instead of now (--clock-start): for tests and demos only", clockStart);
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), clockStart));
    }

    /** A server on the chosen store, with every setting of these options. */
    CensusServer.Builder builder() {
        CensusServer.Builder builder = store.applyTo(CensusServer.builder())
                .host(bind)
                .port(port)
                .clock(clock())
                .adminToken(adminToken)
                .allowBackdatedReports(allowBackdatedReports)
                .retentionDays(retentionDays)
                .k(publish.k)
                .rateLimitPerMinute(rateLimit)
                .provisionalEvery(provisionalEvery)
                .trustedProxies(trustedProxies == null ? List.of()
                        : trustedProxies.stream().filter(cidr -> !cidr.isBlank()).toList());
        if (relayTo != null && !relayTo.isBlank()) {
            builder.relayTo(relayTo).relaySchedule(relaySchedule).relayChannels(relayChannels)
                    .relayPseudonymize(relayPseudonymize).relayProxy(relayProxy == null || relayProxy.isBlank() ? null : relayProxy);
            (relayDropMetrics == null ? List.<String>of() : relayDropMetrics).forEach(builder::relayDropMetric);
            if (relayTrustStore != null) {
                builder.relayTrustStore(relayTrustStore, relayTrustStorePassword == null ? null : relayTrustStorePassword.toCharArray());
            }
        }
        return builder.registry(publish.registry.load()).registrySource(publish.registry.directory());
    }
}
