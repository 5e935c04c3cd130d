package vn.loa.app.report;

import java.util.regex.Pattern;

/**
 * One CSV cell that a spreadsheet program reads as text, never as a formula (OWASP's CSV
 * injection rule): text starting with {@code = + - @}, a tab or a carriage return gets a leading
 * apostrophe, control characters are dropped, and the cell is quoted when it holds a separator,
 * a quote or a line break. Numbers are written as they are, so a negative count stays a number.
 */
public final class CsvCells {

    /** C0 controls but tab and line feed, DEL, and the C1 controls. */
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F\\x80-\\x9F]");

    private CsvCells() {}

    public static String cell(Object value) {
        if (value instanceof Number) {
            return String.valueOf(value);
        }
        var text = String.valueOf(value);
        var neutral = startsAsFormula(text) ? "'" + text : text;
        neutral = CONTROLS.matcher(neutral.replace("\r\n", "\n")).replaceAll("");
        return neutral.contains(",") || neutral.contains("\"") || neutral.contains("\n") || !neutral.equals(text)
                ? "\"" + neutral.replace("\"", "\"\"") + "\""
                : neutral;
    }

    /** The same text as a spreadsheet cell holds it (XLSX): only the control characters dropped. */
    public static String text(Object value) {
        return CONTROLS.matcher(String.valueOf(value).replace("\r\n", "\n")).replaceAll("");
    }

    private static boolean startsAsFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
