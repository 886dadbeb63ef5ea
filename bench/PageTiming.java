import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time to the last chart painted of a page, in a headless chromium already listening on a
 * DevTools port: for each sample, navigates to the URL (with a fresh query parameter, so the
 * server renders it anew), waits for the load event, then waits until every canvas[data-chart]
 * holds a Chart.js chart and two animation frames have passed, and reads the page's own
 * performance timings. Prints one line per sample and the medians. JDK only (java.net.http.WebSocket).
 *
 * Usage: java bench/PageTiming.java DEVTOOLS_PORT URL SAMPLES
 */
public final class PageTiming {

    private static final String PROBE = """
            new Promise(function (resolve) {
              function check() {
                var canvases = document.querySelectorAll('canvas[data-chart]');
                var drawn = typeof Chart !== 'undefined' && canvases.length > 0
                    && Array.prototype.every.call(canvases, function (c) { return Chart.getChart(c); });
                if (!drawn) { setTimeout(check, 2); return; }
                requestAnimationFrame(function () { requestAnimationFrame(function () {
                  var nav = performance.getEntriesByType('navigation')[0];
                  resolve(JSON.stringify({ painted: performance.now(), load: nav.loadEventEnd,
                      dcl: nav.domContentLoadedEventEnd, charts: canvases.length }));
                }); });
              }
              check();
            })""";

    private final Map<Integer, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
    private WebSocket socket;

    public static void main(String[] args) throws Exception {
        new PageTiming().run(Integer.parseInt(args[0]), args[1], Integer.parseInt(args[2]));
    }

    private void run(int port, String url, int samples) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher page = Pattern.compile("\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"([^\"]+)\"").matcher(targets);
        if (!page.find()) {
            throw new IllegalStateException("no page target in " + targets);
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page.group(1)), new Listener()).get(10, TimeUnit.SECONDS);
        call("Page.enable", "{}");
        call("Network.enable", "{}");
        call("Network.setCacheDisabled", "{\"cacheDisabled\":false}");
        List<Double> painted = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        for (int i = 0; i <= samples; i++) {
            loaded = new CompletableFuture<>();
            String sample = url + (url.contains("?") ? "&" : "?") + "timing=" + System.nanoTime();
            call("Page.navigate", "{\"url\":\"" + sample + "\"}");
            loaded.get(60, TimeUnit.SECONDS);
            String result = call("Runtime.evaluate", "{\"expression\":" + quote(PROBE) + ",\"awaitPromise\":true,\"returnByValue\":true}");
            Matcher value = Pattern.compile("\\\\\"painted\\\\\":([0-9.]+),\\\\\"load\\\\\":([0-9.]+).*?\\\\\"charts\\\\\":(\\d+)").matcher(result);
            if (!value.find()) {
                throw new IllegalStateException("no timings in " + result);
            }
            if (i == 0) {
                System.out.printf("warm-up: %s charts%n", value.group(3));
                continue; // the first load fills the browser's cache of the static files
            }
            painted.add(Double.parseDouble(value.group(1)));
            load.add(Double.parseDouble(value.group(2)));
            System.out.printf("sample %2d: load event end %7.1f ms, last chart painted %7.1f ms, %s charts%n", i,
                    load.get(load.size() - 1), painted.get(painted.size() - 1), value.group(3));
        }
        System.out.printf("median: load event end %.1f ms, last chart painted %.1f ms%n", median(load), median(painted));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    private String call(String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<String> answer = new CompletableFuture<>();
        answers.put(id, answer);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).get(10, TimeUnit.SECONDS);
        return answer.get(60, TimeUnit.SECONDS);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Collects whole messages: answers by id, and the load event. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                Matcher id = Pattern.compile("^\\{\"id\":(\\d+)").matcher(message);
                if (id.find()) {
                    CompletableFuture<String> answer = answers.remove(Integer.parseInt(id.group(1)));
                    if (answer != null) {
                        answer.complete(message);
                    }
                } else if (message.contains("\"method\":\"Page.loadEventFired\"")) {
                    loaded.complete(null);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
