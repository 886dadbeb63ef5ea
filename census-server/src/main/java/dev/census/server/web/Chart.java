package dev.census.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.census.server.json.CensusJson;
import dev.census.protocol.ReportJson;
import dev.census.server.publish.Series;
import dev.census.server.vocabulary.FleetBucket;
import dev.census.server.vocabulary.PublishedMetric;
import dev.census.server.vocabulary.Statistic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One chart of a product page: what it shows, its sample size and freshness, and one or more views
 * (X.Y and X.Y.Z for versions), each with its data for Chart.js and the same numbers as a table.
 */
public record Chart(String id, String title, String question, String unit, String style,
        String latestDay, String sampleSize, List<View> views) {

    /** How lines are drawn: plain lines, stacked shares (counts or percent), or a number's statistics. */
    enum Style { LINES, STACKED, STATS }

    /**
     * One way of looking at the chart: the published metric it reads, and either its Chart.js data
     * and table embedded in the page or, when {@code embedded} is false, nothing: the page's script
     * fetches it from the series API when the reader asks for it (X.Y.Z, which is large).
     */
    public record View(String name, String metric, boolean embedded, String dataJson, List<String> headers,
            List<List<String>> rows, boolean weekly) {
    }

    private static final ObjectMapper JSON = CensusJson.MAPPER;
    /** Ranges longer than this many days show one table row per week (the CSV keeps every day). */
    static final int DAILY_ROWS = 92;
    /** The statistics drawn as lines; the table shows every statistic. */
    private static final Set<Statistic> CHARTED_STATS = EnumSet.of(Statistic.MEAN, Statistic.P50, Statistic.P90);

    /** A chart of one series. */
    static Chart of(String id, String title, String question, String unit, Style style, Series series) {
        return of(id, title, question, unit, style, List.of(new Named("", series)));
    }

    /** A chart whose reader may switch between several series of the same systems (X.Y or X.Y.Z). */
    static Chart of(String id, String title, String question, String unit, Style style, List<Named> series) {
        List<View> views = new ArrayList<>();
        for (Named named : series) {
            views.add(views.isEmpty() ? view(named.name(), style, unit, named.series())
                    : new View(named.name(), named.series().metric(), false, "", List.of(), List.of(), false));
        }
        Series first = series.get(0).series();
        String sample = "";
        if (first.latestDay() != null) {
            Long systems = first.systems().get(first.days().indexOf(first.latestDay()));
            sample = systems == null ? "" : systems.toString();
        }
        return new Chart(id, title, question, unit, style.name().toLowerCase(Locale.ROOT),
                first.latestDay() == null ? "" : first.latestDay().toString(), sample, views);
    }

    /** A series with the name of its view (empty when the chart has one view). */
    record Named(String name, Series series) {
    }

    /** The first view's metric: what the chart's CSV and JSON links read. */
    public String metric() {
        return views.get(0).metric();
    }

    private static View view(String name, Style style, String unit, Series series) {
        List<Series.Line> lines = new ArrayList<>();
        List<Series.Line> tabled = new ArrayList<>();
        for (Series.Line line : series.lines()) {
            if (style != Style.STATS || line.isStat()) {
                tabled.add(line);
                if (style != Style.STATS || Statistic.parse(line.key()).filter(CHARTED_STATS::contains).isPresent()) {
                    lines.add(line);
                }
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("style", style.name().toLowerCase(Locale.ROOT));
        data.put("unit", unit);
        data.put("labels", series.days().stream().map(Object::toString).toList());
        List<Map<String, Object>> datasets = new ArrayList<>();
        boolean fleet = PublishedMetric.SYSTEMS.name().equals(series.metric());
        for (Series.Line line : lines) {
            datasets.add(Map.of("label", label(fleet, line.key()), "data", compact(line.values())));
        }
        data.put("datasets", datasets);
        List<String> headers = new ArrayList<>(List.of("day"));
        tabled.forEach(line -> headers.add(label(fleet, line.key())));
        headers.add("systems");
        List<List<String>> rows = new ArrayList<>();
        boolean weekly = series.days().size() > DAILY_ROWS;
        int newest = series.latestDay() == null ? -1 : series.days().indexOf(series.latestDay());
        for (int i = series.days().size() - 1; i >= 0; i--) {
            Long systems = series.systems().get(i);
            if (systems == null || weekly && (newest - i) % 7 != 0) {
                continue;
            }
            List<String> row = new ArrayList<>(headers.size());
            row.add(series.days().get(i).toString());
            for (Series.Line line : tabled) {
                Double value = line.values().get(i);
                row.add(value == null ? "" : ReportJson.formatNumber(Math.round(value * 100) / 100.0));
            }
            row.add(systems.toString());
            rows.add(row);
        }
        return new View(name, series.metric(), true, json(data), headers, rows, weekly);
    }

    /** What a line is called: the fleet's buckets in words ("active in 7 days"), anything else by its key. */
    private static String label(boolean fleet, String key) {
        return fleet ? FleetBucket.parse(key).map(FleetBucket::label).orElse(key) : key;
    }

    /** Whole numbers without a fraction ("12", not "12.0"): counts are most of a page's data. */
    private static List<Object> compact(List<Double> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Double value : values) {
            out.add(value != null && value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) value.longValue() : value);
        }
        return out;
    }

    /** JSON safe to place inside a script element: no "<" can close it. */
    private static String json(Object data) {
        try {
            return JSON.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
