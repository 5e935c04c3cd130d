package vn.loa.app.report;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.campaigns.access.Actor;

/**
 * Reports as JSON, and as CSV, XLSX or PDF for the city ({@code /export?format=}). Period reports
 * come for any date range, a half year (the 6-month report) or a year.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/campaigns/{id}")
    Reports.CampaignReport campaign(@PathVariable long id, Actor actor) {
        return reports.campaign(id, actor);
    }

    @GetMapping("/campaigns/{id}/export")
    ResponseEntity<byte[]> exportCampaign(@PathVariable long id, @RequestParam String format, Actor actor) {
        return export(ReportDocument.of(reports.campaign(id, actor)), "chien-dich-" + id, format);
    }

    @GetMapping("/period")
    Reports.PeriodReport period(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Actor actor) {
        return reports.period(from, to, actor);
    }

    /** The 6-month report: half 1 is January–June, half 2 July–December. */
    @GetMapping("/half-year")
    Reports.PeriodReport halfYear(@RequestParam int year, @RequestParam int half, Actor actor) {
        var range = half(year, half);
        return reports.period(range[0], range[1], actor);
    }

    @GetMapping("/year")
    Reports.PeriodReport year(@RequestParam int year, Actor actor) {
        var range = ReportExports.year(year);
        return reports.period(range[0], range[1], actor);
    }

    @GetMapping("/period/export")
    ResponseEntity<byte[]> exportPeriod(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam String format,
            Actor actor) {
        return export(ReportDocument.of(reports.period(from, to, actor)), "bao-cao-" + from + "-" + to, format);
    }

    @GetMapping("/channels/{id}/best-times")
    Reports.BestTimes bestTimes(@PathVariable long id, Actor actor) {
        return reports.bestTimes(id, actor);
    }

    private static LocalDate[] half(int year, int half) {
        return ReportExports.half(year, half);
    }

    private static ResponseEntity<byte[]> export(ReportDocument doc, String name, String format) {
        return ReportExports.export(doc, name, format);
    }
}
