package vn.loa.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreTurnedIntoText() {
        assertThat(CsvCells.cell("=HYPERLINK(\"https://evil.example\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\"");
        assertThat(CsvCells.cell("+cmd|' /C calc'!A0")).isEqualTo("\"'+cmd|' /C calc'!A0\"");
        assertThat(CsvCells.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvCells.cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(CsvCells.cell("\r=1")).isEqualTo("\"'=1\"");
    }

    @Test
    void controlCharactersAreDroppedAndNumbersAndPlainTextStayAsTheyAre() {
        assertThat(CsvCells.cell("Tin\u0000 t\u0007ốt\u001b[31m")).isEqualTo("\"Tin tốt[31m\"");
        assertThat(CsvCells.cell("Lễ hội, phố cổ")).isEqualTo("\"Lễ hội, phố cổ\"");
        assertThat(CsvCells.cell("Tin tốt")).isEqualTo("Tin tốt");
        assertThat(CsvCells.cell(-5)).isEqualTo("-5");
        assertThat(CsvCells.cell(12.5)).isEqualTo("12.5");
        assertThat(CsvCells.text("a\u0000b\nc")).isEqualTo("ab\nc");
    }
}
