package dev.census.server.web;

import dev.census.registry.MetricDefinition;
import dev.census.registry.MetricStatus;
import dev.census.registry.ProductDefinition;
import dev.census.registry.Registry;
import dev.census.server.api.Problem;
import dev.census.server.api.Series;
import dev.census.server.api.SeriesReader;
import dev.census.server.api.SummaryCache;
import dev.census.server.api.SummaryRange;
import dev.census.server.store.ReportStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public pages: the product list, per product its charts and its "about this data" page, and
 * the privacy page — server-rendered, readable as tables without JavaScript, cached until the
 * product's summaries change.
 */
public final class Dashboard {

    private static final String HTML = "text/html; charset=utf-8";
    /** The stamp of pages drawn from the registry and settings alone, fixed while the server runs. */
    private static final String FIXED = "fixed";
    /** Quick ranges offered beside the date picker, in days. */
    private static final List<Integer> PRESETS = List.of(30, 90, 365);

    private final Registry registry;
    private final ReportStore store;
    private final SeriesReader series;
    private final Clock clock;
    private final int retentionDays;
    private final int k;
    private final Templates templates = new Templates();
    private final SummaryCache cache;

    public Dashboard(Registry registry, ReportStore store, SeriesReader series, Clock clock, int retentionDays, int k) {
        this.registry = registry;
        this.store = store;
        this.series = series;
        this.clock = clock;
        this.retentionDays = retentionDays;
        this.k = k;
        this.cache = new SummaryCache(clock, SummaryCache.DEFAULT_BYTES);
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::index);
        routes.get("/privacy", this::privacy);
        routes.get("/p/{product}", this::product);
        routes.get("/p/{product}/about", this::about);
    }

    private void index(Context ctx) {
        StringBuilder stamp = new StringBuilder();
        for (ProductDefinition product : registry.products()) {
            stamp.append(product.name()).append('=').append(store.summaryStamp(product.name())).append(';');
        }
        cache.answer(ctx, stamp.toString(), () -> {
            LocalDate yesterday = LocalDate.now(clock).minusDays(1);
            SummaryRange recent = new SummaryRange(yesterday.minusDays(SummaryRange.DEFAULT_DAYS - 1), yesterday, "production");
            List<Map<String, Object>> products = new ArrayList<>();
            for (ProductDefinition product : registry.products()) {
                Series systems = series.read(product.name(), ProductCharts.SYSTEMS, recent);
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", product.name());
                item.put("title", product.title());
                item.put("description", product.description());
                item.put("active28", latestValue(systems, "active_28d"));
                item.put("latestDay", systems.latestDay() == null ? "–" : systems.latestDay().toString());
                products.add(item);
            }
            return html("index.ftlh", "Products", Map.of("products", products));
        });
    }

    private void product(Context ctx) {
        ProductDefinition product = productOr404(ctx);
        if (product == null) {
            return;
        }
        SummaryRange range;
        try {
            range = SummaryRange.of(ctx, clock);
        } catch (Problem.BadRequest e) {
            answer(ctx, 400, html("bad-request.ftlh", "Bad request",
                    Map.of("detail", e.getMessage(), "back", "/p/" + product.name(), "backTitle", product.title())));
            return;
        }
        cache.answer(ctx, store.summaryStamp(product.name()), () -> {
            Map<String, Series> published = series.readAll(product.name(), range, metric -> !metric.endsWith(ProductCharts.XYZ));
            Series emptySystems = published.containsKey(ProductCharts.SYSTEMS) ? null
                    : series.read(product.name(), ProductCharts.SYSTEMS, range);
            ProductCharts.Page page = ProductCharts.of(product, published, emptySystems);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("product", product);
            model.put("range", range);
            model.put("charts", page.charts());
            model.put("withoutData", page.withoutData());
            model.put("presets", presets(range));
            model.put("chartJsVersion", WebJars.CHART_JS_VERSION);
            return html("product.ftlh", product.title(), model);
        });
    }

    private void about(Context ctx) {
        ProductDefinition product = productOr404(ctx);
        if (product == null) {
            return;
        }
        cache.answer(ctx, FIXED, () -> {
            Map<String, List<MetricDefinition>> byStatus = new LinkedHashMap<>();
            for (MetricStatus status : List.of(MetricStatus.APPROVED, MetricStatus.PROPOSED, MetricStatus.RETIRED, MetricStatus.REJECTED)) {
                byStatus.put(status.wireName(), new ArrayList<>());
            }
            for (MetricDefinition metric : product.metrics().values()) {
                byStatus.computeIfAbsent(metric.status().wireName(), s -> new ArrayList<>()).add(metric);
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("product", product);
            model.put("collected", byStatus.get(MetricStatus.APPROVED.wireName()));
            model.put("proposed", byStatus.get(MetricStatus.PROPOSED.wireName()));
            model.put("retired", byStatus.get(MetricStatus.RETIRED.wireName()));
            model.put("rejected", byStatus.get(MetricStatus.REJECTED.wireName()));
            model.put("components", product.knownComponents().stream().sorted().toList());
            return html("about.ftlh", "About the data of " + product.title(), model);
        });
    }

    private void privacy(Context ctx) {
        cache.answer(ctx, FIXED, () -> html("privacy.ftlh", "Privacy", Map.of("products", registry.products())));
    }

    private ProductDefinition productOr404(Context ctx) {
        String name = ctx.pathParam("product");
        ProductDefinition product = registry.product(name).orElse(null);
        if (product == null) {
            answer(ctx, 404, html("not-found.ftlh", "Not found", Map.of("what", "product " + name)));
        }
        return product;
    }

    /** An uncached page: an error the reader can act on. */
    private static void answer(Context ctx, int status, SummaryCache.Answer page) {
        ctx.status(status).contentType(page.contentType()).result(page.body());
    }

    /** Links to the usual ranges ending on the range's last day, on the same channel. */
    private static List<Map<String, Object>> presets(SummaryRange range) {
        List<Map<String, Object>> presets = new ArrayList<>();
        for (int days : PRESETS) {
            LocalDate from = range.to().minusDays(days - 1L);
            presets.add(Map.of("days", days, "from", from.toString(), "current", from.equals(range.from())));
        }
        return presets;
    }

    private SummaryCache.Answer html(String template, String title, Map<String, Object> model) {
        Map<String, Object> full = new LinkedHashMap<>(model);
        full.put("title", title);
        full.put("retentionDays", retentionDays);
        full.put("k", k);
        return SummaryCache.Answer.text(HTML, templates.render(template, full));
    }

    private static String latestValue(Series series, String key) {
        for (Series.Line line : series.lines()) {
            if (line.key().equals(key)) {
                for (int i = line.values().size() - 1; i >= 0; i--) {
                    Double value = line.values().get(i);
                    if (value != null) {
                        return String.valueOf(value.longValue());
                    }
                }
            }
        }
        return "–";
    }
}
