package dev.census.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * One seeded fuzz run over real HTTP: sends each input in turn over one keep-alive client, tallies
 * the answers by status, and collects every 5xx, every answer without a status, and every answer
 * the OpenAPI document does not describe, each with the input that caused it. The seed is printed
 * and named in every failure; {@code -Dcensus.fuzz.seed=N} replays another one.
 */
public final class FuzzRun {

    /** Failures listed in full at most ({@code -Dcensus.fuzz.listed=N} for more); the count says how many there were. */
    private static final int LISTED = Integer.getInteger("census.fuzz.listed", 25);

    private final String name;
    private final long seed;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final OpenApiContract contract = OpenApiContract.bundled();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<Integer, Long> nanos = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int sent;
    private int succeeded;
    private int overHttpLimits;

    public FuzzRun(String name, long defaultSeed) {
        this.name = name;
        String chosen = System.getProperty("census.fuzz.seed");
        this.seed = chosen == null || chosen.isBlank() ? defaultSeed : Long.parseLong(chosen.strip());
        this.random = new Random(seed);
        System.out.println(name + ": seed " + seed + " (replay with -Dcensus.fuzz.seed=" + seed + ")");
    }

    public Random random() {
        return random;
    }

    public long seed() {
        return seed;
    }

    /**
     * Sends one input and judges the answer: a 5xx, no answer at all, or (on a documented
     * operation) an answer the contract does not describe are failures. Returns the answer, or
     * {@code null} when there was none.
     */
    public HttpResponse<byte[]> send(HttpRequest request, String input) {
        sent++;
        HttpResponse<byte[]> answer;
        long start = System.nanoTime();
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            fail(request, input, "no answer: " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = answer.statusCode();
        statuses.merge(status, 1, Integer::sum);
        nanos.merge(status, System.nanoTime() - start, Long::sum);
        if (status >= 200 && status < 300) {
            succeeded++;
        }
        if (status >= 500) {
            fail(request, input, status + " " + text(answer.body()));
        } else if (overHttpLimits(answer)) {
            overHttpLimits++;
            if (!answer.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
                fail(request, input, status + " without a problem document: " + text(answer.body()));
            }
        } else {
            String template = contract.template(request.uri().getRawPath()).orElse(null);
            if (template != null && contract.documents(request.method(), template)) {
                for (String violation : contract.check(request.method(), request.uri(), status, answer.headers(), answer.body())) {
                    fail(request, input, violation + " — body " + text(answer.body()));
                }
            }
        }
        return answer;
    }

    /**
     * A URI or headers over Jetty's limits (414, 431): refused before routing, so outside every
     * operation of the contract; still a problem document.
     */
    private static boolean overHttpLimits(HttpResponse<byte[]> answer) {
        return answer.statusCode() == 414 || answer.statusCode() == 431;
    }

    private void fail(HttpRequest request, String input, String what) {
        failures.add("#" + sent + " " + request.method() + " " + request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + abbreviate(request.uri().getRawQuery()))
                + " [" + abbreviate(input) + "]: " + abbreviate(what));
    }

    /** Inputs sent so far. */
    public int sent() {
        return sent;
    }

    /** Inputs answered 2xx so far. */
    public int succeeded() {
        return succeeded;
    }

    public Map<Integer, Integer> statuses() {
        return statuses;
    }

    /** What the run saw, with its seed: answers and mean milliseconds per status. */
    public String summary() {
        StringBuilder latency = new StringBuilder();
        statuses.forEach((status, count) -> latency.append(latency.length() == 0 ? "" : ", ").append(status).append('=')
                .append(String.format(Locale.ROOT, "%.1f", nanos.get(status) / 1e6 / count)));
        return name + " (seed " + seed + "): " + sent + " inputs, answers by status " + statuses + ", mean ms by status {"
                + latency + "}, " + overHttpLimits + " over the HTTP limits, " + failures.size() + " failures";
    }

    /** Fails listing the first failures (and how to replay them) unless there were none. */
    public void assertNoFailures() {
        StringBuilder report = new StringBuilder(summary()).append("; replay with -Dcensus.fuzz.seed=").append(seed);
        failures.stream().limit(LISTED).forEach(failure -> report.append("\n  ").append(failure));
        System.out.println(report);
        assertThat(failures.size()).as(report.toString()).isZero();
    }

    private static String text(byte[] body) {
        return abbreviate(new String(body, StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…(" + flat.length() + " chars)";
    }
}
