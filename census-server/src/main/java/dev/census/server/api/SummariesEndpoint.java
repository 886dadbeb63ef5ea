package dev.census.server.api;

import dev.census.protocol.ReportJson;
import dev.census.registry.MetricDefinition;
import dev.census.registry.ProductDefinition;
import dev.census.server.publish.DayWindow;
import dev.census.server.publish.FleetToday;
import dev.census.server.publish.PublishedSummaries;
import dev.census.server.publish.Series;
import dev.census.server.publish.SummaryCache;
import dev.census.server.publish.SummaryRange;
import dev.census.registry.Registry;
import dev.census.server.store.SummaryQuery;
import dev.census.server.store.SummaryRow;
import dev.census.server.vocabulary.RowKind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The public read API: products, their metric registry, summaries with cursor pagination, series; JSON or CSV. */
public final class SummariesEndpoint {

    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;
    private static final String CSV = "text/csv; charset=utf-8";
    private static final String JSON = "application/json";
    /** The stamp of answers drawn from the registry alone, which is fixed while the server runs. */
    private static final String REGISTRY = "registry";

    private final Registry registry;
    private final PublishedSummaries published;
    private final CachedAnswers answers;

    public SummariesEndpoint(Registry registry, PublishedSummaries published) {
        this.registry = registry;
        this.published = published;
        this.answers = new CachedAnswers(new SummaryCache(published.clock(), SummaryCache.DEFAULT_BYTES));
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/products", this::products);
        routes.get("/api/v1/products/{product}/metrics", this::metrics);
        routes.get("/api/v1/products/{product}/summaries", this::summaries);
        routes.get("/api/v1/products/{product}/series/{metric}", this::series);
        routes.get("/api/v1/products/{product}/today", this::today);
    }

    private void today(Context ctx) {
        ProductDefinition product = product(ctx);
        String channel = published.range(null, null, ctx.queryParam("channel")).channel();
        answer(ctx, published.stamp(product.name()), () -> new SummaryCache.Answer(JSON,
                Json.bytes(todayJson(published.today(product, channel)))));
    }

    /** The glance as JSON: what the top of a product page shows, the same numbers. */
    private static Map<String, Object> todayJson(FleetToday today) {
        List<Map<String, Object>> active = today.active().stream().map(count -> Json.object("key", count.key(),
                "label", count.label(), "systems", count.systems(), "before", count.before(), "change", count.change())).toList();
        List<Map<String, Object>> components = today.components().stream().map(component -> Json.object(
                "name", component.name(), "systems", component.systems(), "versions", bars(component.bars()))).toList();
        List<Map<String, Object>> metrics = today.metrics().stream().map(metric -> Json.object("name", metric.name(),
                "title", metric.title(), "type", metric.type(), "unit", metric.unit(), "kind", metric.kind(),
                "systems", metric.systems(), "stats", metric.stats(), "bars", bars(metric.bars()))).toList();
        return Json.object("product", today.product(), "channel", today.channel(), "day", today.day(), "active", active,
                "new_this_week", today.newThisWeek(), "median_age_days", today.medianAgeDays(),
                "components", components, "metrics", metrics);
    }

    private static List<Map<String, Object>> bars(List<FleetToday.Bar> bars) {
        return bars.stream().map(bar -> Json.object("key", bar.key(), "systems", bar.systems(), "percent", bar.percent())).toList();
    }

    private void products(Context ctx) {
        List<Map<String, Object>> products = new ArrayList<>();
        for (ProductDefinition product : registry.products()) {
            products.add(Json.object("name", product.name(), "title", product.title(), "description", product.description(),
                    "components", product.knownComponents().stream().sorted().toList()));
        }
        answer(ctx, REGISTRY, () -> new SummaryCache.Answer(JSON, Json.bytes(Map.of("items", products))));
    }

    private void metrics(Context ctx) {
        ProductDefinition product = product(ctx);
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (MetricDefinition metric : product.metrics().values()) {
            Map<String, Object> item = Json.object("name", metric.name(), "title", metric.title(),
                    "type", metric.type().wireName(), "unit", metric.unit(), "status", metric.status().wireName(),
                    "question", metric.question());
            if (!metric.allowedValues().isEmpty()) {
                item.put("allowed_values", metric.allowedValues());
            }
            if (metric.range() != null) {
                item.put("min", number(metric.range().min()));
                item.put("max", number(metric.range().max()));
            }
            metrics.add(item);
        }
        answer(ctx, REGISTRY, () -> new SummaryCache.Answer(JSON, Json.bytes(Map.of("product", product.name(), "items", metrics))));
    }

    /** A range bound as JSON writes it best: a whole number without a fraction (bounds lie within ±2^53, so exactly). */
    private static Object number(double value) {
        return value == Math.rint(value) ? (Object) (long) value : (Object) value;
    }

