package de.smartcity.catalogue.search.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * An export as a stream that makes its bytes as they are read: a page of rows is fetched only when the bytes of the
 * one before have been taken. Handed to platform-http as the body, it is sent chunked, read on a worker thread as
 * fast as the client takes it, so an export of any length holds one page in memory.
 *
 * @param <T> what a row shows
 */
public final class ExportStream<T> extends InputStream {

    /** Where the rows come from, a page at a time. */
    public interface Pages<T> extends AutoCloseable {
        /** The next page, empty once there are no more. */
        List<T> next() throws IOException;

        @Override
        void close() throws IOException;
    }

    private final Pages<T> pages;
    private final RowWriter<T> writer;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private byte[] chunk = new byte[0];
    private int position;
    private long rows;
    private boolean ended;

    private ExportStream(Pages<T> pages, RowWriter<T> writer) {
        this.pages = pages;
        this.writer = writer;
    }

    /**
     * Starts the export and makes its first page before anything is sent, so that a search that fails at once
     * still gets an error answer instead of a broken-off body.
     */
    public static <T> ExportStream<T> start(Pages<T> pages, RowWriter<T> writer) throws IOException {
        ExportStream<T> stream = new ExportStream<>(pages, writer);
        try {
            writer.head(stream.buffer);
            stream.fill();
        } catch (IOException | RuntimeException e) {
            pages.close();
            throw e;
        }
        return stream;
    }

    /** The answer's {@code Content-Type}. */
    public String contentType() {
        return writer.contentType();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (ended) {
                return -1;
            }
            fill();
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, offset, count);
        position += count;
        return count;
    }

    /** Makes the next chunk: whatever is buffered plus the next page of rows, or the tail after the last. */
    private void fill() throws IOException {
        List<T> page = pages.next();
        for (T row : page) {
            writer.row(row, rows++, buffer);
        }
        if (page.isEmpty()) {
            writer.tail(rows, buffer);
            ended = true;
            pages.close();
        }
        chunk = buffer.toByteArray();
        position = 0;
        buffer.reset();
    }

    /** Ends the walk early when the client went away or the server stops. */
    @Override
    public void close() throws IOException {
        ended = true;
        chunk = new byte[0];
        position = 0;
        pages.close();
    }
}
