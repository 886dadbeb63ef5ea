package dev.census.server.web;

import dev.census.registry.MetricDefinition;
import dev.census.registry.MetricStatus;
import dev.census.registry.ProductDefinition;
import dev.census.server.publish.InvalidRangeException;
import dev.census.server.publish.PublishedSummaries;
import dev.census.server.publish.Series;
import dev.census.server.publish.SummaryCache;
import dev.census.server.publish.SummaryRange;
import dev.census.registry.Registry;
import dev.census.server.vocabulary.FleetBucket;
import dev.census.server.vocabulary.PublishedMetric;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
    private final PublishedSummaries published;
    private final Templates templates = new Templates();
    private final SummaryCache cache;
    /** The settings every page may state: how many days raw reports are kept, and k. */
    private final Map<String, Object> settings;

    /**
     * Pages that also say when closed days are summarized ({@code nightlyBy}, UTC) and how often today
     * is summarized provisionally ({@code provisionalEvery}, null when only on request).
     */
    public Dashboard(Registry registry, PublishedSummaries published, int retentionDays, int k, LocalTime nightlyBy,
            Duration provisionalEvery) {
        this.registry = registry;
        this.published = published;
        this.cache = new SummaryCache(published.clock(), SummaryCache.DEFAULT_BYTES);
        this.settings = Map.of("retentionDays", retentionDays, "k", k, "nightlyBy", nightlyBy.toString(),
                "provisionalEvery", provisionalEvery == null ? "" : provisionalEvery.toString().substring(2).toLowerCase(java.util.Locale.ROOT));
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::index);
        routes.get("/privacy", this::privacy);
        routes.get("/p/{product}", this::product);
        routes.get("/p/{product}/about", this::about);
        routes.error(404, "html", this::pageNotFound);
    }

    /** A browser asking for a page that does not exist gets a page, not the API's problem JSON. */
    private void pageNotFound(Context ctx) {
        boolean answeredAsPage = ctx.res().getContentType() != null && ctx.res().getContentType().startsWith("text/html");
        if (!ctx.path().startsWith("/api/") && !answeredAsPage) {
            answer(ctx, 404, html("not-found.ftlh", "Not found", Map.of("what", "page " + ctx.path())));
        }
    }

    private void index(Context ctx) {
        StringBuilder stamp = new StringBuilder();
        for (ProductDefinition product : registry.products()) {
            stamp.append(product.name()).append('=').append(published.stamp(product.name())).append(';');
        }
        answer(ctx, stamp.toString(), () -> {
            SummaryRange recent = SummaryRange.standard(published.clock());
            List<Map<String, Object>> products = new ArrayList<>();
            for (ProductDefinition product : registry.products()) {
                Series systems = published.series(product.name(), PublishedMetric.SYSTEMS.name(), recent);
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", product.name());
                item.put("title", product.title());
                item.put("description", product.description());
                item.put("active28", latestValue(systems, FleetBucket.ACTIVE_28D.wireName()));
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
            range = published.range(product.name(), ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("channel"));
        } catch (InvalidRangeException e) {
            answer(ctx, 400, html("bad-request.ftlh", "Bad request",
                    Map.of("detail", e.getMessage(), "back", "/p/" + product.name(), "backTitle", product.title())));
            return;
        }
        answer(ctx, published.stamp(product.name()), () -> {
            Map<String, Series> all = published.allSeries(product.name(), range, metric -> !PublishedMetric.parse(metric).isXyz());
            String systems = PublishedMetric.SYSTEMS.name();
            Series emptySystems = all.containsKey(systems) ? null : published.series(product.name(), systems, range);
            ProductCharts.Page page = ProductCharts.of(product, all, emptySystems);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("product", product);
            model.put("range", range);
            model.put("today", published.today(product, range.channel()));
            model.put("charts", page.charts());
            model.put("withoutData", page.withoutData());
            Series fleet = all.containsKey(systems) ? all.get(systems) : emptySystems;
            model.put("summarized", fleet.latestDay() != null);
            model.put("provisionalDays", published.provisionalDays(product.name()).stream()
                    .filter(day -> !day.isBefore(range.from()) && !day.isAfter(range.to())).sorted().map(LocalDate::toString).toList());
            model.put("todayDay", LocalDate.now(published.clock()).toString());
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
        answer(ctx, FIXED, () -> {
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
        answer(ctx, FIXED, () -> html("privacy.ftlh", "Privacy", Map.of("products", registry.products())));
    }

    private ProductDefinition productOr404(Context ctx) {
        String name = ctx.pathParam("product");
        ProductDefinition product = registry.product(name).orElse(null);
        if (product == null) {
            answer(ctx, 404, html("not-found.ftlh", "Not found", Map.of("what", "product " + name)));
        }
        return product;
    }

    /**
     * Sends the page for this request from the cache (rendered only when none with the same stamp
     * is kept) with its ETag and caching headers, or 304 when the reader already holds it.
     */
    private void answer(Context ctx, String stamp, Supplier<SummaryCache.Answer> render) {
        SummaryCache.Cached page = cache.get(new SummaryCache.Request(ctx.path(), ctx.queryString(), "html"), stamp, render);
        ctx.header("ETag", page.etag());
        ctx.header("Cache-Control", SummaryCache.CACHE_CONTROL);
        ctx.header("Vary", "Accept");
        if (page.heldBy(ctx.header("If-None-Match"))) {
            ctx.status(304);
        } else {
            answer(ctx, 200, page.answer());
        }
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
        full.putAll(settings);
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
