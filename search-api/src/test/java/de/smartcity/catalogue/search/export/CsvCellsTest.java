package de.smartcity.catalogue.search.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"})
    void neutralisesCellsThatSpreadsheetsWouldTakeForFormulas(String value) {
        assertThat(unquote(CsvCells.cell(value))).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Parkhaus am Dom|Parkhaus am Dom",
            "Müll, Abfall|\"Müll, Abfall\"",
            "Sie sagte \"Ja\"|\"Sie sagte \"\"Ja\"\"\"",
            "2026-11-24T08:00:00Z|2026-11-24T08:00:00Z",
            "a=b|a=b"})
    void quotesOnlyWhatRfc4180Requires(String value, String expected) {
        assertThat(CsvCells.cell(value)).isEqualTo(expected);
    }

    @Test
    void quotesLineBreaksAndEndsRowsWithCrLf() {
        assertThat(CsvCells.row(List.of("id", "Zeile 1\nZeile 2", ""))).isEqualTo("id,\"Zeile 1\nZeile 2\",\r\n");
    }

    @Test
    void leavesAnEmptyOrMissingCellEmpty() {
        assertThat(CsvCells.cell("")).isEmpty();
        assertThat(CsvCells.cell(null)).isEmpty();
    }

    private static String unquote(String cell) {
        return cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
    }
}
