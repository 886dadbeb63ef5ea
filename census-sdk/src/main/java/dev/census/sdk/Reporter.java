package dev.census.sdk;

import dev.census.protocol.Component;
import dev.census.protocol.Report;
import dev.census.protocol.ReportJson;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SDK's work: decide consent, tell the administrator, keep the identity, build the day's
 * report into the outbox and upload it with retries within the hour, then wait for tomorrow.
 * The work ({@link #runDueWork()}, {@link #sendNow()}, {@link #resumeOutbox()},
 * {@link #resetSystemId()}) runs on the SDK's one thread, {@link Census} sees to that; the getters
 * run on any thread and read a volatile {@link State}, so no caller ever waits for the network.
 */
final class Reporter {

    /** Waits between attempts: a few retries, all within {@link #RETRY_WINDOW}. */
    static final List<Duration> BACKOFF =
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30));
    /** After this long since the first attempt, the day's report is given up: tomorrow brings a new one. */
    static final Duration RETRY_WINDOW = Duration.ofHours(1);
    /** When the store (a file or the database) fails, try again this much later. */
    static final Duration STORE_RETRY = Duration.ofMinutes(10);
    /** sendNow() sends the report the administrator previewed if it is no older than this. */
    static final Duration PREVIEW_VALIDITY = Duration.ofHours(1);
    /** The system ID shown by preview() when reporting is off and no ID exists: none is created. */
    static final UUID PLACEHOLDER_ID = UUID.fromString("00000000-0000-4000-8000-000000000000");

    private record Retry(String entryId, int attempts, Instant firstAttemptAt, Instant nextAt) {
    }

    private record Preview(Report report, Instant builtAt) {
    }

    /**
     * What the getters read, replaced whole: the decision, the identity (null when off), when the
     * day's report is due and the retry planned, if any. Set once by the initialization, then
     * only by the work.
     */
    private record State(ConsentPolicy.Decision decision, Installation installation, Instant nextDailyAt, Retry retry) {
        State withInstallation(Installation newInstallation) {
            return new State(decision, newInstallation, nextDailyAt, retry);
        }

        State withNextDailyAt(Instant next) {
            return new State(decision, installation, next, retry);
        }

        State withRetry(Retry newRetry) {
            return new State(decision, installation, nextDailyAt, newRetry);
        }

        boolean off() {
            return decision.mode() == Consent.OFF;
        }
    }

    private final Settings settings;
    private final SystemIdStore identity;
    private final Outbox outbox;
    private final QuietLog log;
    private final Uploader uploader;
    private final ReportSnapshot snapshot;
    private final DailySchedule schedule;
    private final SecureRandom random = new SecureRandom();
    private final Object initializing = new Object();
    private final AtomicReference<Preview> preview = new AtomicReference<>();

    private volatile State state;
    private volatile Instant initRetryAt;

    Reporter(Settings settings, SystemIdStore identity, Outbox outbox, QuietLog log, Uploader uploader, ReportSnapshot snapshot) {
        this.settings = settings;
        this.identity = identity;
        this.outbox = outbox;
        this.log = log;
        this.uploader = uploader;
        this.snapshot = snapshot;
        this.schedule = new DailySchedule(random, settings.clock().instant());
    }

    /** Decides consent, creates the identity when reporting is not off, and logs the notice; once. */
    void initialize() {
        current();
    }

    /** The state; the first call initializes it (reads the store, never the network). */
    private State current() {
        State known = state;
        return known != null ? known : initialized();
    }

    private State initialized() {
        synchronized (initializing) {
            if (state != null) {
                return state;
            }
            ConsentPolicy policy = settings.consentPolicy();
            State initial;
            if (policy.certainlyOff()) {
                initial = new State(policy.withoutStore()
                        .orElse(new ConsentPolicy.Decision(Consent.OFF, "the application's default")), null, null, null);
            } else {
                Optional<Installation> stored = identity.read();
                boolean upgraded = stored.map(Installation::upgraded).orElseGet(policy::predatesTelemetry);
                ConsentPolicy.Decision decision = policy.decide(upgraded);
                Installation installation = null;
                Instant nextDailyAt = null;
                if (decision.mode() != Consent.OFF) {
                    installation = stored.orElseGet(() -> identity.createIfAbsent(new Installation(
                            UUID.randomUUID(), upgraded, random.nextInt(86_400), null, Installation.NEVER)));
                    if (decision.uploads() && installation.firstNoticeAt() == null) {
                        identity.recordFirstNotice(settings.clock().instant());
                        installation = identity.read().orElse(installation);
                    }
                    nextDailyAt = schedule.next(installation, settings.clock().instant());
                    closeStaleReports();
                }
                initial = new State(decision, installation, nextDailyAt, null);
            }
            state = initial;
            log.info(notice(initial));
            return initial;
        }
    }

    /** Pending reports of earlier days lost their retries with the process that made them: mark them failed. */
    private void closeStaleReports() {
        if (outbox.isPaused()) {
            return; // held for inspection, on purpose
        }
        LocalDate today = DailySchedule.day(settings.clock().instant());
        for (Outbox.Entry entry : outbox.list()) {
            if (entry.status() == Outbox.Status.PENDING && entry.day().isBefore(today)) {
                outbox.update(entry.id(), Outbox.Status.FAILED,
                        (entry.reason() == null ? "" : entry.reason() + "; ") + "the process stopped before it was sent");
            }
        }
    }

    /** Does whatever is due now: the day's report, or a retry. Never throws for store or network trouble. */
    void runDueWork() throws InterruptedException {
        Instant now = settings.clock().instant();
        if (state == null) {
            Instant retryAt = initRetryAt;
            if (retryAt != null && now.isBefore(retryAt)) {
                return;
            }
            try {
                current();
            } catch (RuntimeException e) {
                initRetryAt = now.plus(STORE_RETRY);
                log.warnThrottled("store", "Census cannot read or create its state in " + identity.describe()
                        + " (will try again at " + initRetryAt + "): " + e.getMessage());
                return;
            }
            if (!state.off()) {
                // what this installation sends, gathered once at start, for `census report --preview --state-dir`
                snapshot.write(ReportJson.write(build(now, state.installation().systemId())));
            }
        }
        if (state.off()) {
            return;
        }
        Retry retry = state.retry();
        if (retry != null && !now.isBefore(retry.nextAt())) {
            retry(now);
        }
        Instant nextDailyAt = state.nextDailyAt();
        if (nextDailyAt != null && !now.isBefore(nextDailyAt)) {
            daily(now);
        }
    }

    /** When {@link #runDueWork()} next has something to do; empty when reporting is off. */
    Optional<Instant> nextRunAt() {
        State known = state;
        if (known == null) {
            Instant retryAt = initRetryAt;
            return Optional.of(retryAt != null ? retryAt : settings.clock().instant());
        }
        if (known.off()) {
            return Optional.empty();
        }
        Instant next = known.nextDailyAt();
        if (known.retry() != null && (next == null || known.retry().nextAt().isBefore(next))) {
            next = known.retry().nextAt();
        }
        return Optional.ofNullable(next);
    }

    /** True once reporting is known to be off: there is no work, and no thread is needed for it. */
    boolean isOff() {
        State known = state;
        return known != null ? known.off() : settings.consentPolicy().certainlyOff();
    }

    Consent mode() {
        return current().decision().mode();
    }

    Optional<UUID> systemId() {
        return Optional.ofNullable(current().installation()).map(Installation::systemId);
    }

    /** The exact JSON the next upload would send; writes nothing and, when off, shows a placeholder ID. */
    String preview() {
        State known = state;
        Installation installation = known != null ? known.installation()
                : settings.consentPolicy().certainlyOff() ? null : identity.read().orElse(null);
        Instant now = settings.clock().instant();
        Report report = build(now, installation == null ? PLACEHOLDER_ID : installation.systemId());
        preview.set(installation == null ? null : new Preview(report, now));
        return ReportJson.write(report);
    }

    /** Builds a report and sends it at once (consent and pause permitting): one attempt, no retries. */
    UploadResult sendNow() throws InterruptedException {
        State known = current();
        if (known.off()) {
            return off(known);
        }
        Instant now = settings.clock().instant();
        UUID systemId = known.installation().systemId();
        Preview shown = preview.getAndSet(null);
        Report report = shown != null && shown.report().systemId().equals(systemId)
                && !now.isAfter(shown.builtAt().plus(PREVIEW_VALIDITY)) ? shown.report() : build(now, systemId);
        Outbox.Entry entry = stage(known.decision(), report, DailySchedule.day(now), now);
        return entry.status() == Outbox.Status.PENDING && !outbox.isPaused() ? sendOnce(entry) : notSent(known, entry);
    }

    /**
     * Lifts the outbox's pause, supersedes all held reports but the newest and sends that one at
     * once: one attempt, consent permitting.
     */
    UploadResult resumeOutbox() throws InterruptedException {
        outbox.unpauseKeepingOnlyTheNewest();
        State known = current();
        if (known.off()) {
            return off(known);
        }
        Optional<Outbox.Entry> newest = outbox.newestPending();
        if (newest.isEmpty()) {
            return UploadResult.nothingToSend("no report is waiting in the outbox");
        }
        state = known.withRetry(null);
        Outbox.Entry entry = newest.get();
        if (!known.decision().uploads()) {
            outbox.update(entry.id(), Outbox.Status.LOCAL, "kept locally: " + known.decision().reason());
            return notSent(known, entry.with(Outbox.Status.LOCAL, known.decision().reason()));
        }
        return outbox.isPaused() ? notSent(known, entry) : sendOnce(entry);
    }

    /** Rotates the system ID (or, when off, forgets it) and asks the server to delete the old ID's data. */
    boolean resetSystemId() throws InterruptedException {
        State known = current();
        Optional<Installation> stored = known.installation() != null ? Optional.of(known.installation()) : identity.read();
        if (stored.isEmpty()) {
            log.info("Census has no system ID stored: nothing to reset or delete");
            return false;
        }
        UUID old = stored.get().systemId();
        if (known.off()) {
            identity.forget();
            log.info("Census forgot the system ID (reporting is off: no new one is created)");
        } else {
            UUID fresh = UUID.randomUUID();
            identity.replaceSystemId(fresh);
            state = known.withInstallation(known.installation().withSystemId(fresh));
            log.info("Census replaced the system ID with a new random one; reports from now on cannot be linked to earlier ones");
        }
        preview.set(null);
        return uploader.delete(old.toString());
    }

    private static UploadResult off(State known) {
        return new UploadResult(UploadResult.Outcome.OFF, 0, "reporting is off (" + known.decision().reason() + ")", null);
    }

    private void daily(Instant now) throws InterruptedException {
        LocalDate day = DailySchedule.day(now);
        boolean mine;
        try {
            mine = identity.claimDay(day);
        } catch (RuntimeException e) {
            state = state.withNextDailyAt(now.plus(STORE_RETRY));
            log.warnThrottled("store", "Census cannot take the day's upload lease in " + identity.describe()
                    + " (will try again at " + state.nextDailyAt() + "): " + e.getMessage());
            return;
        }
        Installation installation = state.installation().withLastReportDay(day);
        state = state.withInstallation(installation).withNextDailyAt(schedule.next(installation, now));
        if (!mine) {
            log.debug("Census: the report of " + day + " is another node's (or was already made)");
            return;
        }
        Outbox.Entry entry = stage(state.decision(), build(now, installation.systemId()), day, now);
        if (entry.status() == Outbox.Status.PENDING && !outbox.isPaused()) {
            handle(entry, uploader.send(entry), 1, now, now);
            uploader.mirror(entry);
        }
    }

    private void retry(Instant now) throws InterruptedException {
        Retry due = state.retry();
        state = state.withRetry(null);
        Optional<Outbox.Entry> entry = outbox.find(due.entryId()).filter(e -> e.status() == Outbox.Status.PENDING);
        if (entry.isEmpty()) {
            return; // superseded, exported away, or resumed by an administrator meanwhile
        }
        if (outbox.isPaused()) {
            outbox.update(due.entryId(), Outbox.Status.PENDING, "held: the outbox is paused");
            return;
        }
        handle(entry.get(), uploader.send(entry.get()), due.attempts() + 1, due.firstAttemptAt(), now);
    }

    private void handle(Outbox.Entry entry, Uploader.Attempt attempt, int attempts, Instant firstAt, Instant now) {
        UploadResult result = attempt.result();
        if (result.sent()) {
            outbox.update(entry.id(), Outbox.Status.SENT, result.detail());
            return;
        }
        if (!attempt.retryable()) {
            String reason = result.detail() + " (refused: not retried)";
            outbox.update(entry.id(), Outbox.Status.FAILED, reason);
            log.warn("Census could not send the usage report of " + entry.day() + ": " + reason);
            return;
        }
        Duration wait = attempts <= BACKOFF.size() ? BACKOFF.get(attempts - 1) : null;
        if (wait != null && attempt.retryAfter().isPresent() && attempt.retryAfter().get().compareTo(wait) > 0) {
            wait = attempt.retryAfter().get();
        }
        Instant next = wait == null ? null : now.plus(wait);
        if (next == null || next.isAfter(firstAt.plus(RETRY_WINDOW))) {
            String reason = result.detail() + " (gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                    + "; the next report is tomorrow's)";
            outbox.update(entry.id(), Outbox.Status.FAILED, reason);
            log.warn("Census could not send the usage report of " + entry.day() + ": " + reason);
            return;
        }
        state = state.withRetry(new Retry(entry.id(), attempts, firstAt, next));
        outbox.update(entry.id(), Outbox.Status.PENDING,
                "attempt " + attempts + " failed: " + result.detail() + "; next attempt at " + next);
        String line = "Census could not send the usage report of " + entry.day() + ": " + result.detail()
                + " (attempt " + attempts + ", will retry at " + next + ")";
        if (attempts == 1) {
            log.warn(line);
        } else {
            log.debug(line);
        }
    }

    private UploadResult sendOnce(Outbox.Entry entry) throws InterruptedException {
        Uploader.Attempt attempt = uploader.send(entry);
        UploadResult result = attempt.result();
        if (result.sent()) {
            outbox.update(entry.id(), Outbox.Status.SENT, result.detail());
        } else {
            outbox.update(entry.id(), Outbox.Status.FAILED, result.detail() + " (sent on request: not retried)");
            log.warn("Census could not send the usage report of " + entry.day() + ": " + result.detail());
        }
        uploader.mirror(entry);
        return result;
    }

    private static UploadResult notSent(State known, Outbox.Entry entry) {
        return entry.status() == Outbox.Status.LOCAL
                ? new UploadResult(UploadResult.Outcome.KEPT_LOCALLY, 0, "kept in the outbox, not uploaded: "
                        + known.decision().reason(), entry.report())
                : new UploadResult(UploadResult.Outcome.HELD, 0, "held in the paused outbox", entry.report());
    }

    private Outbox.Entry stage(ConsentPolicy.Decision decision, Report report, LocalDate day, Instant now) {
        String json = ReportJson.write(report);
        snapshot.write(json);
        if (!decision.uploads()) {
            return outbox.add(report.systemId(), json, day, now, Outbox.Status.LOCAL, "kept locally: " + decision.reason());
        }
        return outbox.add(report.systemId(), json, day, now, Outbox.Status.PENDING,
                outbox.isPaused() ? "held: the outbox is paused" : null);
    }

    private Report build(Instant now, UUID systemId) {
        MetricCollection.Outcome collected =
                new MetricCollection(settings.metrics(), settings.collectorTimeout(), settings.pii()).collect();
        for (Map.Entry<String, String> problem : collected.problems().entrySet()) {
            log.warnThrottled("metric:" + problem.getKey(), "Census left out the metric " + problem.getKey()
                    + " (reported as absent): " + problem.getValue());
        }
        Report.Builder report = Report.builder()
                .product(settings.product())
                .systemId(systemId)
                .channel(settings.channel())
                .sentAt(now.truncatedTo(ChronoUnit.SECONDS));
        for (Component component : settings.components()) {
            report.component(component.name(), component.version());
        }
        collected.values().forEach(report::metric);
        return report.build();
    }

    private String notice(State known) {
        String what = "an anonymous report (a random system ID"
                + (settings.components().isEmpty() ? "" : ", the versions of "
                + String.join(", ", settings.components().stream().map(Component::name).toList()))
                + (settings.metrics().isEmpty() ? "" : ", and the metrics " + String.join(", ", settings.metrics().keySet()))
                + ")";
        String product = "Census usage reporting for " + settings.product() + " is ";
        return switch (known.decision().mode()) {
            case OFF -> product + "OFF (" + known.decision().reason() + "): nothing is collected, written or sent.";
            case LOCAL -> product + "LOCAL (" + known.decision().reason() + "): once a day " + what
                    + " is written to the outbox " + outbox.describe() + " and never uploaded. See it with " + settings.previewHint()
                    + "; to stop it: " + settings.disableHint() + ".";
            case ON -> product + "ON (" + known.decision().reason() + "): once a day, at about "
                    + LocalTime.ofSecondOfDay(known.installation().secondOfDay()).truncatedTo(ChronoUnit.MINUTES) + " UTC, "
                    + what + " is sent to " + Settings.reportsUri(settings.channelEndpoint())
                    + " (channel " + settings.channel().wireName() + "), the next one at " + known.nextDailyAt()
                    + ". See exactly what is sent with " + settings.previewHint()
                    + "; every upload is logged in full; to turn it off: " + settings.disableHint() + ".";
        };
    }
}
