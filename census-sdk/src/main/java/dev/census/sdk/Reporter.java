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

/**
 * The SDK's work, driven by the scheduler (or a test) through {@link #runDueWork()}: decide
 * consent, tell the administrator, keep the identity, build the day's report into the outbox
 * and upload it with retries within the hour, then wait for tomorrow.
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

    private final Settings settings;
    private final QuietLog log;
    private final Uploader uploader;
    private final DailySchedule schedule;
    private final SecureRandom random = new SecureRandom();

    private boolean initialized;
    private Instant initRetryAt;
    private ConsentPolicy.Decision decision;
    private Installation installation;
    private Instant nextDailyAt;
    private Retry retry;
    private Preview preview;

    Reporter(Settings settings, QuietLog log, Uploader uploader) {
        this.settings = settings;
        this.log = log;
        this.uploader = uploader;
        this.schedule = new DailySchedule(random, settings.clock().instant());
    }

    /** Decides consent, creates the identity when reporting is not off, and logs the notice; once. */
    synchronized void initialize() {
        if (initialized) {
            return;
        }
        ConsentPolicy policy = settings.consentPolicy();
        if (policy.certainlyOff()) {
            decision = policy.withoutStore().orElse(new ConsentPolicy.Decision(Consent.OFF, "the application's default"));
        } else {
            Optional<Installation> stored = settings.store().read();
            boolean upgraded = stored.map(Installation::upgraded).orElseGet(policy::predatesTelemetry);
            decision = policy.decide(upgraded);
            if (decision.mode() != Consent.OFF) {
                installation = stored.orElseGet(() -> settings.store().createIfAbsent(new Installation(
                        UUID.randomUUID(), upgraded, random.nextInt(86_400), null, Installation.NEVER)));
                if (decision.uploads() && installation.firstNoticeAt() == null) {
                    settings.store().recordFirstNotice(settings.clock().instant());
                    installation = settings.store().read().orElse(installation);
                }
                nextDailyAt = schedule.next(installation, settings.clock().instant());
                closeStaleReports();
            }
        }
        initialized = true;
        log.info(notice());
    }

    /** Pending reports of earlier days lost their retries with the process that made them: mark them failed. */
    private void closeStaleReports() {
        if (settings.outbox().isPaused()) {
            return; // held for inspection, on purpose
        }
        LocalDate today = DailySchedule.day(settings.clock().instant());
        for (Outbox.Entry entry : settings.outbox().list()) {
            if (entry.status() == Outbox.Status.PENDING && entry.day().isBefore(today)) {
                settings.outbox().update(entry.id(), Outbox.Status.FAILED,
                        (entry.reason() == null ? "" : entry.reason() + "; ") + "the process stopped before it was sent");
            }
        }
    }

    /** Does whatever is due now: the day's report, or a retry. Never throws for store or network trouble. */
    synchronized void runDueWork() throws InterruptedException {
        Instant now = settings.clock().instant();
        if (!initialized) {
            if (initRetryAt != null && now.isBefore(initRetryAt)) {
                return;
            }
            try {
                initialize();
            } catch (RuntimeException e) {
                initRetryAt = now.plus(STORE_RETRY);
                log.warnThrottled("store", "Census cannot read or create its state in " + settings.store().describe()
                        + " (will try again at " + initRetryAt + "): " + e.getMessage());
                return;
            }
        }
        if (decision.mode() == Consent.OFF) {
            return;
        }
        if (retry != null && !now.isBefore(retry.nextAt())) {
            retry(now);
        }
        if (nextDailyAt != null && !now.isBefore(nextDailyAt)) {
            daily(now);
        }
    }

    /** When {@link #runDueWork()} next has something to do; empty when reporting is off. */
    synchronized Optional<Instant> nextRunAt() {
        if (!initialized) {
            return Optional.of(initRetryAt != null ? initRetryAt : settings.clock().instant());
        }
        if (decision.mode() == Consent.OFF) {
            return Optional.empty();
        }
        Instant next = nextDailyAt;
        if (retry != null && (next == null || retry.nextAt().isBefore(next))) {
            next = retry.nextAt();
        }
        return Optional.ofNullable(next);
    }

    synchronized boolean isOff() {
        return initialized && decision.mode() == Consent.OFF;
    }

    synchronized Consent mode() {
        initialize();
        return decision.mode();
    }

    synchronized Optional<UUID> systemId() {
        initialize();
        return Optional.ofNullable(installation).map(Installation::systemId);
    }

    /** The exact JSON the next upload would send; writes nothing and, when off, shows a placeholder ID. */
    synchronized String preview() {
        initialize();
        Instant now = settings.clock().instant();
        Report report = build(now, installation == null ? PLACEHOLDER_ID : installation.systemId());
        preview = installation == null ? null : new Preview(report, now);
        return ReportJson.write(report);
    }

    /** Builds a report and sends it at once (consent and pause permitting): one attempt, no retries. */
    synchronized UploadResult sendNow() throws InterruptedException {
        initialize();
        if (decision.mode() == Consent.OFF) {
            return new UploadResult(UploadResult.Outcome.OFF, 0, "reporting is off (" + decision.reason() + ")", null);
        }
        Instant now = settings.clock().instant();
        Report report = preview != null && !now.isAfter(preview.builtAt().plus(PREVIEW_VALIDITY))
                ? preview.report() : build(now, installation.systemId());
        preview = null;
        Outbox.Entry entry = stage(report, DailySchedule.day(now), now);
        return entry.status() == Outbox.Status.PENDING && !settings.outbox().isPaused() ? sendOnce(entry) : notSent(entry);
    }

    /** Sends the newest pending report (after a resume): one attempt, consent permitting. */
    synchronized UploadResult sendNewestPending() throws InterruptedException {
        initialize();
        if (decision.mode() == Consent.OFF) {
            return new UploadResult(UploadResult.Outcome.OFF, 0, "reporting is off (" + decision.reason() + ")", null);
        }
        Optional<Outbox.Entry> newest = settings.outbox().newestPending();
        if (newest.isEmpty()) {
            return UploadResult.nothingToSend("no report is waiting in the outbox");
        }
        retry = null;
        Outbox.Entry entry = newest.get();
        if (!decision.uploads()) {
            settings.outbox().update(entry.id(), Outbox.Status.LOCAL, "kept locally: " + decision.reason());
            return notSent(entry.with(Outbox.Status.LOCAL, decision.reason()));
        }
        return settings.outbox().isPaused() ? notSent(entry) : sendOnce(entry);
    }

    /** Rotates the system ID (or, when off, forgets it) and asks the server to delete the old ID's data. */
    synchronized boolean resetSystemId() throws InterruptedException {
        initialize();
        Optional<Installation> stored = installation != null ? Optional.of(installation) : settings.store().read();
        if (stored.isEmpty()) {
            log.info("Census has no system ID stored: nothing to reset or delete");
            return false;
        }
        UUID old = stored.get().systemId();
        if (decision.mode() == Consent.OFF) {
            settings.store().forget();
            log.info("Census forgot the system ID (reporting is off: no new one is created)");
        } else {
            UUID fresh = UUID.randomUUID();
            settings.store().replaceSystemId(fresh);
            installation = installation.withSystemId(fresh);
            log.info("Census replaced the system ID with a new random one; reports from now on cannot be linked to earlier ones");
        }
        preview = null;
        return uploader.delete(old.toString());
    }

    private void daily(Instant now) throws InterruptedException {
        LocalDate day = DailySchedule.day(now);
        boolean mine;
        try {
            mine = settings.store().claimDay(day);
        } catch (RuntimeException e) {
            nextDailyAt = now.plus(STORE_RETRY);
            log.warnThrottled("store", "Census cannot take the day's upload lease in " + settings.store().describe()
                    + " (will try again at " + nextDailyAt + "): " + e.getMessage());
            return;
        }
        installation = installation.withLastReportDay(day);
        nextDailyAt = schedule.next(installation, now);
        if (!mine) {
            log.debug("Census: the report of " + day + " is another node's (or was already made)");
            return;
        }
        Outbox.Entry entry = stage(build(now, installation.systemId()), day, now);
        if (entry.status() == Outbox.Status.PENDING && !settings.outbox().isPaused()) {
            handle(entry, uploader.send(entry), 1, now, now);
            uploader.mirror(entry);
        }
    }

    private void retry(Instant now) throws InterruptedException {
        Retry due = retry;
        retry = null;
        Optional<Outbox.Entry> entry = settings.outbox().list().stream()
                .filter(e -> e.id().equals(due.entryId()) && e.status() == Outbox.Status.PENDING).findFirst();
        if (entry.isEmpty()) {
            return; // superseded, exported away, or resumed by an administrator meanwhile
        }
        if (settings.outbox().isPaused()) {
            settings.outbox().update(due.entryId(), Outbox.Status.PENDING, "held: the outbox is paused");
            return;
        }
        handle(entry.get(), uploader.send(entry.get()), due.attempts() + 1, due.firstAttemptAt(), now);
    }

    private void handle(Outbox.Entry entry, Uploader.Attempt attempt, int attempts, Instant firstAt, Instant now) {
        UploadResult result = attempt.result();
        if (result.sent()) {
            settings.outbox().update(entry.id(), Outbox.Status.SENT, result.detail());
            return;
        }
        if (!attempt.retryable()) {
            String reason = result.detail() + " (refused: not retried)";
            settings.outbox().update(entry.id(), Outbox.Status.FAILED, reason);
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
            settings.outbox().update(entry.id(), Outbox.Status.FAILED, reason);
            log.warn("Census could not send the usage report of " + entry.day() + ": " + reason);
            return;
        }
        retry = new Retry(entry.id(), attempts, firstAt, next);
        settings.outbox().update(entry.id(), Outbox.Status.PENDING,
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
            settings.outbox().update(entry.id(), Outbox.Status.SENT, result.detail());
        } else {
            settings.outbox().update(entry.id(), Outbox.Status.FAILED, result.detail() + " (sent on request: not retried)");
            log.warn("Census could not send the usage report of " + entry.day() + ": " + result.detail());
        }
        uploader.mirror(entry);
        return result;
    }

    private UploadResult notSent(Outbox.Entry entry) {
        return entry.status() == Outbox.Status.LOCAL
                ? new UploadResult(UploadResult.Outcome.KEPT_LOCALLY, 0, "kept in the outbox, not uploaded: "
                        + decision.reason(), entry.report())
                : new UploadResult(UploadResult.Outcome.HELD, 0, "held in the paused outbox", entry.report());
    }

    private Outbox.Entry stage(Report report, LocalDate day, Instant now) {
        String json = ReportJson.write(report);
        if (!decision.uploads()) {
            return settings.outbox().add(json, day, now, Outbox.Status.LOCAL, "kept locally: " + decision.reason());
        }
        return settings.outbox().add(json, day, now, Outbox.Status.PENDING,
                settings.outbox().isPaused() ? "held: the outbox is paused" : null);
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

    private String notice() {
        String what = "an anonymous report (a random system ID"
                + (settings.components().isEmpty() ? "" : ", the versions of "
                + String.join(", ", settings.components().stream().map(Component::name).toList()))
                + (settings.metrics().isEmpty() ? "" : ", and the metrics " + String.join(", ", settings.metrics().keySet()))
                + ")";
        String product = "Census usage reporting for " + settings.product() + " is ";
        return switch (decision.mode()) {
            case OFF -> product + "OFF (" + decision.reason() + "): nothing is collected, written or sent.";
            case LOCAL -> product + "LOCAL (" + decision.reason() + "): once a day " + what + " is written to the outbox "
                    + settings.outbox().describe() + " and never uploaded. See it with " + settings.previewHint()
                    + "; to stop it: " + settings.disableHint() + ".";
            case ON -> product + "ON (" + decision.reason() + "): once a day, at about "
                    + LocalTime.ofSecondOfDay(installation.secondOfDay()).truncatedTo(ChronoUnit.MINUTES) + " UTC, "
                    + what + " is sent to " + Settings.reportsUri(settings.channelEndpoint())
                    + " (channel " + settings.channel().wireName() + "), the next one at " + nextDailyAt
                    + ". See exactly what is sent with " + settings.previewHint()
                    + "; every upload is logged in full; to turn it off: " + settings.disableHint() + ".";
        };
    }
}
