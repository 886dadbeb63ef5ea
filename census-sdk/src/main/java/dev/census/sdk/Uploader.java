package dev.census.sdk;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Makes one upload attempt of an outbox entry and classifies the answer: accepted, refused for
 * good (4xx: never retried), or worth retrying (5xx, 429, network), with the delay the server
 * asked for. Logs every accepted report in full at INFO.
 */
final class Uploader {

    /** Longest server answer quoted in a log line or an outbox reason. */
    private static final int MAX_QUOTED = 300;

    /** One attempt's outcome. */
    record Attempt(UploadResult result, boolean retryable, Optional<Duration> retryAfter) {
    }

    private final Settings settings;
    private final JdkHttpTransport transport;
    private final QuietLog log;

    Uploader(Settings settings, JdkHttpTransport transport, QuietLog log) {
        this.settings = settings;
        this.transport = transport;
        this.log = log;
    }

    Attempt send(Outbox.Entry entry) throws InterruptedException {
        URI uri = Settings.reportsUri(settings.channelEndpoint());
        try {
            JdkHttpTransport.Response response = transport.postReport(uri, entry.report(), idempotencyKey(entry));
            int status = response.status();
            String answer = "HTTP " + status + quoted(response.body());
            if (status >= 200 && status < 300) {
                log.info("Census sent the usage report of " + entry.day() + " to " + uri + " (" + answer + "): "
                        + entry.report());
                return new Attempt(new UploadResult(UploadResult.Outcome.SENT, status, answer, entry.report()),
                        false, Optional.empty());
            }
            boolean retryable = status >= 500 || status == 429;
            return new Attempt(new UploadResult(UploadResult.Outcome.FAILED, status, answer, entry.report()),
                    retryable, response.retryAfter());
        } catch (IOException e) {
            String reason = "cannot reach " + uri + ": " + describe(e);
            return new Attempt(new UploadResult(UploadResult.Outcome.FAILED, 0, reason, entry.report()),
                    true, Optional.empty());
        }
    }

    /** Sends a copy to the mirror endpoint, if any: one attempt, a warning when it fails. */
    void mirror(Outbox.Entry entry) throws InterruptedException {
        if (settings.mirrorEndpoint() == null) {
            return;
        }
        URI uri = Settings.reportsUri(settings.mirrorEndpoint());
        try {
            JdkHttpTransport.Response response = transport.postReport(uri, entry.report(), idempotencyKey(entry));
            if (response.status() >= 300) {
                log.warnThrottled("mirror", "Census could not copy the usage report to the mirror " + uri
                        + ": HTTP " + response.status() + quoted(response.body()));
            }
        } catch (IOException e) {
            log.warnThrottled("mirror", "Census could not copy the usage report to the mirror " + uri + ": " + describe(e));
        }
    }

    /** Asks every endpoint this installation may have reported to to delete a system's data; true when all confirm. */
    boolean delete(String systemId) throws InterruptedException {
        Set<URI> endpoints = new LinkedHashSet<>();
        endpoints.add(settings.endpoint());
        if (settings.devEndpoint() != null) {
            endpoints.add(settings.devEndpoint());
        }
        boolean confirmed = true;
        for (URI endpoint : endpoints) {
            URI uri = Settings.systemUri(endpoint, settings.product(), systemId);
            try {
                JdkHttpTransport.Response response = transport.delete(uri);
                boolean ok = response.status() == 204 || response.status() == 200 || response.status() == 404;
                if (ok) {
                    log.info("Census asked " + uri + " to delete the data of the old system ID: HTTP " + response.status());
                } else {
                    log.warn("Census could not delete the data of the old system ID at " + uri + ": HTTP "
                            + response.status() + quoted(response.body()));
                }
                confirmed &= ok;
            } catch (IOException e) {
                log.warn("Census could not delete the data of the old system ID at " + uri + ": " + describe(e));
                confirmed = false;
            }
        }
        return confirmed;
    }

    /** System ID and day: one key per installation per day, the same for every retry. */
    static String idempotencyKey(Outbox.Entry entry) {
        return entry.systemId() + ":" + entry.day();
    }

    private static String quoted(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip().replaceAll("\\s+", " ");
        return ": " + (text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
