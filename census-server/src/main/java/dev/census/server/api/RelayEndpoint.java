package dev.census.server.api;

import dev.census.server.publish.DayWindow;
import dev.census.server.relay.QueuedReport;
import dev.census.server.relay.Relay;
import dev.census.server.relay.RelayQueue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The relay's controls behind the admin token: its queue per day and state, the exact bytes that leave
 * on a day, and pause, resume and send-now. On a server that is not a relay they answer 404.
 */
public final class RelayEndpoint {

    private final AdminGate gate;
    private final Relay relay;
    private final Clock clock;

    /** {@code relay} null: this server is not a relay. */
    public RelayEndpoint(AdminGate gate, Relay relay, Clock clock) {
        this.gate = gate;
        this.relay = relay;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/admin/relay", this::status);
        routes.get("/api/v1/admin/relay/queue", this::queue);
        routes.post("/api/v1/admin/relay/pause", ctx -> {
            relay(ctx).pause();
            Json.send(ctx, 200, Json.object("paused", true));
        });
        routes.post("/api/v1/admin/relay/resume", ctx -> {
            relay(ctx).resume();
            Json.send(ctx, 200, Json.object("paused", false));
        });
        routes.post("/api/v1/admin/relay/send-now", ctx -> Json.send(ctx, 200, run(relay(ctx).sendNow())));
    }

    private Relay relay(Context ctx) {
        gate.admit(ctx);
        if (relay == null) {
            throw new Problem.NotFound("this server is not a relay: start it with --relay-to URL");
        }
        return relay;
    }

    private void status(Context ctx) {
        Relay.Status status = relay(ctx).status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("upstream", status.upstream());
        body.put("schedule", status.schedule());
        body.put("paused", status.paused());
        body.put("next_run", status.nextRun());
        body.put("last_run", status.lastRun() == null ? null : run(status.lastRun()));
        body.put("days", status.days().stream().map(RelayEndpoint::day).toList());
        body.put("last_error", status.lastError().map(report -> Json.object("report_id", report.reportId(),
                "product", report.product(), "day", report.day(), "state", report.state().wireName(),
                "at", report.lastAttempt(), "error", report.lastError())).orElse(null));
        Json.send(ctx, 200, body);
    }

    private void queue(Context ctx) {
        Relay relay = relay(ctx);
        String asked = ctx.queryParam("day");
        LocalDate day = asked == null ? LocalDate.now(clock) : DayWindow.parse("day", asked, clock);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("day", day);
        body.put("reports", relay.day(day).stream().map(RelayEndpoint::report).toList());
        Json.send(ctx, 200, body);
    }

    private static Map<String, Object> day(RelayQueue.DayCount count) {
        return Json.object("day", count.day(), "state", count.state().wireName(), "reports", count.reports(),
                "last_attempt", count.lastAttempt());
    }

    private static Map<String, Object> run(Relay.RunResult run) {
        return Json.object("at", run.at(), "paused", run.paused(), "forwarded", run.forwarded(), "rejected", run.rejected(),
                "retried", run.retried(), "queued", run.queued());
    }

    /** One report as it leaves: its bytes in base64, and as text too when they are JSON. */
    private static Map<String, Object> report(QueuedReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("report_id", report.reportId());
        body.put("product", report.product());
        body.put("format", report.wire().wireName());
        body.put("content_type", report.wire().contentType());
        body.put("path", "/" + report.wire().path());
        body.put("state", report.state().wireName());
        body.put("attempts", report.attempts());
        body.put("last_attempt", report.lastAttempt());
        body.put("last_error", report.lastError());
        body.put("next_attempt", report.nextAttempt());
        body.put("body_base64", Base64.getEncoder().encodeToString(report.body()));
        body.put("body_text", report.wire() == dev.census.server.relay.Wire.CENSUS_JSON
                ? new String(report.body(), StandardCharsets.UTF_8) : null);
        return body;
    }
}
