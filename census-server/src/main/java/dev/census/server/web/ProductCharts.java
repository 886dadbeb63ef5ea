package dev.census.server.web;

import dev.census.registry.MetricDefinition;
import dev.census.registry.MetricStatus;
import dev.census.registry.MetricType;
import dev.census.registry.ProductDefinition;
import dev.census.server.publish.Series;
import dev.census.server.vocabulary.PublishedMetric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses a product page's charts from whatever published series exist: the fleet, one version
 * chart per component seen, one chart per registry metric fitting its type, the age demography, and
 * any other fleet summary — nothing here knows a product by name.
 */
final class ProductCharts {

    /** The unit of counts of systems. */
    private static final String SYSTEMS = "systems";

    private ProductCharts() {
    }

    /** The charts of a product, in page order, and the approved metrics that have no data in the range. */
    record Page(List<Chart> charts, List<String> withoutData) {
    }

    static Page of(ProductDefinition product, Map<String, Series> published, Series emptySystems) {
        Map<String, Series> left = new LinkedHashMap<>(published);
        List<Chart> charts = new ArrayList<>();
        Series systems = left.remove(PublishedMetric.SYSTEMS.name());
        Chart fleet = Chart.of("systems", "Systems reporting",
                "How many installations report: active on the day, in the last 7 and 28 days, and new ones.",
                SYSTEMS, Chart.Style.LINES, systems == null ? emptySystems : systems);
        charts.add(fleet);
        Series installed = left.remove(PublishedMetric.COMPONENTS.name());
        if (installed != null) {
            charts.add(Chart.of("components", "Components installed",
                    "How many installations run each component (one installation may run several).",
                    SYSTEMS, Chart.Style.LINES, installed));
        }

        List<String> components = new ArrayList<>();
        for (String metric : published.keySet()) {
            PublishedMetric name = PublishedMetric.parse(metric);
            if (name.family() == PublishedMetric.Family.COMPONENT_XY) {
                components.add(name.subject());
            }
        }
        components.sort(Comparator.comparing((String c) -> -latestSample(published.get(PublishedMetric.componentXy(c).name())))
                .thenComparing(Comparator.naturalOrder()));
        for (String component : components) {
            charts.add(versionChart("versions-" + component, component + " versions", "Which " + component + " versions installations run.",
                    left.remove(PublishedMetric.componentXy(component).name()), left.remove(PublishedMetric.componentXyz(component).name())));
        }

        List<String> withoutData = new ArrayList<>();
        for (MetricDefinition definition : product.metrics().values()) {
            Series series = left.remove(definition.name());
            if (series == null) {
                if (definition.status() == MetricStatus.APPROVED) {
                    withoutData.add(definition.title());
                }
                continue;
            }
            String id = "metric-" + definition.name();
            String title = definition.title();
            String axis = definition.unit().isEmpty() ? title : title + " (" + definition.unit() + ")";
            if (definition.type() == MetricType.VERSION) {
                Series xyz = left.remove(PublishedMetric.metricXyz(definition.name()).name());
                charts.add(versionChart(id, title, definition.question(), series, xyz));
            } else if (definition.type().numeric()) {
                charts.add(Chart.of(id, title, definition.question(), axis, Chart.Style.STATS, series));
                Series buckets = bucketsOf(series);
                if (!buckets.isEmpty()) {
                    charts.add(Chart.of(id + "-buckets", title + ": distribution",
                            "Systems per power-of-two bucket of " + axis + " (0 is a bucket of its own).",
                            SYSTEMS, Chart.Style.STACKED, buckets));
                }
            } else {
                charts.add(Chart.of(id, title, definition.question(), SYSTEMS, Chart.Style.STACKED, series));
            }
        }

        Series age = left.remove(PublishedMetric.AGE.name());
        if (age != null) {
            charts.add(Chart.of("age", "Installation age",
                    "Days since each active installation first reported, in power-of-two buckets.",
                    SYSTEMS, Chart.Style.STACKED, age));
        }
        Series demography = left.remove(PublishedMetric.DEMOGRAPHY.name());
        if (demography != null) {
            charts.add(Chart.of("demography", "Age demography",
                    "Days since each active installation first reported: mean, median and 90th percentile.",
                    "days", Chart.Style.STATS, demography));
        }
        for (Map.Entry<String, Series> other : left.entrySet()) {
            PublishedMetric metric = PublishedMetric.parse(other.getKey());
            if (metric.xy().filter(xy -> published.containsKey(xy.name())).isPresent()) {
                continue;
            }
            Series series = other.getValue();
            boolean stats = series.lines().stream().anyMatch(Series.Line::isStat);
            Optional<Series> xyz = metric.xyz().map(name -> left.get(name.name()));
            Chart chart = xyz.isPresent()
                    ? versionChart("other-" + other.getKey(), other.getKey(), "", series, xyz.get())
                    : Chart.of("other-" + other.getKey(), other.getKey(), "", SYSTEMS,
                            stats ? Chart.Style.STATS : Chart.Style.STACKED, series);
            charts.add(chart);
        }
        return new Page(charts, withoutData);
    }

    /** The histogram half of a numeric metric's series: its power-of-two buckets without the statistics. */
    private static Series bucketsOf(Series series) {
        List<Series.Line> buckets = series.lines().stream().filter(line -> !line.isStat()).toList();
        return new Series(series.product(), series.metric(), series.channel(), series.days(), buckets, series.systems(),
                series.latestDay());
    }

    private static Chart versionChart(String id, String title, String question, Series xy, Series xyz) {
        List<Chart.Named> views = new ArrayList<>();
        views.add(new Chart.Named("X.Y", xy));
        if (xyz != null) {
            views.add(new Chart.Named("X.Y.Z", xyz));
        }
        return Chart.of(id, title, question, SYSTEMS, Chart.Style.STACKED, views);
    }

    private static long latestSample(Series series) {
        if (series == null || series.latestDay() == null) {
            return 0;
        }
        Long systems = series.systems().get(series.days().indexOf(series.latestDay()));
        return systems == null ? 0 : systems;
    }
}
