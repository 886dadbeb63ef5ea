package dev.census.cli.simulate;

import dev.census.server.CensusServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Replays a simulated fleet day by day into a data directory through a real server over HTTP: each
 * day's reports at noon, then that night's summaries and retention, as in production.
 */
public final class FleetLoader {

    /** Requests in flight while loading: enough that the writer commits large batches. */
    private static final int CONCURRENCY = 256;

    private FleetLoader() {
    }

    /** What a load did: reports accepted, and the refusals by reason (none expected). */
    public record Result(long accepted, Map<String, Long> rejected) {
    }

    /** Loads every day of the fleet into the directory; {@code progress} hears each finished day (1 = the first). */
    public static Result load(Path dataDir, FleetSimulator fleet, IntConsumer progress) throws InterruptedException {
        return load(dataDir, fleet, null, progress);
    }

    /**
     * As {@link #load(Path, FleetSimulator, IntConsumer)}, with a second fleet of the same days posted
     * as pulpcore's protobuf messages to the Pulp-compatible product (none when {@code pulpFleet} is null).
     */
    public static Result load(Path dataDir, FleetSimulator fleet, FleetSimulator pulpFleet, IntConsumer progress)
            throws InterruptedException {
        // the simulated calendar: the server's clock reads whatever instant the loop below sets
        AtomicReference<Instant> now = new AtomicReference<>(fleet.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant());
        Clock clock = ((InstantSource) now::get).withZone(ZoneOffset.UTC);
        try (CensusServer server = CensusServer.builder().host("127.0.0.1").port(0).dataDir(dataDir).clock(clock)
                .dailyJobs(false).rateLimitPerMinute(0).build().start()) {
            ReportPoster poster = new ReportPoster(URI.create("http://127.0.0.1:" + server.port()), CONCURRENCY);
            for (int day = 0; day < fleet.days(); day++) {
                LocalDate date = fleet.firstDay().plusDays(day);
                now.set(date.atTime(12, 0).toInstant(ZoneOffset.UTC));
                poster.postAll(fleet.reportsOn(day), done -> { });
                if (pulpFleet != null) {
                    poster.postAllPulp(pulpFleet.reportsOn(day).stream().map(PulpMessages::of).toList(), done -> { });
                }
                now.set(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60));
                server.runDailyJobs();
                progress.accept(day + 1);
            }
            return new Result(poster.accepted(), poster.rejected());
        }
    }
}
