package de.smartcity.catalogue.search.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Rows as CSV (RFC 4180: commas, CRLF, a header row) in UTF-8 with a byte order mark, by which spreadsheet
 * programs such as Excel recognise UTF-8 and show umlauts right.
 *
 * @param <T> what a row shows
 */
public final class CsvRows<T> implements RowWriter<T> {
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Separates the values of a cell that holds several, such as the themes. */
    private static final String LIST_SEPARATOR = "; ";

    /** A column: its header and how a row's cell is made. */
    public record Column<T>(String header, Function<T, String> cell) {
    }

    private final List<Column<T>> columns;

    public CsvRows(List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Several values in one cell. */
    public static String list(List<String> values) {
        return String.join(LIST_SEPARATOR, values);
    }

    @Override
    public void head(OutputStream out) throws IOException {
        out.write(BYTE_ORDER_MARK);
        out.write(CsvCells.row(columns.stream().map(Column::header).toList()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void row(T row, long index, OutputStream out) throws IOException {
        out.write(CsvCells.row(columns.stream().map(column -> column.cell().apply(row)).toList())
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void tail(long rows, OutputStream out) {
        // A CSV file ends with its last record.
    }

    @Override
    public String contentType() {
        return "text/csv; charset=utf-8; header=present";
    }

    @Override
    public String extension() {
        return "csv";
    }
}
