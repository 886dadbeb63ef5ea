package dev.census.sdk;

import dev.census.protocol.Component;
import dev.census.protocol.WireRules;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Census usage reporting, embedded in an application: one small anonymous report a day, with
 * the administrator's consent, visible before it is sent. Build it with {@link #builder()},
 * {@link #start()} it with the application, {@link #close()} it on shutdown. Nothing here throws
 * into the application for network, store or collector trouble: it logs and degrades. The work
 * (building, staging and uploading reports) runs on one daemon thread; the getters never wait for it.
 */
public final class Census implements AutoCloseable {

    /** The scheduler wakes at least this often, so a changed clock or a resumed outbox is noticed. */
    static final Duration MAX_NAP = Duration.ofMinutes(10);
    /** close() waits at most this long for an upload in flight to notice. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(1);
    static final String THREAD_NAME = "census-scheduler";

    /** A piece of the SDK's work, run on its thread. */
    private interface Work<T> {
        T run() throws InterruptedException;
    }

    private final Settings settings;
    private final Outbox outbox;
    private final Reporter reporter;
    private final QuietLog log;
    /** Guards the thread's life; private, so no application code can hold it. */
    private final Object lifecycle = new Object();
    private ScheduledThreadPoolExecutor worker;
    private volatile Thread workerThread;
    private boolean started;
    private boolean closed;

    private Census(Settings settings, SystemIdStore identity, OutboxStore outboxStore, Path stateDir) {
        this.settings = settings;
        this.log = new QuietLog(Census.class, settings.clock());
        this.outbox = new Outbox(outboxStore, this);
        JdkHttpTransport transport = new JdkHttpTransport(settings.proxy(), settings.sslContext(), settings.clock());
        this.reporter = new Reporter(settings, identity, outbox, new QuietLog(Reporter.class, settings.clock()),
                new Uploader(settings, transport, new QuietLog(Uploader.class, settings.clock())),
                new ReportSnapshot(stateDir, new QuietLog(ReportSnapshot.class, settings.clock())));
    }

    /**
     * Starts configuring the SDK.
     *
     * @return a builder; {@link Builder#build()} checks it
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts reporting: logs the one start-up notice and schedules the daily report on one daemon
     * thread. Returns at once; the state is read on that thread, never on the caller's.
     */
    public void start() {
        synchronized (lifecycle) {
            if (started || closed) {
                return;
            }
            started = true;
            if (!settings.manualScheduling() && !settings.consentPolicy().certainlyOff()) {
                worker().execute(this::tick);
                return;
            }
        }
        safely(reporter::initialize); // no thread, no I/O beyond the state the store must read
    }

    /**
     * The exact JSON the next upload would send. Writes nothing, creates no system ID and logs no
     * notice: without a stored ID (reporting off, or never started) the system ID is a placeholder.
     *
     * @return the JSON text
     */
    public String preview() {
        return reporter.preview();
    }

    /**
     * Builds a report and sends it at once, consent permitting: an explicit administrator's
     * action, so the 30-minute notice period and the daily schedule do not apply. One attempt,
     * made on the SDK's thread after an upload in flight there; the caller waits for its result.
     *
     * @return the outcome, the server's status and answer, and the JSON sent
     */
    public UploadResult sendNow() {
        try {
            return onWorker(reporter::sendNow).orElseGet(() -> failed("Census is closed: nothing was sent"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        } catch (RuntimeException e) {
            log.warn("Census could not build or stage a report: " + e.getMessage(), e);
            return failed("cannot build or stage a report: " + e.getMessage());
        }
    }

    /**
     * The local staging area: every report built, with its status; pause, resume, list, export.
     *
     * @return the outbox
     */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * Replaces the system ID with a new random one (or, when reporting is off, forgets it) and asks
     * the server to delete every report of the old ID. True when the server confirmed the deletion.
     *
     * @return true when the server confirmed the deletion
     */
    public boolean resetSystemId() {
        try {
            return onWorker(reporter::resetSystemId).orElseGet(() -> {
                log.warn("Census is closed: the system ID was not reset");
                return false;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The installation's system ID; empty when reporting is off and none was ever created.
     *
     * @return the system ID, if there is one
     */
    public Optional<UUID> systemId() {
        return reporter.systemId();
    }

    /**
     * The effective mode, after the environment ({@code DO_NOT_TRACK}, {@code CENSUS_MODE}, {@code CI}) had its say.
     *
     * @return OFF, LOCAL or ON
     */
    public Consent consent() {
        return reporter.mode();
    }

    /** Stops the SDK's thread promptly; an upload in flight is abandoned and stays pending in the outbox. */
    @Override
    public void close() {
        ScheduledThreadPoolExecutor running;
        synchronized (lifecycle) {
            closed = true;
            running = worker;
            worker = null;
        }
        if (running != null) {
            for (Runnable waiting : running.shutdownNow()) {
                if (waiting instanceof Future<?> future) {
                    future.cancel(false); // its caller learns that Census closed
                }
            }
            try {
                running.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@link Outbox#resume()}: lifts the pause and sends the newest held report, on the SDK's thread. */
    UploadResult resumeOutbox() {
        try {
            return onWorker(reporter::resumeOutbox)
                    .orElseGet(() -> UploadResult.nothingToSend("Census is closed: nothing was sent"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UploadResult.nothingToSend("interrupted");
        }
    }

    /** For tests and manual scheduling: does whatever is due now, on the SDK's thread, and waits for it. */
    void runDueWork() throws InterruptedException {
        onWorker(() -> {
            reporter.runDueWork();
            return Boolean.TRUE;
        });
    }

    /** For tests and manual scheduling: when something is next due. */
    Optional<Instant> nextRunAt() {
        return reporter.nextRunAt();
    }

    /**
     * Runs a piece of work on the SDK's thread, after whatever is in flight there, and waits for
     * its result; empty when Census closed first. When reporting is off there is nothing to send,
     * so no thread is started for it: the work (which then touches no network) runs on the caller's.
     */
    private <T> Optional<T> onWorker(Work<T> work) throws InterruptedException {
        Future<T> result;
        synchronized (lifecycle) {
            if (closed) {
                return Optional.empty();
            }
            if (reporter.isOff() || Thread.currentThread() == workerThread) {
                result = null;
            } else {
                result = worker().submit(work::run);
            }
        }
        if (result == null) {
            return Optional.of(work.run());
        }
        try {
            T answer = result.get();
            retireIfOff();
            return Optional.of(answer);
        } catch (CancellationException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException) {
                return Optional.empty(); // closed while it ran
            }
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The one daemon thread, started on first use. */
    private ScheduledThreadPoolExecutor worker() {
        assert Thread.holdsLock(lifecycle);
        if (worker == null) {
            worker = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, THREAD_NAME);
                thread.setDaemon(true);
                workerThread = thread;
                return thread;
            });
            worker.setRemoveOnCancelPolicy(true);
        }
        return worker;
    }

    private void tick() {
        try {
            reporter.runDueWork();
        } catch (InterruptedException e) {
            return; // closing
        } catch (RuntimeException e) {
            log.warn("Census reporting failed unexpectedly; it will try again later", e);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Error e) {
            log.warn("Census reporting failed unexpectedly; it will try again later", e);
        }
        synchronized (lifecycle) {
            if (closed || worker == null || retireIfOff()) {
                return;
            }
            Instant now = settings.clock().instant();
            Duration wait = reporter.nextRunAt().map(next -> Duration.between(now, next)).orElse(MAX_NAP);
            long millis = Math.max(1_000, Math.min(wait.toMillis(), MAX_NAP.toMillis()));
            worker.schedule(this::tick, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Off (decided by the store, which the first work read): no thread at all. True when there is none. */
    private boolean retireIfOff() {
        synchronized (lifecycle) {
            if (!reporter.isOff()) {
                return false;
            }
            if (worker != null) {
                worker.shutdown();
                worker = null;
            }
            return true;
        }
    }

    private void safely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("Census could not start reporting: " + e.getMessage(), e);
        }
    }

    private static UploadResult failed(String why) {
        return new UploadResult(UploadResult.Outcome.FAILED, 0, why, null);
    }

    /** Collects and checks the configuration; every problem is reported here, naming the argument. */
    public static final class Builder {

        /** Pulp's choice: an application that says nothing reports, and says so loudly at start-up. */
        public static final Consent DEFAULT_CONSENT = Consent.ON;
        /** A collector answers from memory or one cheap query; longer means something is stuck. */
        public static final Duration DEFAULT_COLLECTOR_TIMEOUT = Duration.ofSeconds(5);

        private String product;
        private URI endpoint;
        private URI devEndpoint;
        private URI mirrorEndpoint;
        private Path stateDir;
        private SystemIdStore store;
        private final List<Component> components = new ArrayList<>();
        private final Map<String, Supplier<?>> metrics = new LinkedHashMap<>();
        private Consent consent;
        private Consent defaultConsent = DEFAULT_CONSENT;
        private Consent upgradeConsent;
        private BooleanSupplier predatesTelemetry;
        private Duration collectorTimeout = DEFAULT_COLLECTOR_TIMEOUT;
        private ProxySelector proxy;
        private SSLContext sslContext;
        private Clock clock = Clock.systemUTC();
        private Map<String, String> environment = System.getenv();
        private String disableHint = "set CENSUS_MODE=off (or DO_NOT_TRACK=1) in the environment";
        private String previewHint = "Census.preview() or `census report --preview`";
        private PiiCheck pii = PiiCheck.standard();
        private boolean manualScheduling;

        private Builder() {
        }

        /**
         * The product name as the server knows it, e.g. {@code pulp}.
         *
         * @param product {@code [a-z][a-z0-9-]*}, at most 40 characters
         * @return this builder
         */
        public Builder product(String product) {
            this.product = WireRules.requireProduct(Objects.requireNonNull(product, "product"), "product");
            return this;
        }

        /**
         * The production channel's server, for release builds (every component version strictly X.Y.Z).
         *
         * @param endpoint an http or https URL; reports go to {@code {endpoint}/api/v1/reports}
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = requireHttp(endpoint, "endpoint");
            return this;
        }

        /**
         * The dev channel's server, for pre-release builds; without it they report to {@link #endpoint(URI)}.
         *
         * @param devEndpoint an http or https URL
         * @return this builder
         */
        public Builder devEndpoint(URI devEndpoint) {
            this.devEndpoint = requireHttp(devEndpoint, "devEndpoint");
            return this;
        }

        /**
         * An internal server that receives a copy of every uploaded report (admin-internal use).
         *
         * @param mirrorEndpoint an http or https URL
         * @return this builder
         */
        public Builder mirrorEndpoint(URI mirrorEndpoint) {
            this.mirrorEndpoint = requireHttp(mirrorEndpoint, "mirrorEndpoint");
            return this;
        }

        /**
         * The directory for the identity (unless {@link #systemIdStore} is given) and the outbox.
         *
         * @param stateDir a directory the application may write, created if absent
         * @return this builder
         */
        public Builder stateDir(Path stateDir) {
            this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
            return this;
        }

        /**
         * Where the identity and the daily lease live, e.g. {@link JdbcSystemIdStore#of} for a cluster.
         *
         * @param store the store
         * @return this builder
         */
        public Builder systemIdStore(SystemIdStore store) {
            this.store = Objects.requireNonNull(store, "systemIdStore");
            return this;
        }

        /**
         * A component and its version; release versions are strictly X.Y.Z.
         *
         * @param name the component's name, each at most once
         * @param version its version
         * @return this builder
         */
        public Builder component(String name, String version) {
            Component component = new Component(Objects.requireNonNull(name, "component name"),
                    Objects.requireNonNull(version, "component version"));
            if (components.stream().anyMatch(c -> c.name().equals(name))) {
                throw new IllegalArgumentException("component " + name + " is given twice");
            }
            if (components.size() == WireRules.MAX_COMPONENTS) {
                throw new IllegalArgumentException("at most " + WireRules.MAX_COMPONENTS + " components");
            }
            components.add(component);
            return this;
        }

        /**
         * A metric and its collector: a number, boolean, short string or enum, or null/empty
         * Optional for "absent". It runs isolated, with a time limit, at each report.
         *
         * @param name the metric's name, lowercase dotted words, each at most once
         * @param collector what reads its value
         * @return this builder
         */
        public Builder metric(String name, Supplier<?> collector) {
            WireRules.requireMetricName(Objects.requireNonNull(name, "metric name"), "metric name");
            Objects.requireNonNull(collector, "collector");
            if (metrics.containsKey(name)) {
                throw new IllegalArgumentException("metric " + name + " is given twice");
            }
            if (metrics.size() == WireRules.MAX_METRICS) {
                throw new IllegalArgumentException("at most " + WireRules.MAX_METRICS + " metrics");
            }
            metrics.put(name, collector);
            return this;
        }

        /**
         * The administrator's choice, when they made one: it wins over every default (the environment still wins over it).
         *
         * @param consent the administrator's choice
         * @return this builder
         */
        public Builder consent(Consent consent) {
            this.consent = Objects.requireNonNull(consent, "consent");
            return this;
        }

        /**
         * What a new installation does when the administrator chose nothing; {@link #DEFAULT_CONSENT} unless set.
         *
         * @param defaultConsent the application's default
         * @return this builder
         */
        public Builder defaultConsent(Consent defaultConsent) {
            this.defaultConsent = Objects.requireNonNull(defaultConsent, "defaultConsent");
            return this;
        }

        /**
         * What an installation that existed before telemetry was introduced does when the
         * administrator chose nothing, e.g. LOCAL until they opt in. The application says whether
         * this installation predates telemetry (asked once, when the identity is first created;
         * the answer is stored).
         *
         * @param consent the mode of an installation that predates telemetry
         * @param predatesTelemetry whether this installation predates telemetry
         * @return this builder
         */
        public Builder upgradedInstallationConsent(Consent consent, BooleanSupplier predatesTelemetry) {
            this.upgradeConsent = Objects.requireNonNull(consent, "consent");
            this.predatesTelemetry = Objects.requireNonNull(predatesTelemetry, "predatesTelemetry");
            return this;
        }

        /**
         * How long one collector may take before it counts as absent.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder collectorTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "collectorTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("collectorTimeout must be positive");
            }
            this.collectorTimeout = timeout;
            return this;
        }

        /**
         * An explicit HTTP proxy; without it, HTTPS_PROXY/HTTP_PROXY and NO_PROXY are honoured.
         *
         * @param proxy the proxy's address
         * @return this builder
         */
        public Builder proxy(InetSocketAddress proxy) {
            this.proxy = ProxySelector.of(Objects.requireNonNull(proxy, "proxy"));
            return this;
        }

        /**
         * Trusts the certificates in this key store (PKCS12 or JKS) instead of the JDK's defaults.
         *
         * @param file a PKCS12 or JKS key store
         * @param password its password, or null
         * @return this builder
         */
        public Builder trustStore(Path file, char[] password) {
            Objects.requireNonNull(file, "trustStore");
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
                keys.load(in, password);
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(keys);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                this.sslContext = context;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("trustStore " + file + " cannot be loaded: " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * The TLS context to use, for applications that manage their own trust.
         *
         * @param sslContext the context
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * The clock for schedules and timestamps; the system UTC clock unless set.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The environment to read DO_NOT_TRACK, CENSUS_MODE, CI and proxies from; the process's unless set.
         *
         * @param environment the variables
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
            return this;
        }

        /**
         * Completes the start-up notice's "to turn it off: ..." with the application's own setting.
         *
         * @param howToTurnOff e.g. "set ANALYTICS = False in /etc/app/settings.py"
         * @return this builder
         */
        public Builder disableHint(String howToTurnOff) {
            this.disableHint = requireText(howToTurnOff, "disableHint");
            return this;
        }

        /**
         * Completes the start-up notice's "see it with ..." with the application's own command.
         *
         * @param howToPreview e.g. "app analytics --preview"
         * @return this builder
         */
        public Builder previewHint(String howToPreview) {
            this.previewHint = requireText(howToPreview, "previewHint");
            return this;
        }

        Builder piiCheck(PiiCheck pii) {
            this.pii = Objects.requireNonNull(pii, "piiCheck");
            return this;
        }

        /** No scheduler thread: the caller drives {@link Census#runDueWork()} (tests). */
        Builder manualScheduling() {
            this.manualScheduling = true;
            return this;
        }

        /**
         * Checks the settings and makes the SDK; nothing runs until {@link Census#start()}.
         *
         * @return the SDK
         * @throws IllegalStateException when the product, the endpoint, or both the state directory and the system ID store are missing
         */
        public Census build() {
            if (product == null) {
                throw new IllegalStateException("product is required");
            }
            if (endpoint == null) {
                throw new IllegalStateException("endpoint is required");
            }
            if (stateDir == null && store == null) {
                throw new IllegalStateException("stateDir or systemIdStore is required");
            }
            SystemIdStore identity = store != null ? store : SystemIdStore.inDirectory(stateDir);
            OutboxStore outbox = stateDir == null ? new MemoryOutboxStore() : new DirectoryOutboxStore(stateDir.resolve("outbox"));
            ProxySelector proxySelector = proxy != null ? proxy : EnvironmentProxySelector.fromEnvironment(environment);
            ConsentPolicy policy = new ConsentPolicy(environment, consent, defaultConsent, upgradeConsent, predatesTelemetry);
            return new Census(new Settings(product, endpoint, devEndpoint, mirrorEndpoint, components, metrics, policy,
                    collectorTimeout, proxySelector, sslContext, clock, disableHint, previewHint, pii, manualScheduling),
                    identity, outbox, stateDir);
        }

        private static URI requireHttp(URI uri, String name) {
            Objects.requireNonNull(uri, name);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(name + " must be an http or https URL (was " + uri + ")");
            }
            return uri;
        }

        private static String requireText(String text, String name) {
            Objects.requireNonNull(text, name);
            if (text.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return text;
        }
    }
}
