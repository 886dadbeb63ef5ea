package dev.census.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.census.protocol.ReportJson;
import dev.census.server.api.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One chart of a product page: what it shows, its data for Chart.js, and the same data as a table. */
public record Chart(String id, String title, String question, String unit, String style, String metric,
        String latestDay, String sampleSize, String dataJson, List<String> headers, List<List<String>> rows) {

    /** How lines are drawn: plain lines, stacked areas, or a number's statistics. */
    enum Style { LINES, STACKED, STATS }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CHARTED_STATS = Set.of("mean", "p50", "p90");

    static Chart of(String id, String title, String question, String unit, Style style, Series series) {
        List<Series.Line> lines = new ArrayList<>();
        for (Series.Line line : series.lines()) {
            boolean stat = "stat".equals(line.kind());
            if (style != Style.STATS || stat && CHARTED_STATS.contains(line.key())) {
                lines.add(line);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("style", style.name().toLowerCase(java.util.Locale.ROOT));
        data.put("unit", unit);
        data.put("labels", series.days().stream().map(Object::toString).toList());
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Series.Line line : lines) {
            datasets.add(Map.of("label", line.key(), "data", line.values()));
        }
        data.put("datasets", datasets);
        List<String> headers = new ArrayList<>(List.of("day"));
        series.lines().forEach(line -> headers.add(line.key()));
        headers.add("systems");
        List<List<String>> rows = new ArrayList<>();
        for (int i = series.days().size() - 1; i >= 0; i--) {
            Long systems = series.systems().get(i);
            if (systems == null) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(series.days().get(i).toString()));
            for (Series.Line line : series.lines()) {
                Double value = line.values().get(i);
                row.add(value == null ? "" : ReportJson.formatNumber(Math.round(value * 100) / 100.0));
            }
            row.add(systems.toString());
            rows.add(row);
        }
        String sample = "";
        if (series.latestDay() != null) {
            int last = series.days().indexOf(series.latestDay());
            sample = String.valueOf(series.systems().get(last));
        }
        return new Chart(id, title, question, unit, style.name().toLowerCase(java.util.Locale.ROOT), series.metric(),
                series.latestDay() == null ? "" : series.latestDay().toString(), sample, json(data), headers, rows);
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
