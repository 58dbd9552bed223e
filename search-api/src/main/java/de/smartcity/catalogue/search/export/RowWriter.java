package de.smartcity.catalogue.search.export;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an export's rows one at a time, so that an export of any length needs the memory of one page of rows.
 *
 * @param <T> what a row shows
 */
public interface RowWriter<T> {

    /** What comes before the first row. */
    void head(OutputStream out) throws IOException;

    /** @param index the row's position in the export, from 0 */
    void row(T row, long index, OutputStream out) throws IOException;

    /** What comes after the last row; {@code rows} is how many there were. */
    void tail(long rows, OutputStream out) throws IOException;

    /** The answer's {@code Content-Type}. */
    String contentType();

    /** The file name's extension, such as {@code csv}. */
    String extension();
}
