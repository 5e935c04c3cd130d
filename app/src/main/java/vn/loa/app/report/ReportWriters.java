package vn.loa.app.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** CSV, XLSX and PDF renderings of a {@link ReportDocument}. */
final class ReportWriters {

    /** Liberation Sans (shipped inside OpenPDF) has every Vietnamese letter; it is embedded in each PDF. */
    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";

    private ReportWriters() {}

    /** UTF-8 with a byte-order mark, so that spreadsheet programs read the Vietnamese right. */
    static byte[] csv(ReportDocument doc) {
        var out = new StringBuilder("\uFEFF");
        line(out, List.of(doc.title()));
        line(out, List.of(doc.subtitle()));
        for (var t : doc.tables()) {
            out.append("\r\n");
            line(out, List.of(t.name()));
            line(out, t.headers());
            for (var row : t.rows()) {
                line(out, row);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(CsvCells.cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static byte[] xlsx(ReportDocument doc) {
        try (var book = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var bold = book.createFont();
            bold.setBold(true);
            var header = book.createCellStyle();
            header.setFont(bold);
            for (var t : doc.tables()) {
                var sheet = book.createSheet(safeSheetName(t.name()));
                var head = sheet.createRow(0);
                for (int c = 0; c < t.headers().size(); c++) {
                    var cell = head.createCell(c);
                    cell.setCellValue(t.headers().get(c));
                    cell.setCellStyle(header);
                }
                for (int r = 0; r < t.rows().size(); r++) {
                    var row = sheet.createRow(r + 1);
                    var values = t.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        var value = values.get(c);
                        if (value instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else {
                            row.createCell(c).setCellValue(CsvCells.text(value));
                        }
                    }
                }
                for (int c = 0; c < t.headers().size(); c++) {
                    sheet.autoSizeColumn(c);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf(ReportDocument doc) {
        try (var out = new ByteArrayOutputStream()) {
            var document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
            var writer = PdfWriter.getInstance(document, out);
            document.open();
            var base = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            var titleFont = new Font(base, 16, Font.NORMAL);
            var textFont = new Font(base, 9, Font.NORMAL);
            var headFont = new Font(base, 9, Font.NORMAL, Color.WHITE);
            document.add(new Paragraph(doc.title(), titleFont));
            document.add(new Paragraph(doc.subtitle(), textFont));
            if (!doc.timeline().isEmpty()) {
                document.add(new Paragraph(" ", textFont));
                document.add(new Paragraph("Tương tác theo ngày", textFont));
                drawTimeline(writer, base, doc, document);
            }
            for (var t : doc.tables()) {
                if (t.rows().isEmpty()) {
                    continue;
                }
                document.add(new Paragraph(" ", textFont));
                document.add(new Paragraph(t.name(), new Font(base, 11, Font.NORMAL)));
                var table = new PdfPTable(t.headers().size());
                table.setWidthPercentage(100);
                table.setSpacingBefore(4);
                for (var h : t.headers()) {
                    var cell = new PdfPCell(new Paragraph(h, headFont));
                    cell.setBackgroundColor(new Color(0xB3, 0x26, 0x1E));
                    table.addCell(cell);
                }
                for (var row : t.rows()) {
                    for (var value : row) {
                        var cell = new PdfPCell(new Paragraph(ReportDocument.number(value), textFont));
                        if (value instanceof Number) {
                            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                        }
                        table.addCell(cell);
                    }
                }
                document.add(table);
            }
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bar chart of daily interactions drawn straight onto the page, with its scale. */
    private static void drawTimeline(PdfWriter writer, BaseFont font, ReportDocument doc, Document document) {
        var points = doc.timeline();
        float left = 70;
        float width = 680;
        float height = 150;
        float bottom = document.getPageSize().getHeight() - 110 - height;
        long max = Math.max(
                1,
                points.stream()
                        .mapToLong(ReportDocument.Point::interactions)
                        .max()
                        .orElse(1));
        var canvas = writer.getDirectContent();
        canvas.saveState();
        canvas.setColorStroke(Color.GRAY);
        canvas.setLineWidth(0.5f);
        canvas.moveTo(left, bottom);
        canvas.lineTo(left + width, bottom);
        canvas.moveTo(left, bottom);
        canvas.lineTo(left, bottom + height);
        canvas.stroke();
        canvas.beginText();
        canvas.setFontAndSize(font, 8);
        canvas.showTextAligned(Element.ALIGN_RIGHT, ReportDocument.number(max), left - 4, bottom + height - 3, 0);
        canvas.showTextAligned(Element.ALIGN_RIGHT, "0", left - 4, bottom - 3, 0);
        canvas.showTextAligned(Element.ALIGN_LEFT, points.get(0).day().toString(), left, bottom - 12, 0);
        canvas.showTextAligned(
                Element.ALIGN_RIGHT, points.get(points.size() - 1).day().toString(), left + width, bottom - 12, 0);
        canvas.endText();
        // One bar per day: readable for a single day as for a year.
        canvas.setColorFill(new Color(0xB3, 0x26, 0x1E));
        float slot = width / points.size();
        float bar = Math.max(1f, Math.min(40f, slot * 0.7f));
        for (int i = 0; i < points.size(); i++) {
            float x = left + slot * i + (slot - bar) / 2;
            float h = height * points.get(i).interactions() / max;
            canvas.rectangle(x, bottom, bar, Math.max(h, 0.5f));
        }
        canvas.fill();
        canvas.restoreState();
        // Leave room below the chart for what follows.
        for (int i = 0; i < 12; i++) {
            document.add(new Paragraph(" "));
        }
    }

    private static String safeSheetName(String name) {
        var cleaned = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }
}