    private void summaries(Context ctx) {
        ProductDefinition product = product(ctx);
        SummaryRange range = range(ctx, product);
        int limit = limit(ctx);
        String cursor = ctx.queryParam("cursor");
        SummaryRow after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        if (after != null && !DayWindow.contains(after.day(), published.clock())) {
            throw new Problem.BadRequest("cursor", "the cursor is not one this API gave out");
        }
        answer(ctx, published.stamp(product.name()), () -> summaries(ctx, product, range, limit, after));
    }

    private SummaryCache.Answer summaries(Context ctx, ProductDefinition product, SummaryRange range, int limit, SummaryRow after) {
        List<SummaryRow> rows = published.rows(new SummaryQuery(product.name(), range.channel(),
                emptyToNull(ctx.queryParam("metric")), range.from(), range.to(), limit + 1, after));
        boolean more = rows.size() > limit;
        List<SummaryRow> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.encode(page.get(page.size() - 1)) : null;
        if (wantsCsv(ctx)) {
            Csv csv = new Csv().row(List.of("day", "channel", "metric", RowKind.BUCKET.wireName(), RowKind.STAT.wireName(), "value", "systems"));
            for (SummaryRow row : page) {
                csv.row(List.of(row.day(), row.channel(), row.metric(), row.isStat() ? "" : row.key(),
                        row.isStat() ? row.key() : "", row.isStat() ? ReportJson.formatNumber(row.value()) : "", row.systems()));
            }
            SummaryCache.Answer answer = SummaryCache.Answer.text(CSV, csv.toString());
            return next == null ? answer : answer.withHeader("Link", "<" + ctx.path() + "?" + withCursor(ctx, next) + ">; rel=\"next\"");
        }
        List<Map<String, Object>> items = new ArrayList<>(page.size());
        java.util.Set<java.time.LocalDate> provisional = published.provisionalDays(product.name());
        for (SummaryRow row : page) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("day", row.day());
            item.put("channel", row.channel());
            item.put("metric", row.metric());
            item.put(row.rowKind().wireName(), row.key());
            if (row.isStat()) {
                item.put("value", row.value());
            }
            item.put("systems", row.systems());
            if (provisional.contains(row.day())) {
                item.put("provisional", true);
            }
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next_cursor", next);
        return new SummaryCache.Answer(JSON, Json.bytes(body));
    }

    private void series(Context ctx) {
        ProductDefinition product = product(ctx);
        SummaryRange range = range(ctx, product);
        String metric = ctx.pathParam("metric");
        answer(ctx, published.stamp(product.name()), () -> series(ctx, published.series(product.name(), metric, range)));
    }

    private SummaryRange range(Context ctx, ProductDefinition product) {
        return published.range(product.name(), ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("channel"));
    }

    /** Sends the answer for this request from the cache, in the format it asks for. */
    private void answer(Context ctx, String stamp, Supplier<SummaryCache.Answer> render) {
        answers.send(ctx, wantsCsv(ctx) ? "csv" : "json", stamp, render);
    }

    private static SummaryCache.Answer series(Context ctx, Series result) {
        if (wantsCsv(ctx)) {
            List<Object> header = new ArrayList<>(List.of("day"));
            result.lines().forEach(line -> header.add(line.key()));
            header.add("systems");
            Csv csv = new Csv().row(header);
            for (int i = 0; i < result.days().size(); i++) {
                List<Object> row = new ArrayList<>(List.of(result.days().get(i)));
                for (Series.Line line : result.lines()) {
                    Double value = line.values().get(i);
                    row.add(value == null ? "" : ReportJson.formatNumber(value));
                }
                row.add(result.systems().get(i));
                csv.row(row);
            }
            return SummaryCache.Answer.text(CSV, csv.toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("product", result.product());
        body.put("metric", result.metric());
        body.put("channel", result.channel());
        body.put("days", result.days());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Series.Line line : result.lines()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", line.key());
            item.put("kind", line.kind().wireName());
            item.put("values", line.isStat() ? line.values() : counts(line.values()));
            lines.add(item);
        }
        body.put("series", lines);
        body.put("systems", result.systems());
        body.put("provisional", result.provisional());
        body.put("latest_day", result.latestDay());
        return new SummaryCache.Answer(JSON, Json.bytes(body));
    }

    /** A bucket's values as the whole numbers of systems they are ({@code 272}, never {@code 272.0}); null stays null. */
    private static List<Long> counts(List<Double> values) {
        return values.stream().map(value -> value == null ? null : Math.round(value)).toList();
    }

    private ProductDefinition product(Context ctx) {
        String name = ctx.pathParam("product");
        return registry.product(name).orElseThrow(() -> new Problem.NotFound("unknown product " + name));
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Problem.BadRequest("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static boolean wantsCsv(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv")
                || "csv".equals(ctx.queryParam("format"));
    }

    private static String withCursor(Context ctx, String cursor) {
        StringBuilder query = new StringBuilder();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("cursor")) {
                values.forEach(v -> query.append(name).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)).append('&'));
            }
        });
        return query.append("cursor=").append(cursor).toString();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
