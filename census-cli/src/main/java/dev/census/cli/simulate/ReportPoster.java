package dev.census.cli.simulate;

import dev.census.protocol.Report;
import dev.census.protocol.ReportJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/** Posts reports to a Census server over HTTP with a bounded number in flight, and counts the answers. */
public final class ReportPoster {

    private final HttpClient http;
    private final URI reportsUri;
    private final URI pulpUri;
    private final Semaphore inFlight;
    private final LongAdder accepted = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

    public ReportPoster(URI server, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive");
        }
        this.reportsUri = server.resolve("/api/v1/reports");
        this.pulpUri = server.resolve("/");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(2, runnable -> {
                    Thread thread = new Thread(runnable, "census-poster");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
        this.inFlight = new Semaphore(concurrency);
    }

    /** Posts every report and returns once each has an answer; progress receives the count answered so far. */
    public void postAll(List<Report> reports, LongConsumer progress) throws InterruptedException {
        post(reportsUri, "application/json", reports.stream()
                .map(report -> ReportJson.write(report).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList(), progress);
    }

    /** Posts pulpcore protobuf {@code Analytics} messages to {@code /}, as pulpcore does. */
    public void postAllPulp(List<byte[]> messages, LongConsumer progress) throws InterruptedException {
        post(pulpUri, "application/octet-stream", messages, progress);
    }

    private void post(URI uri, String contentType, List<byte[]> bodies, LongConsumer progress) throws InterruptedException {
        LongAdder answered = new LongAdder();
        CompletableFuture<?>[] pending = new CompletableFuture<?>[bodies.size()];
        for (int i = 0; i < bodies.size(); i++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)))
                    .build();
            pending[i] = http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                inFlight.release();
                if (failure != null) {
                    count("network: " + failure.getClass().getSimpleName());
                } else if (response.statusCode() == 202 || response.statusCode() == 200) {
                    accepted.increment();
                } else {
                    count("HTTP " + response.statusCode());
                }
                answered.increment();
                progress.accept(answered.sum());
                return null;
            });
        }
        CompletableFuture.allOf(pending).join();
    }

    private void count(String reason) {
        rejected.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public long accepted() {
        return accepted.sum();
    }

    /** Failed posts per reason (HTTP status or network error). */
    public Map<String, Long> rejected() {
        Map<String, Long> copy = new TreeMap<>();
        rejected.forEach((reason, count) -> copy.put(reason, count.sum()));
        return copy;
    }
}
