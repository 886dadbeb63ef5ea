package dev.census.sdk;

import dev.census.protocol.MetricValue;
import dev.census.protocol.WireRules;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs the application's metric collectors, each isolated on a short-lived daemon thread with a
 * time limit: a collector that throws, hangs, answers an unusable value or trips a PII rule
 * yields "absent" and a problem to log, never an exception and never a zero.
 */
final class MetricCollection {

    /** The values collected and, per collector that failed, why. */
    record Outcome(SortedMap<String, MetricValue> values, Map<String, String> problems) {
    }

    private final Map<String, Supplier<?>> collectors;
    private final Duration timeout;
    private final PiiCheck pii;

    MetricCollection(Map<String, Supplier<?>> collectors, Duration timeout, PiiCheck pii) {
        this.collectors = new LinkedHashMap<>(collectors);
        this.timeout = timeout;
        this.pii = pii;
    }

    Outcome collect() {
        SortedMap<String, MetricValue> values = new TreeMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        ExecutorService worker = null;
        try {
            for (Map.Entry<String, Supplier<?>> collector : collectors.entrySet()) {
                if (worker == null) {
                    worker = Executors.newSingleThreadExecutor(MetricCollection::daemon);
                }
                String name = collector.getKey();
                Future<?> answer = worker.submit(collector.getValue()::get);
                try {
                    toValue(name, answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS), problems)
                            .ifPresent(value -> values.put(name, value));
                } catch (TimeoutException e) {
                    answer.cancel(true);
                    worker.shutdownNow(); // abandon the stuck thread; the next collector gets a fresh one
                    worker = null;
                    problems.put(name, "no answer within " + timeout.toMillis() + " ms");
                } catch (ExecutionException e) {
                    problems.put(name, "collector failed: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    problems.put(name, "interrupted");
                    break;
                }
            }
        } finally {
            if (worker != null) {
                worker.shutdownNow();
            }
        }
        return new Outcome(values, problems);
    }

    private Optional<MetricValue> toValue(String name, Object answer, Map<String, String> problems) {
        Object value = answer instanceof Optional<?> optional ? optional.orElse(null) : answer;
        try {
            if (value == null) {
                return Optional.empty(); // the collector says "absent": a legitimate answer
            }
            if (value instanceof Boolean flag) {
                return Optional.of(MetricValue.of(flag));
            }
            if (value instanceof Number number) {
                return Optional.of(MetricValue.of(number.doubleValue()));
            }
            if (value instanceof CharSequence || value instanceof Enum<?>) {
                String text = value instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : value.toString();
                Optional<String> kind = pii.firstMatch(text);
                if (kind.isPresent()) {
                    problems.put(name, "value refused, it looks like personal data (" + kind.get() + ")");
                    return Optional.empty();
                }
                return Optional.of(MetricValue.of(WireRules.requireShortText(text, "metrics." + name)));
            }
            problems.put(name, "unsupported value type " + value.getClass().getName());
        } catch (IllegalArgumentException e) {
            problems.put(name, "unusable value: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "census-collector");
        thread.setDaemon(true);
        return thread;
    }
}
