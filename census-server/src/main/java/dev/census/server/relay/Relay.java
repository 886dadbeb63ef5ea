package dev.census.server.relay;

import dev.census.server.relay.QueuedReport.State;
import dev.census.server.relay.Upstream.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay: forwards the queue upstream on its schedule or when asked, unless paused; records each
 * report's outcome (forwarded, rejected with the upstream's answer, or retried after a back-off that
 * honours {@code Retry-After}); logs every run with its counts and counts them on {@code /metrics}.
 */
public final class Relay implements AutoCloseable {

    /** Reports read from the queue at a time. */
    static final int BATCH = 500;
    /** The first retry of a report waits this long, each further one twice as long as the one before ... */
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    /** ... up to this. */
    static final Duration MAX_BACKOFF = Duration.ofHours(6);

    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);

    private final RelayQueue queue;
    private final Upstream upstream;
    private final RelaySchedule schedule;
    private final Clock clock;
    private final int retentionDays;
    private final Outbound outbound;
    private final Counter forwarded;
    private final Counter rejected;
    private final Counter retries;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "census-relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean paused;
    private volatile Instant nextRun;
    private volatile RunResult lastRun;
    private ScheduledFuture<?> scheduled;

    /**
     * A relay over the store's queue; reads (or makes) its pseudonymization secret and its paused
     * state from the store. {@code retentionDays}: queue rows of older days are deleted with a logged count.
     */
    public Relay(RelayQueue queue, Upstream upstream, RelayPolicy policy, RelaySchedule schedule, Clock clock,
            int retentionDays, MeterRegistry meters) {
        this.queue = queue;
        this.upstream = upstream;
        this.schedule = schedule;
        this.clock = clock;
        this.retentionDays = retentionDays;
        this.outbound = new Outbound(policy, policy.pseudonymize() ? new Pseudonyms(queue.secret()) : null);
        this.paused = queue.paused();
        for (State state : State.values()) {
            Gauge.builder("census.relay.queue", queue, q -> q.depth().get(state)).tag("state", state.wireName())
                    .description("Reports in the relay's queue, by state").register(meters);
        }
        this.forwarded = Counter.builder("census.relay.forwarded").description("Reports the upstream took").register(meters);
        this.rejected = Counter.builder("census.relay.rejected").description("Reports the upstream refused (4xx)").register(meters);
        this.retries = Counter.builder("census.relay.retries").description("Attempts that failed and will be retried").register(meters);
    }

    /** The policy applied to each accepted report: what ingestion writes into the queue. */
    public Outbound outbound() {
        return outbound;
    }

    /** Starts forwarding on the schedule (and for retries when they are due). */
    public synchronized void start() {
        LOG.info("relay: forwarding to {} ({}){}", upstream.base(), schedule, paused ? "; paused" : "");
        scheduleNext();
    }

    private synchronized void scheduleNext() {
        if (scheduler.isShutdown()) {
            return;
        }
        Instant now = clock.instant();
        Instant next = schedule.nextRun(now);
        Optional<Instant> retry = queue.nextRetry();
        if (retry.isPresent() && retry.get().isBefore(next)) {
            next = retry.get().isAfter(now) ? retry.get() : now;
        }
        nextRun = next;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = scheduler.schedule(this::scheduledRun, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A run on the schedule; a failing store never stops the schedule: it tries again a minute later. */
    private void scheduledRun() {
        try {
            run();
            scheduleNext();
        } catch (RuntimeException e) {
            LOG.warn("relay: the forwarding run failed, trying again in a minute: {}", e.getMessage(), e);
            synchronized (this) {
                if (!scheduler.isShutdown()) {
                    scheduled = scheduler.schedule(this::scheduledRun, 1, TimeUnit.MINUTES);
                }
            }
        }
    }

    /** Forwards what is due now, unless paused; answers what the run did. */
    public RunResult sendNow() {
        return run();
    }

    private synchronized RunResult run() {
        Instant started = clock.instant();
        if (paused) {
            expire();
            LOG.info("relay: paused; nothing forwarded");
            return record(new RunResult(started, true, 0, 0, 0, queue.depth().get(State.QUEUED)));
        }
        Optional<Instant> notBefore = queue.nextRetry();
        if (notBefore.isPresent() && notBefore.get().isAfter(started)) {
            LOG.info("relay: the upstream asked to wait until {}; nothing forwarded", notBefore.get());
            return record(new RunResult(started, false, 0, 0, 0, queue.depth().get(State.QUEUED)));
        }
        int sent = 0;
        int refused = 0;
        int retried = 0;
        boolean more = true;
        while (more && !paused) {
            List<QueuedReport> due = queue.due(clock.instant(), BATCH);
            for (QueuedReport report : due) {
                if (paused) {
                    more = false;
                    break;
                }
                Outcome outcome = upstream.post(report.wire(), report.body());
                Instant at = clock.instant();
                if (outcome instanceof Outcome.Forwarded) {
                    queue.forwarded(report.reportId(), at);
                    forwarded.increment();
                    sent++;
                } else if (outcome instanceof Outcome.Rejected rejection) {
                    queue.rejected(report.reportId(), at, rejection.problem());
                    rejected.increment();
                    refused++;
                    LOG.warn("relay: the upstream refused report {} of {} ({}): {}", report.reportId(), report.product(),
                            report.day(), rejection.problem());
                } else {
                    Outcome.Retry retry = (Outcome.Retry) outcome;
                    Duration wait = retry.retryAfter() != null ? retry.retryAfter() : backoff(report.attempts() + 1);
                    queue.retryLater(report.reportId(), at, retry.error(), at.plus(wait));
                    retries.increment();
                    retried++;
                    LOG.warn("relay: the upstream is unavailable ({}); retrying in {}", retry.error(), wait);
                    more = false;
                    break;
                }
            }
            more = more && due.size() == BATCH;
        }
        expire();
        long waiting = queue.depth().get(State.QUEUED);
        LOG.info("relay: run done: {} forwarded, {} rejected, {} to retry, {} still queued", sent, refused, retried, waiting);
        return record(new RunResult(started, false, sent, refused, retried, waiting));
    }

    private RunResult record(RunResult result) {
        lastRun = result;
        return result;
    }

    /** 1 min, 2 min, 4 min ... after the 1st, 2nd, 3rd failed attempt, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /**
     * Queue rows follow raw retention: a report the relay no longer keeps does not leave either. Rows
     * that were never forwarded are counted in a warning, never dropped silently.
     */
    private void expire() {
        LocalDate cutoff = LocalDate.now(clock).minusDays(retentionDays);
        Map<State, Long> deleted = queue.deleteBefore(cutoff);
        if (deleted.get(State.QUEUED) > 0) {
            LOG.warn("relay: {} reports never forwarded passed the {}-day retention and were deleted unsent", deleted.get(State.QUEUED),
                    retentionDays);
        }
        long done = deleted.get(State.FORWARDED) + deleted.get(State.REJECTED);
        if (done > 0) {
            LOG.info("relay: {} forwarded or rejected reports passed retention and left the queue", done);
        }
    }

    /** Takes effect at once, also within a run in progress: no further report of it is sent. */
    public void pause() {
        queue.paused(true);
        paused = true;
        LOG.info("relay: paused; reports are queued and nothing is forwarded until resumed");
    }

    public synchronized void resume() {
        queue.paused(false);
        paused = false;
        LOG.info("relay: resumed");
        scheduleNext();
    }

    public Status status() {
        return new Status(upstream.base().toString(), schedule.toString(), paused, nextRun, lastRun, queue.days(),
                queue.lastError());
    }

    /** Every report of one day in the queue, with the exact bytes that leave (or left). */
    public List<QueuedReport> day(LocalDate day) {
        return queue.day(day);
    }

    @Override
    public synchronized void close() {
        scheduler.shutdownNow();
    }

    /** What one run did: counts, and the reports still queued after it. */
    public record RunResult(Instant at, boolean paused, int forwarded, int rejected, int retried, long queued) {
    }

    /** What an admin sees of the relay. */
    public record Status(String upstream, String schedule, boolean paused, Instant nextRun, RunResult lastRun,
            List<RelayQueue.DayCount> days, Optional<QueuedReport> lastError) {
    }
}
