package vn.loa.app.web.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.app.report.Reports;
import vn.loa.app.web.calendar.ThemeColours;

/**
 * The data of each chart, as JSON for a {@code data-chart} attribute; dashboard.js turns it into an
 * ECharts option. Labels come from the page's message bundle.
 */
@Component
public class Charts {

    private final JsonMapper json;

    Charts(JsonMapper json) {
        this.json = json;
    }

    /** The theme's colour, as on the calendar. */
    public String colour(long themeId) {
        return ThemeColours.of(themeId);
    }

    /** Interactions and views by day. */
    public String timeline(List<Reports.Day> days, String interactions, String views) {
        var chart = new LinkedHashMap<String, Object>();
        chart.put("kind", "timeline");
        chart.put("days", days.stream().map(d -> d.day().toString()).toList());
        chart.put(
                "series",
                List.of(
                        Map.of(
                                "name",
                                interactions,
                                "values",
                                days.stream().map(Reports.Day::interactions).toList()),
                        Map.of(
                                "name",
                                views,
                                "values",
                                days.stream().map(Reports.Day::views).toList())));
        return json.writeValueAsString(chart);
    }

    /** Interactions per theme, this period beside the previous one. */
    public String themes(Reports.PeriodReport r, String current, String previous) {
        var chart = new LinkedHashMap<String, Object>();
        chart.put("kind", "bars");
        chart.put("categories", r.themes().stream().map(Reports.ThemeLine::name).toList());
        chart.put(
                "colours",
                r.themes().stream().map(t -> ThemeColours.of(t.themeId())).toList());
        chart.put(
                "series",
                List.of(
                        Map.of(
                                "name",
                                current,
                                "values",
                                r.themes().stream()
                                        .map(t -> t.current().interactions())
                                        .toList()),
                        Map.of(
                                "name",
                                previous,
                                "values",
                                r.themes().stream()
                                        .map(t -> t.previous().interactions())
                                        .toList())));
        return json.writeValueAsString(chart);
    }

    /** Interactions per platform (or per channel). */
    public String split(List<Reports.Slice> slices) {
        var items = new ArrayList<Map<String, Object>>();
        for (var s : slices) {
            items.add(Map.of("name", s.label(), "value", s.totals().interactions()));
        }
        return json.writeValueAsString(Map.of("kind", "pie", "items", items));
    }
}
