package de.smartcity.catalogue.search.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Rows as one JSON array, each element on a line of its own: any JSON parser reads the whole, and a line-oriented
 * tool can still take it element by element.
 *
 * @param <T> what a row shows, written as the API writes it
 */
public final class JsonRows<T> implements RowWriter<T> {
    private static final byte[] START = "[\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BETWEEN = ",\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END_AFTER_ROWS = "\n]\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END_EMPTY = "]\n".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper json;

    public JsonRows(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void head(OutputStream out) throws IOException {
        out.write(START);
    }

    @Override
    public void row(T row, long index, OutputStream out) throws IOException {
        if (index > 0) {
            out.write(BETWEEN);
        }
        out.write(json.writeValueAsBytes(row));
    }

    @Override
    public void tail(long rows, OutputStream out) throws IOException {
        out.write(rows > 0 ? END_AFTER_ROWS : END_EMPTY);
    }

    @Override
    public String contentType() {
        return "application/json; charset=utf-8";
    }

    @Override
    public String extension() {
        return "json";
    }
}
