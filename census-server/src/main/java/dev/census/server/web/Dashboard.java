package dev.census.server.web;

import dev.census.protocol.registry.MetricDefinition;
import dev.census.protocol.registry.MetricStatus;
import dev.census.protocol.registry.ProductDefinition;
import dev.census.server.api.Series;
import dev.census.server.api.SeriesReader;
import dev.census.server.api.SummaryRange;
import dev.census.server.registry.Registry;
import dev.census.server.store.ReportStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public pages: the product list and, per product, its charts — server-rendered, with tables for readers without JavaScript. */
public final class Dashboard {

    private final Registry registry;
    private final SeriesReader series;
    private final Clock clock;
    private final Templates templates = new Templates();

    public Dashboard(Registry registry, ReportStore store, Clock clock) {
        this.registry = registry;
        this.series = new SeriesReader(store);
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::index);
        routes.get("/p/{product}", this::product);
    }

    private void index(Context ctx) {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        SummaryRange lastDay = new SummaryRange(yesterday.minusDays(SummaryRange.DEFAULT_DAYS - 1), yesterday, "production");
        List<Map<String, Object>> products = new ArrayList<>();
        for (ProductDefinition product : registry.products()) {
            Series systems = series.read(product.name(), "systems", lastDay);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", product.name());
            item.put("title", product.title());
            item.put("description", product.description());
            item.put("active28", latestValue(systems, "active_28d"));
            item.put("latestDay", systems.latestDay() == null ? "" : systems.latestDay().toString());
            products.add(item);
        }
        render(ctx, "index.ftlh", Map.of("products", products));
    }

    private void product(Context ctx) {
        String name = ctx.pathParam("product");
        ProductDefinition product = registry.product(name).orElse(null);
        if (product == null) {
            ctx.status(404);
            render(ctx, "not-found.ftlh", Map.of("what", "product " + name));
            return;
        }
        SummaryRange range = SummaryRange.of(ctx, clock);
        List<Chart> charts = new ArrayList<>();
        charts.add(Chart.of("systems", "Systems reporting", "How many installations report: active on the day, in the last 7 and 28 days, and new ones.",
                "systems", Chart.Style.LINES, series.read(name, "systems", range)));
        for (String component : product.knownComponents().stream().sorted().toList()) {
            Series versions = series.read(name, "components." + component + ".xy", range);
            if (!versions.isEmpty()) {
                charts.add(Chart.of("versions-" + component, component + " versions (X.Y)",
                        "Which " + component + " versions installations run.", "systems", Chart.Style.STACKED, versions));
            }
        }
        for (MetricDefinition metric : product.metrics().values()) {
            if (metric.status() != MetricStatus.APPROVED) {
                continue;
            }
            Series values = series.read(name, metric.name(), range);
            Chart.Style style = metric.type().numeric() ? Chart.Style.STATS : Chart.Style.STACKED;
            charts.add(Chart.of("metric-" + metric.name(), metric.name(), metric.question(),
                    metric.unit().isEmpty() ? "systems" : metric.unit(), style, values));
        }
        charts.add(Chart.of("age", "Installation age", "Days since each active installation first reported, in power-of-two buckets.",
                "systems", Chart.Style.STACKED, series.read(name, "systems.age_days", range)));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("product", product);
        model.put("range", range);
        model.put("charts", charts);
        model.put("chartJsVersion", WebJars.CHART_JS_VERSION);
        render(ctx, "product.ftlh", model);
    }

    private void render(Context ctx, String template, Map<String, Object> model) {
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("text/html; charset=utf-8").result(templates.render(template, model));
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
