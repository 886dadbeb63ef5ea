package dev.census.server.web;

import dev.census.registry.MetricDefinition;
import dev.census.registry.MetricStatus;
import dev.census.registry.MetricType;
import dev.census.registry.ProductDefinition;
import dev.census.server.api.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses a product page's charts from whatever published series exist: the fleet, one version
 * chart per component seen, one chart per registry metric fitting its type, the age demography, and
 * any other fleet summary — nothing here knows a product by name.
 */
final class ProductCharts {

    static final String SYSTEMS = "systems";
    static final String AGE = "systems.age_days";
    /** Statistics of the days since first seen of the day's active systems. */
    static final String DEMOGRAPHY = "systems.demography";
    static final String COMPONENTS = "components";
    private static final Pattern COMPONENT = Pattern.compile("components\\.(.+)\\.xy");
    /** The suffix of a version series by X.Y.Z, drawn on demand beside its X.Y series. */
    static final String XYZ = ".xyz";

    private ProductCharts() {
    }

    /** The charts of a product, in page order, and the approved metrics that have no data in the range. */
    record Page(List<Chart> charts, List<String> withoutData) {
    }

    static Page of(ProductDefinition product, Map<String, Series> published, Series emptySystems) {
        Map<String, Series> left = new LinkedHashMap<>(published);
        List<Chart> charts = new ArrayList<>();
        Series systems = left.remove(SYSTEMS);
        Chart fleet = Chart.of("systems", "Systems reporting",
                "How many installations report: active on the day, in the last 7 and 28 days, and new ones.",
                "systems", Chart.Style.LINES, systems == null ? emptySystems : systems);
        charts.add(fleet);
        Series installed = left.remove(COMPONENTS);
        if (installed != null) {
            charts.add(Chart.of("components", "Components installed",
                    "How many installations run each component (one installation may run several).",
                    "systems", Chart.Style.LINES, installed).withSampleSize(fleet.sampleSize()));
        }

        List<String> components = new ArrayList<>();
        for (String metric : published.keySet()) {
            Matcher matcher = COMPONENT.matcher(metric);
            if (matcher.matches()) {
                components.add(matcher.group(1));
            }
        }
        components.sort(Comparator.comparing((String c) -> -latestSample(published.get(COMPONENTS + "." + c + ".xy")))
                .thenComparing(Comparator.naturalOrder()));
        for (String component : components) {
            String metric = COMPONENTS + "." + component;
            charts.add(versionChart("versions-" + component, component + " versions",
                    "Which " + component + " versions installations run.", left.remove(metric + ".xy"), left.remove(metric + XYZ)));
        }

        List<String> withoutData = new ArrayList<>();
        for (MetricDefinition definition : product.metrics().values()) {
            Series series = left.remove(definition.name());
            if (series == null) {
                if (definition.status() == MetricStatus.APPROVED) {
                    withoutData.add(definition.name());
                }
                continue;
            }
            String id = "metric-" + definition.name();
            String unit = definition.unit().isEmpty() ? "systems" : definition.unit();
            if (definition.type() == MetricType.VERSION) {
                charts.add(versionChart(id, definition.name(), definition.question(), series, left.remove(definition.name() + XYZ)));
            } else if (definition.type().numeric()) {
                charts.add(Chart.of(id, definition.name(), definition.question(), unit, Chart.Style.STATS, series));
                Series buckets = bucketsOf(series);
                if (!buckets.isEmpty()) {
                    charts.add(Chart.of(id + "-buckets", definition.name() + " distribution",
                            "Systems per power-of-two bucket of " + definition.name() + " (0 is a bucket of its own).",
                            "systems", Chart.Style.STACKED, buckets));
                }
            } else {
                charts.add(Chart.of(id, definition.name(), definition.question(), "systems", Chart.Style.STACKED, series));
            }
        }

        Series age = left.remove(AGE);
        if (age != null) {
            charts.add(Chart.of("age", "Installation age",
                    "Days since each active installation first reported, in power-of-two buckets.",
                    "systems", Chart.Style.STACKED, age));
        }
        Series demography = left.remove(DEMOGRAPHY);
        if (demography != null) {
            charts.add(Chart.of("demography", "Age demography",
                    "Days since each active installation first reported: mean, median and 90th percentile.",
                    "days", Chart.Style.STATS, demography));
        }
        for (Map.Entry<String, Series> other : left.entrySet()) {
            if (other.getKey().endsWith(XYZ) && published.containsKey(other.getKey().substring(0, other.getKey().length() - XYZ.length()))) {
                continue;
            }
            Series series = other.getValue();
            boolean stats = series.lines().stream().anyMatch(line -> "stat".equals(line.kind()));
            Series xyz = left.get(other.getKey() + XYZ);
            Chart chart = xyz != null
                    ? versionChart("other-" + other.getKey(), other.getKey(), "", series, xyz)
                    : Chart.of("other-" + other.getKey(), other.getKey(), "", "systems",
                            stats ? Chart.Style.STATS : Chart.Style.STACKED, series);
            charts.add(chart);
        }
        return new Page(charts, withoutData);
    }

    /** The histogram half of a numeric metric's series: its power-of-two buckets without the statistics. */
    private static Series bucketsOf(Series series) {
        List<Series.Line> buckets = series.lines().stream().filter(line -> !"stat".equals(line.kind())).toList();
        return new Series(series.product(), series.metric(), series.channel(), series.days(), buckets, series.systems(),
                series.latestDay());
    }

    private static Chart versionChart(String id, String title, String question, Series xy, Series xyz) {
        List<Chart.Named> views = new ArrayList<>();
        views.add(new Chart.Named("X.Y", xy));
        if (xyz != null) {
            views.add(new Chart.Named("X.Y.Z", xyz));
        }
        return Chart.of(id, title, question, "systems", Chart.Style.STACKED, views);
    }

    private static long latestSample(Series series) {
        if (series == null || series.latestDay() == null) {
            return 0;
        }
        Long systems = series.systems().get(series.days().indexOf(series.latestDay()));
        return systems == null ? 0 : systems;
    }
}
