package de.smartcity.catalogue.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * RSS feeds for the fault tests from a real local HTTP server (the JDK's). Every source carries
 * {@link #ITEMS_PER_SOURCE} stories of its own, with texts far apart so that no deduplication merges two of them.
 * A held source sends its headers and the start of its feed at once, then a blank line every half second (so the
 * read timeout does not end the poll) until the test releases it: the test knows the poll is under way and decides
 * when it ends.
 */
final class FaultFeeds implements AutoCloseable {
    static final int ITEMS_PER_SOURCE = 10;
    private static final Duration DRIP = Duration.ofMillis(500);
    private static final Instant NEWEST = Instant.parse("2026-03-01T09:00:00Z");
    private static final List<String> WORDS = List.of("Ladesäulen", "Parkhaus", "Radweg", "Glasfaser", "Straßenbeleuchtung",
            "Bürgerbüro", "Wertstoffhof", "Winterdienst", "Sensoren", "Spielplatz", "Stadtbibliothek", "Feuerwehr",
            "Carsharing", "Busbahnhof", "Schulhof", "Klärwerk", "Marktplatz", "Gewerbegebiet", "Friedhof", "Sporthalle",
            "Photovoltaik", "Baumkataster", "Hochwasserschutz", "Verkehrsampel", "Bürgerhaushalt", "Musikschule",
            "Tiefgarage", "Fahrradständer", "Bauhof", "Jugendzentrum", "Stadtwerke", "Rathausplatz");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final Set<String> requested = ConcurrentHashMap.newKeySet();

    private FaultFeeds() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/feeds/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    static FaultFeeds start() throws IOException {
        return new FaultFeeds();
    }

    /** Source ids {@code prefix-01} … {@code prefix-<count>}. */
    static List<String> ids(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> "%s-%02d".formatted(prefix, n)).toList();
    }

    /** From now on, polls of these sources are held until {@link #release}d. */
    void hold(Collection<String> sourceIds) {
        sourceIds.forEach(id -> held.put(id, new CountDownLatch(1)));
    }

    /** Lets held polls of these sources finish; later polls are answered at once. */
    void release(Collection<String> sourceIds) {
        sourceIds.forEach(id -> {
            CountDownLatch gate = held.remove(id);
            if (gate != null) {
                gate.countDown();
            }
        });
    }

    /** Whether every one of these sources has been asked for its feed since the server started. */
    boolean allRequested(Collection<String> sourceIds) {
        return requested.containsAll(sourceIds);
    }

    /** A sources file polling these sources every 30 minutes. */
    Path writeSourcesFile(Path dir, Collection<String> sourceIds) throws IOException {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (String id : sourceIds) {
            yaml.append("  - id: ").append(id).append('\n')
                    .append("    url: ").append(base()).append("/feeds/").append(id).append(".rss\n")
                    .append("    interval: PT30M\n");
        }
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /** The links of every story these sources carry: what the catalogue must hold, each once. */
    List<String> itemUrls(Collection<String> sourceIds) {
        List<String> urls = new ArrayList<>();
        sourceIds.forEach(id -> IntStream.rangeClosed(1, ITEMS_PER_SOURCE).forEach(n -> urls.add(itemUrl(id, n))));
        return urls;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String itemUrl(String sourceId, int n) {
        return base() + "/news/" + sourceId + "/" + n;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/feeds/".length());
            String sourceId = name.endsWith(".rss") ? name.substring(0, name.length() - ".rss".length()) : name;
            requested.add(sourceId);
            CountDownLatch gate = held.get(sourceId);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                write(out, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <rss version="2.0"><channel><title>Pressestelle %s</title><link>%s/news/%s</link>
                        <description>Meldungen</description>
                        """.formatted(sourceId, base(), sourceId));
                while (gate != null && !gate.await(DRIP.toMillis(), TimeUnit.MILLISECONDS)) {
                    write(out, "\n");
                }
                for (int n = 1; n <= ITEMS_PER_SOURCE; n++) {
                    write(out, item(sourceId, n));
                }
                write(out, "</channel></rss>\n");
            } catch (IOException clientGone) {
                // The poller died (the tests kill it) or gave up; nothing to answer any more.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String item(String sourceId, int n) {
        // Texts far apart: each story is its own, whatever near-duplicate detection compares.
        List<String> words = new ArrayList<>(WORDS);
        Collections.shuffle(words, new Random((sourceId + "/" + n).hashCode()));
        Instant published = NEWEST.minus(Duration.ofDays(n)).minus(Duration.ofMinutes(Math.floorMod(sourceId.hashCode(), 1440)));
        return """
                <item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate>
                <description>%s</description></item>
                """.formatted(String.join(" ", words.subList(0, 4)), itemUrl(sourceId, n), sourceId + "-" + n,
                DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atOffset(ZoneOffset.UTC)),
                "Die Stadt informiert über " + String.join(", ", words.subList(4, 12)) + ".");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        held.values().forEach(CountDownLatch::countDown);
        server.stop(0);
        threads.shutdownNow();
    }
}
