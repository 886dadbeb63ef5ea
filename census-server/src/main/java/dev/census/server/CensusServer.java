package dev.census.server;

import static java.util.Objects.requireNonNull;

import dev.census.protocol.Channel;
import dev.census.registry.ProductDefinition;
import dev.census.registry.Registry;
import dev.census.registry.RegistryLoader;
import dev.census.server.api.AdminEndpoint;
import dev.census.server.api.AdminGate;
import dev.census.server.api.ClientAddress;
import dev.census.server.api.ErrorAnswers;
import dev.census.server.api.FloodGuard;
import dev.census.server.api.HeadRequests;
import dev.census.server.api.HealthEndpoint;
import dev.census.server.api.OpenApiEndpoint;
import dev.census.server.api.ProblemErrorHandler;
import dev.census.server.api.PublicReadCors;
import dev.census.server.api.PulpEndpoint;
import dev.census.server.api.RelayEndpoint;
import dev.census.server.api.ReportsEndpoint;
import dev.census.server.api.SummariesEndpoint;
import dev.census.server.ingest.IngestStats;
import dev.census.server.ingest.Ingestion;
import dev.census.server.json.CensusJson;
import dev.census.server.publish.PublishedSummaries;
import dev.census.server.publish.SummaryRange;
import dev.census.server.relay.Relay;
import dev.census.server.relay.RelayPolicy;
import dev.census.server.relay.RelayQueue;
import dev.census.server.relay.RelaySchedule;
import dev.census.server.relay.Upstream;
import dev.census.server.store.DatabaseUrl;
import dev.census.server.store.DuckDbReportStore;
import dev.census.server.store.DuckDbResources;
import dev.census.server.store.PostgresReportStore;
import dev.census.server.store.RelayTables;
import dev.census.server.store.ReportStore;
import dev.census.server.summary.DailyJobs;
import dev.census.server.summary.Summarizer;
import dev.census.server.summary.SummaryHealth;
import dev.census.server.web.Dashboard;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Properties;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Census server: ingestion, storage, daily summaries, the public API and the dashboard, over one
 * store. Build it with {@link #builder()}, {@link #start()} it, and {@link #close()} it to commit what
 * is queued and release the database.
 */
public final class CensusServer implements AutoCloseable {

    /** Raw reports are kept this many days, as promised to every administrator. */
    public static final int DEFAULT_RETENTION_DAYS = 30;
    public static final int DEFAULT_PORT = 8080;
    /** One installation posts once a day; a minute's burst of 600 only stops floods. */
    public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
    /** 16 characters of a random alphabet are beyond guessing at the throttled rate of failed attempts. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    /** Days of summaries read ahead at start: the widest range the dashboard links to. */
    private static final int PREFETCH_DAYS = 365;

    private static final Logger LOG = LoggerFactory.getLogger(CensusServer.class);

    /** This build's version, as Maven wrote it into {@code census/version.properties}. */
    public static final String VERSION = readVersion();

    private final Builder config;
    private final ReportStore store;
    private final Ingestion ingestion;
    private final Summarizer summarizer;
    private final DailyJobs jobs;
    private final Registry registry;
    /** The read model, with the published days in memory, shared by the API and the pages. */
    private final PublishedSummaries published;
    /** Forwards what is accepted upstream; null unless started with a relay target. */
    private final Relay relay;
    private Thread prefetch;
    private final Javalin app;

    private CensusServer(Builder config) {
        this.config = config;
        Registry registry = config.registry != null ? config.registry : RegistryLoader.bundled();
        this.store = config.store.get();
        try {
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            IngestStats stats = new IngestStats(meters);
            this.ingestion = new Ingestion(registry, store, config.clock, config.allowBackdatedReports,
                    config.retentionDays, stats, config.queueCapacity);
            this.summarizer = new Summarizer(store, registry, config.clock, config.k, new SummaryHealth(meters));
            this.jobs = new DailyJobs(summarizer, store, config.clock, config.retentionDays);
            this.relay = config.relayTo == null ? null : relay(config, store, meters);
            if (relay != null) {
                ingestion.relayThrough(relay.outbound());
            }
            FloodGuard floodGuard = new FloodGuard(config.rateLimitPerMinute, config.clock, config.clientAddress);
            ReportsEndpoint reports = new ReportsEndpoint(ingestion, floodGuard, store, registry);
            PulpEndpoint pulp = new PulpEndpoint(ingestion, floodGuard, registry);
            this.registry = registry;
            this.published = new PublishedSummaries(store, config.clock);
            SummariesEndpoint summaries = new SummariesEndpoint(registry, published);
            AdminGate gate = new AdminGate(config.adminToken, config.clock, config.clientAddress);
            AdminEndpoint admin = new AdminEndpoint(gate, summarizer, jobs, ingestion, config.clock);
            RelayEndpoint relayAdmin = new RelayEndpoint(gate, relay, config.clock);
            HealthEndpoint health = new HealthEndpoint(store, meters);
            OpenApiEndpoint openApi = new OpenApiEndpoint(config.clock);
            Dashboard dashboard = new Dashboard(registry, published, config.retentionDays, config.k, DailyJobs.nightlyBy(),
                    config.dailyJobs ? config.provisionalEvery : null);
            this.app = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.jsonMapper(new JavalinJackson(CensusJson.MAPPER, false));
                javalin.http.generateEtags = true;
                javalin.http.maxRequestSize = ReportsEndpoint.MAX_REQUEST_BYTES;
                javalin.jetty.modifyHttpConfiguration(ExactRequests::apply);
                javalin.staticFiles.enableWebjars();
                javalin.staticFiles.add(files -> {
                    files.hostedPath = "/static";
                    files.directory = "/census/static";
                    files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                });
                SecurityHeaders.register(javalin.routes);
                PublicReadCors.register(javalin.routes);
                javalin.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
                reports.register(javalin.routes);
                pulp.register(javalin.routes);
                summaries.register(javalin.routes);
                admin.register(javalin.routes);
                relayAdmin.register(javalin.routes);
                health.register(javalin.routes);
                openApi.register(javalin.routes);
                dashboard.register(javalin.routes);
                ErrorAnswers.register(javalin.routes, meters);
            });
            HeadRequests.answerLikeGet(app);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Relay relay(Builder config, ReportStore store, PrometheusMeterRegistry meters) {
        Upstream.Builder upstream = Upstream.builder(config.relayTo).proxy(config.relayProxy).clock(config.clock)
                .environment(config.relayEnvironment);
        if (config.relayTrustStore != null) {
            upstream.trustStore(config.relayTrustStore, config.relayTrustStorePassword);
        }
        return new Relay(new RelayQueue(RelayTables.dataSource(store)), upstream.build(), config.relayPolicy.build(),
                config.relaySchedule, config.clock, config.retentionDays, meters);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = CensusServer.class.getResourceAsStream("/census/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            LOG.debug("cannot read the version: {}", e.getMessage());
        }
        return properties.getProperty("version", "(unknown version)");
    }

    /** Starts listening, and starts the daily jobs unless disabled. */
    public CensusServer start() {
        app.start(config.host, config.port);
        if (config.dailyJobs) {
            jobs.start();
            if (relay != null) {
                relay.start();
            }
            if (config.provisionalEvery != null) {
                jobs.startProvisional(config.provisionalEvery);
                LOG.info("Today is summarized provisionally every {}", config.provisionalEvery);
            }
        }
        prefetch = new Thread(this::prefetchSummaries, "census-prefetch");
        prefetch.setDaemon(true);
        prefetch.start();
        logSettings();
        if (!config.clientAddress.trustedProxies().isEmpty()) {
            LOG.info("Requests from {} count against the client their X-Forwarded-For or Forwarded header names",
                    config.clientAddress.trustedProxies());
        }
        return this;
    }

    /** One line each: what runs, where it listens, where its data and metrics come from, what it publishes. */
    private void logSettings() {
        LOG.info("Census {}", VERSION);
        LOG.info("listening on {} ({})", hostAndPort(config.host, port()), publicUrl());
        LOG.info("store: {}", store.describe());
        LOG.info("registry: {} ({})", config.registrySource, registry.summary());
        LOG.info("admin API: {}", config.adminToken == null ? "off (no admin token)" : "on");
        LOG.info("retention: raw reports are kept {} days", config.retentionDays);
        LOG.info("k: groups of fewer than {} systems are published as \"other\"", config.k);
        if (relay != null) {
            RelayPolicy policy = config.relayPolicy.build();
            LOG.info("relay: to {}; channels {}; metrics never forwarded {}; system IDs {}", config.relayTo, policy.channels(),
                    policy.droppedMetrics(), policy.pseudonymize() ? "pseudonymized" : "as sent");
        }
    }

    /**
     * The address to open in a browser: {@code localhost} when the server listens on every address,
     * else the address it listens on.
     */
    public String publicUrl() {
        String host = config.host.equals("0.0.0.0") || config.host.equals("::") ? "localhost" : config.host;
        return "http://" + hostAndPort(host, port()) + "/";
    }

    private static String hostAndPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Reads the last year of every product's published days into memory in the background, so the
     * first visitor after a start gets a page as fast as the next one. Best effort: a failure only
     * means the first request reads them itself.
     */
    private void prefetchSummaries() {
        LocalDate today = LocalDate.now(config.clock);
        try {
            for (ProductDefinition product : registry.products()) {
                for (Channel channel : Channel.values()) {
                    published.prefetch(product.name(), new SummaryRange(today.minusDays(PREFETCH_DAYS), today, channel.wireName()));
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("prefetching summaries failed; the first requests will read them: {}", e.getMessage());
        }
    }

    /** The store must not close under the prefetch's query; it reads at most a year of summary rows. */
    private void awaitPrefetch() {
        if (prefetch == null) {
            return;
        }
        try {
            prefetch.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The port the server listens on (the chosen one when built with port 0). */
    public int port() {
        return app.port();
    }

    /**
     * Every route the server answers, as {@code METHOD /path} (Javalin's path syntax), sorted: what
     * the OpenAPI contract test holds against the document. {@code HEAD}, answered wherever {@code GET}
     * is, is not listed.
     */
    public java.util.List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(handler -> handler.endpoint.method != io.javalin.http.HandlerType.HEAD)
                .map(handler -> handler.endpoint.method + " " + handler.endpoint.path).sorted().toList();
    }

    /**
     * Runs summarization and retention once now, as the daily job would; returns the days summarized
     * per product. Days that failed are logged and counted ({@code summarizer().health()}, the admin stats).
     */
    public java.util.Map<String, java.util.List<java.time.LocalDate>> runDailyJobs() {
        return jobs.runOnce().summarized();
    }

    public Summarizer summarizer() {
        return summarizer;
    }

    public ReportStore store() {
        return store;
    }

    /** The relay, when this server is one (built with {@link Builder#relayTo}). */
    public java.util.Optional<Relay> relay() {
        return java.util.Optional.ofNullable(relay);
    }

    @Override
    public void close() {
        jobs.close();
        if (relay != null) {
            relay.close();
        }
        app.stop();
        awaitPrefetch();
        ingestion.close();
        store.close();
    }

    /** The server's settings; every one has a default fit for the embedded DuckDB server. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = DEFAULT_PORT;
        private Supplier<ReportStore> store;
        private Registry registry;
        private String registrySource = "bundled";
        private Clock clock = Clock.systemUTC();
        private String adminToken;
        private boolean allowBackdatedReports;
        private int retentionDays = DEFAULT_RETENTION_DAYS;
        private int k = Summarizer.DEFAULT_K;
        private int queueCapacity = 10_000;
        private boolean dailyJobs = true;
        private java.time.Duration provisionalEvery;
        private int rateLimitPerMinute = DEFAULT_RATE_LIMIT_PER_MINUTE;
        private ClientAddress clientAddress = ClientAddress.socketPeer();
        private String relayTo;
        private RelaySchedule relaySchedule = RelaySchedule.parse("daily", new java.util.Random());
        private final RelayPolicy.Builder relayPolicy = RelayPolicy.builder();
        private String relayProxy;
        private java.util.Map<String, String> relayEnvironment = System.getenv();
        private Path relayTrustStore;
        private char[] relayTrustStorePassword;

        private Builder() {
        }

        /**
         * Makes this server a relay that also forwards what it accepts to this Census (or Pulp
         * analytics) server, e.g. {@code https://census.example.org/}; null (the default) does not.
         */
        public Builder relayTo(String url) {
            if (url != null) {
                Upstream.builder(url);
            }
            this.relayTo = url;
            return this;
        }

        /** {@code daily} (the default: once a day at a random time), {@code continuous} or {@code continuous:5m}. */
        public Builder relaySchedule(String schedule) {
            this.relaySchedule = RelaySchedule.parse(schedule, new java.util.Random());
            return this;
        }

        /** The channels the relay forwards (production only by default). */
        public Builder relayChannels(Collection<String> channels) {
            relayPolicy.channels(channels);
            return this;
        }

        /** A metric the relay never forwards; may be called again for more. */
        public Builder relayDropMetric(String metric) {
            relayPolicy.dropMetric(metric);
            return this;
        }

        /** Forwards system IDs as stable keyed-hash pseudonyms instead of as sent. */
        public Builder relayPseudonymize(boolean pseudonymize) {
            relayPolicy.pseudonymize(pseudonymize);
            return this;
        }

        /** The HTTP proxy to the upstream ({@code host:port}); null (the default) reads HTTPS_PROXY/NO_PROXY. */
        public Builder relayProxy(String proxy) {
            Upstream.builder("http://localhost/").proxy(proxy);
            this.relayProxy = proxy;
            return this;
        }

        /** The environment the relay reads HTTPS_PROXY/HTTP_PROXY/NO_PROXY from (the process's by default). */
        public Builder relayEnvironment(java.util.Map<String, String> environment) {
            this.relayEnvironment = java.util.Map.copyOf(requireNonNull(environment, "relayEnvironment"));
            return this;
        }

        /** Trusts the certificates of this key store (PKCS12 or JKS) for the upstream, instead of the JDK's. */
        public Builder relayTrustStore(Path file, char[] password) {
            Upstream.builder("http://localhost/").trustStore(file, password);
            this.relayTrustStore = file;
            this.relayTrustStorePassword = password == null ? null : password.clone();
            return this;
        }

        public Builder host(String host) { this.host = requireNonNull(host, "host"); return this; }

        /** The port to listen on; 0 picks a free one. */
        public Builder port(int port) {
            checkArgument(port >= 0 && port <= 65_535, "port must be between 0 and 65535");
            this.port = port;
            return this;
        }

        /** Keeps data in a DuckDB file in this directory (the embedded default). */
        public Builder dataDir(Path dataDir) {
            return dataDir(dataDir, DuckDbResources.defaults());
        }

        /** Keeps data in a DuckDB file in this directory, with DuckDB's memory limit and threads as given. */
        public Builder dataDir(Path dataDir, DuckDbResources resources) {
            requireNonNull(dataDir, "dataDir");
            requireNonNull(resources, "resources");
            this.store = () -> DuckDbReportStore.open(dataDir, resources);
            return this;
        }

        /**
         * Keeps data in a PostgreSQL database shared with any other replicas, e.g.
         * {@code postgresql://db:5432/census?user=census&password=…}; replaces {@link #dataDir}.
         */
        public Builder database(String url) {
            DatabaseUrl database = DatabaseUrl.parse(url);
            this.store = () -> PostgresReportStore.open(database);
            return this;
        }

        /** Keeps data in the given store; the server closes it. */
        public Builder store(ReportStore store) {
            requireNonNull(store, "store");
            this.store = () -> store;
            return this;
        }

        public Builder registry(Registry registry) { this.registry = requireNonNull(registry, "registry"); return this; }

        /** Where the registry was read, for the start-up log: a directory, or "bundled" (the default). */
        public Builder registrySource(String source) { this.registrySource = requireNonNull(source, "registrySource"); return this; }

        public Builder clock(Clock clock) { this.clock = requireNonNull(clock, "clock"); return this; }

        /** Enables the admin API behind this bearer token; null (the default) leaves it off. */
        public Builder adminToken(String adminToken) {
            checkArgument(adminToken == null || adminToken.length() >= MIN_ADMIN_TOKEN_LENGTH,
                    "adminToken must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters");
            this.adminToken = adminToken;
            return this;
        }

        /** Lets a report's sent_at choose its UTC day within retention: for simulations and imports only. */
        public Builder allowBackdatedReports(boolean allow) { this.allowBackdatedReports = allow; return this; }

        public Builder retentionDays(int days) {
            checkArgument(days >= 1, "retentionDays must be at least 1");
            this.retentionDays = days;
            return this;
        }

        /** The smallest group published on its own in summaries. */
        public Builder k(int k) {
            checkArgument(k >= 1, "k must be at least 1");
            this.k = k;
            return this;
        }

        /** Reports waiting for their commit at most; beyond, 503 with Retry-After. */
        public Builder queueCapacity(int capacity) {
            checkArgument(capacity >= 1, "queueCapacity must be positive");
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * Also summarizes today so far, provisionally, this often (with the daily jobs); null (the
         * default) leaves it off: today is then summarized only on request.
         */
        public Builder provisionalEvery(java.time.Duration every) {
            checkArgument(every == null || every.toMillis() > 0, "provisionalEvery must be positive");
            this.provisionalEvery = every;
            return this;
        }

        /** Whether the daily jobs run on their own schedule (tests trigger them instead). */
        public Builder dailyJobs(boolean enabled) { this.dailyJobs = enabled; return this; }

        /**
         * Report posts accepted per client address and minute (0 = unlimited). An internal proxy
         * that forwards many installations needs a higher limit.
         */
        public Builder rateLimitPerMinute(int perMinute) {
            checkArgument(perMinute >= 0, "rateLimitPerMinute must not be negative");
            this.rateLimitPerMinute = perMinute;
            return this;
        }

        /**
         * Reverse proxies whose forwarding headers are believed, as CIDRs ({@code 10.0.0.0/8},
         * {@code fd00::/8}) or single addresses: a request from one of them counts against the
         * rightmost address of its {@code X-Forwarded-For} (else {@code Forwarded}) that is not a
         * trusted proxy, for the rate limit and the admin throttle. None by default: every request
         * counts against its socket peer.
         */
        public Builder trustedProxies(Collection<String> cidrs) {
            this.clientAddress = ClientAddress.trusting(cidrs);
            return this;
        }

        public CensusServer build() {
            if (store == null) {
                throw new IllegalStateException("dataDir, database or store is required");
            }
            return new CensusServer(this);
        }

        private static void checkArgument(boolean valid, String message) {
            if (!valid) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
