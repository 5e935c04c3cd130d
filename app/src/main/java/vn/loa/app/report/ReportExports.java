package vn.loa.app.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.InvalidInput;

/** A report as a downloadable CSV, XLSX or PDF file, for the API and the web pages alike. */
public final class ReportExports {

    private ReportExports() {}

    public static ResponseEntity<byte[]> campaign(Reports.CampaignReport report, String format) {
        return export(ReportDocument.of(report), "chien-dich-" + report.campaignId(), format);
    }

    public static ResponseEntity<byte[]> period(Reports.PeriodReport report, String format) {
        return export(ReportDocument.of(report), "bao-cao-" + report.from() + "-" + report.to(), format);
    }

    /** The half-year of the 6-month report: half 1 is January to June, half 2 July to December. */
    public static LocalDate[] half(int year, int half) {
        new Checks()
                .withinCalendar("year", year)
                .that(half == 1 || half == 2, "half", "must be 1 (January to June) or 2 (July to December)")
                .throwIfAny();
        return half == 1
                ? new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30)}
                : new LocalDate[] {LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31)};
    }

    /** A whole year, checked before it becomes dates (year 999999999 is a LocalDate, but no report year). */
    public static LocalDate[] year(int year) {
        new Checks().withinCalendar("year", year).throwIfAny();
        return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
    }

    static ResponseEntity<byte[]> export(ReportDocument doc, String name, String format) {
        byte[] body;
        MediaType type;
        switch (format == null ? "" : format.toLowerCase()) {
            case "csv" -> {
                body = ReportWriters.csv(doc);
                type = new MediaType("text", "csv", StandardCharsets.UTF_8);
            }
            case "xlsx" -> {
                body = ReportWriters.xlsx(doc);
                type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            case "pdf" -> {
                body = ReportWriters.pdf(doc);
                type = MediaType.APPLICATION_PDF;
            }
            default -> throw InvalidInput.of("format", "must be csv, xlsx or pdf");
        }
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + "." + format.toLowerCase())
                                .build()
                                .toString())
                .body(body);
    }
}
