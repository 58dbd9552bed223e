package de.smartcity.catalogue.benchmarks;

import de.smartcity.catalogue.app.Catalogue;
import de.smartcity.catalogue.app.Setting;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.search.ItemSearchService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports of 100,000 items ({@code /api/export/items.csv} and {@code .json}) from a search API whose heap is far too
 * small to hold one: the API runs in a JVM of its own ({@link ExportServer}) with {@code -Xmx} set by
 * {@code bench.heap}, on the node this benchmark loads with {@link SyntheticNews} items as {@link SearchBenchmark}
 * does. Each export is downloaded over HTTP/1.1 and counted as it arrives; the server reports the heap it used
 * meanwhile.
 *
 * <p>Options (system properties): {@code bench.rounds} (3), {@code bench.sources} (1100: their 110,000 reports make
 * about 100,000 items once near-duplicates are merged), {@code bench.items} (100 per source), {@code bench.heap}
 * ({@code 64m}).
 */
public final class ExportBenchmark {
    private static final PrintStream OUT = System.out;
    private static final List<String> EXPORTS = List.of("/api/export/items.csv", "/api/export/items.json");

    /** One download: rows and bytes received, seconds taken, and the server's heap meanwhile in bytes. */
    private record Sample(String export, long rows, long bytes, double seconds, long peakUsed, long peakLive,
                          long liveAtStart, double otherCores) {
    }

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int sourceCount = Integer.getInteger("bench.sources", 1100);
        int itemsPerSource = Integer.getInteger("bench.items", 100);
        String heap = System.getProperty("bench.heap", "64m");

        List<SyntheticNews.Feed> feeds = SyntheticNews.feeds(sourceCount, itemsPerSource, URI.create("http://127.0.0.1/feeds/"));
        List<Source> sources = feeds.stream().map(SyntheticNews.Feed::source).toList();
        try (Workspace workspace = Workspace.create("export");
             Catalogue catalogue = Catalogue.open(sources)) {
            long loadStart = System.nanoTime();
            SearchBenchmark.load(catalogue, feeds);
            long items = catalogue.itemIndex().client().count(request -> request.index(ItemSearchService.ALIAS)).count();
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.err.printf("loaded %,d items in %.1f s%n", items, loadSeconds);

            int port = Workspace.freePort();
            Process server = startServer(workspace, heap, port);
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                 BufferedReader replies = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter commands = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8)) {
                awaitLine(replies, "ready");
                List<Sample> samples = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    for (String export : EXPORTS) {
                        Sample sample = download(http, port, export, commands, replies);
                        System.err.printf("round %d, %s: %,d rows in %.1f s, peak heap %.1f MB used, %.1f MB live%n",
                                round, export, sample.rows(), sample.seconds(), mb(sample.peakUsed()), mb(sample.peakLive()));
                        if (sample.rows() != items) {
                            throw new IllegalStateException(export + " gave " + sample.rows() + " rows for " + items + " items");
                        }
                        samples.add(sample);
                    }
                }
                print(items, loadSeconds, heap, sourceCount, itemsPerSource, rounds, samples);
            } finally {
                server.destroy();
                server.waitFor();
            }
        }
    }

    /** {@link ExportServer} in a JVM of its own, on this benchmark's node, with its own empty data directory. */
    private static Process startServer(Workspace workspace, String heap, int port) throws IOException {
        Path dataDir = workspace.newDirectory("server");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx" + heap, "-XX:+UseSerialGC",
                "-D" + Setting.ES_URL.systemProperty() + "=" + workspace.elasticsearchUrl(),
                "-D" + Setting.DATA_DIR.systemProperty() + "=" + dataDir,
                "-D" + Setting.DB_URL.systemProperty() + "=",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), ExportServer.class.getName(), String.valueOf(port))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static Sample download(HttpClient http, int port, String export, PrintWriter commands, BufferedReader replies)
            throws Exception {
        commands.println("reset");
        awaitLine(replies, "ok");
        OtherCpu others = OtherCpu.start();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + export)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(export + " answered " + response.statusCode());
        }
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double otherCores = others.cores();
        commands.println("stats");
        String[] heap = awaitLine(replies, "heap ").split(" ");
        // CSV: a header row; JSON: the lines with "[" and "]".
        long rows = export.endsWith(".csv") ? lines - 1 : lines - 2;
        return new Sample(export, rows, bytes, seconds, Long.parseLong(heap[1]), Long.parseLong(heap[2]),
                Long.parseLong(heap[3]), otherCores);
    }

    private static String awaitLine(BufferedReader replies, String prefix) throws IOException {
        for (String line = replies.readLine(); line != null; line = replies.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("The export server ended without answering '" + prefix + "'");
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static void print(long items, double loadSeconds, String heap, int sources, int itemsPerSource, int rounds,
                              List<Sample> samples) {
        OUT.printf("## Export: %,d items (%d sources × %d), search API with -Xmx%s, %d round(s)%n%n", items, sources,
                itemsPerSource, heap, rounds);
        OUT.printf("Loaded and indexed in %.1f s. Each export downloaded whole over HTTP/1.1 on 127.0.0.1.%n%n", loadSeconds);
        MarkdownTable table = new MarkdownTable("export", "rows", "MB sent", "seconds", "rows/s", "MB/s",
                "server heap live before (MB)", "peak live (MB)", "peak used incl. garbage (MB)", "other processes (cores)");
        for (Sample sample : samples) {
            table.row("`" + sample.export() + "`", String.format("%,d", sample.rows()), mb(sample.bytes()), sample.seconds(),
                    sample.rows() / sample.seconds(), mb(sample.bytes()) / sample.seconds(), mb(sample.liveAtStart()),
                    mb(sample.peakLive()), mb(sample.peakUsed()), sample.otherCores());
        }
        table.print(OUT);
    }
}
