package vn.loa.app.web.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.loa.app.report.CsvCells;

/**
 * A month's plan as a sheet: one row per item, the columns of {@link #HEADERS}. Reads CSV (UTF-8,
 * comma or semicolon, quoted fields, optional byte-order mark) and XLSX (first sheet), and writes the
 * empty template in both.
 */
final class PlanSheet {

    static final List<String> HEADERS = List.of("campaign", "title", "body", "link", "media", "tags", "rebuttal");

    /** One data row as typed, with its line number in the file (the header is line 1). */
    record Line(int number, List<String> cells) {

        String cell(int column) {
            return column < cells.size() ? cells.get(column).strip() : "";
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private PlanSheet() {}

    static List<Line> read(String fileName, InputStream in) {
        var name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            var rows = name.endsWith(".xlsx") ? xlsx(in) : csv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            var lines = new ArrayList<Line>();
            for (int i = 1; i < rows.size(); i++) {
                var line = new Line(i + 1, rows.get(i));
                if (!line.blank()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header row as found, to tell a person who uploaded another sheet what was expected. */
    static List<String> header(String fileName, InputStream in) {
        var name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            var rows = name.endsWith(".xlsx") ? xlsx(in) : csv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return rows.isEmpty()
                    ? List.of()
                    : rows.get(0).stream()
                            .map(s -> s.strip().toLowerCase(Locale.ROOT))
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<String>> csv(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.chars().filter(c -> c == ';').count()
                        > firstLine.chars().filter(c -> c == ',').count()
                ? ';'
                : ',';
        var rows = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> xlsx(InputStream in) throws IOException {
        try (var book = new XSSFWorkbook(in)) {
            var sheet = book.getSheetAt(0);
            var format = new DataFormatter(Locale.ROOT);
            var rows = new ArrayList<List<String>>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                var cells = new ArrayList<String>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    static byte[] templateCsv(String exampleCampaign) {
        var out = new StringBuilder("\uFEFF");
        out.append(String.join(",", HEADERS)).append("\r\n");
        out.append(CsvCells.cell(exampleCampaign))
                .append(
                        ",\"Tin tốt: lớp học tình thương phố cổ\",\"Hơn 10 năm, lớp học miễn phí đã giúp hàng trăm trẻ em.\",")
                .append(
                        "https://hanoi.gov.vn/tin-tuc,https://hanoi.gov.vn/anh/lop-hoc.jpg,\"câu chuyện đẹp, Hà Nội\",no\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] templateXlsx(String exampleCampaign) {
        try (var book = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Kế hoạch");
            var head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                head.createCell(i).setCellValue(HEADERS.get(i));
            }
            var example = sheet.createRow(1);
            var values = List.of(
                    exampleCampaign,
                    "Tin tốt: lớp học tình thương phố cổ",
                    "Hơn 10 năm, lớp học miễn phí đã giúp hàng trăm trẻ em.",
                    "https://hanoi.gov.vn/tin-tuc",
                    "https://hanoi.gov.vn/anh/lop-hoc.jpg",
                    "câu chuyện đẹp, Hà Nội",
                    "no");
            for (int i = 0; i < values.size(); i++) {
                example.createCell(i).setCellValue(values.get(i));
                sheet.setColumnWidth(i, 30 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
