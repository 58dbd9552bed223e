package de.smartcity.catalogue.search.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExportStreamTest {
    private static final List<CsvRows.Column<String>> COLUMNS = List.of(
            new CsvRows.Column<>("title", title -> title),
            new CsvRows.Column<>("length", title -> String.valueOf(title.length())));

    /** Pages handed out one by one, counting how many were asked for and whether the walk was closed. */
    private static class CountingPages implements ExportStream.Pages<String> {
        private final Deque<List<String>> pages;
        int fetched;
        boolean closed;

        CountingPages(List<List<String>> pages) {
            this.pages = new ArrayDeque<>(pages);
        }

        @Override
        public List<String> next() {
            fetched++;
            return pages.isEmpty() ? List.of() : pages.poll();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void fetchesTheNextPageOnlyWhenTheBytesBeforeItHaveBeenRead() throws IOException {
        CountingPages pages = new CountingPages(List.of(List.of("a", "b"), List.of("c"), List.of("d")));

        ExportStream<String> stream = ExportStream.start(pages, new CsvRows<>(COLUMNS));

        assertThat(pages.fetched).as("the first page, before anything is sent").isEqualTo(1);
        byte[] first = stream.readNBytes(3 + "title,length\r\na,1\r\nb,1\r\n".length());
        assertThat(pages.fetched).isEqualTo(1);
        assertThat(new String(first, 3, first.length - 3, StandardCharsets.UTF_8)).isEqualTo("title,length\r\na,1\r\nb,1\r\n");
        assertThat(stream.read()).isEqualTo('c');
        assertThat(pages.fetched).isEqualTo(2);
        assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(",1\r\nd,1\r\n");
        assertThat(pages.closed).isTrue();
        assertThat(stream.read()).isEqualTo(-1);
    }

    @Test
    void writesCsvInUtf8WithAByteOrderMark() throws IOException {
        byte[] csv = ExportStream.start(new CountingPages(List.of(List.of("Straße"))), new CsvRows<>(COLUMNS)).readAllBytes();

        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).isEqualTo("title,length\r\nStraße,6\r\n");
    }

    @Test
    void writesJsonAsOneArrayWithAnElementPerLine() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> titles = IntStream.range(0, 1200).mapToObj(i -> "Meldung " + i).toList();
        List<List<String>> pages = List.of(titles.subList(0, 500), titles.subList(500, 1000), titles.subList(1000, 1200));

        String body = new String(ExportStream.start(new CountingPages(pages), new JsonRows<String>(json)).readAllBytes(),
                StandardCharsets.UTF_8);

        JsonNode array = json.readTree(body);
        assertThat(array.size()).isEqualTo(1200);
        assertThat(array.get(1199).asText()).isEqualTo("Meldung 1199");
        assertThat(body.lines()).hasSize(1202);
    }

    @Test
    void anEmptyExportIsAnEmptyArrayOrAHeaderRow() throws IOException {
        assertThat(new String(ExportStream.start(new CountingPages(List.of()), new JsonRows<String>(new ObjectMapper()))
                .readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("[\n]\n");
        byte[] csv = ExportStream.start(new CountingPages(List.of()), new CsvRows<>(COLUMNS)).readAllBytes();
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).isEqualTo("title,length\r\n");
    }

    @Test
    void closesTheWalkWhenTheFirstPageFailsAndWhenTheClientStopsEarly() throws IOException {
        CountingPages failing = new CountingPages(List.of()) {
            @Override
            public List<String> next() {
                throw new IllegalStateException("index unreachable");
            }
        };
        assertThatThrownBy(() -> ExportStream.start(failing, new CsvRows<>(COLUMNS))).hasMessage("index unreachable");
        assertThat(failing.closed).isTrue();

        CountingPages pages = new CountingPages(List.of(List.of("a"), List.of("b")));
        ExportStream<String> stream = ExportStream.start(pages, new CsvRows<>(COLUMNS));
        stream.close();
        assertThat(pages.closed).isTrue();
        assertThat(stream.read()).isEqualTo(-1);
    }
}
