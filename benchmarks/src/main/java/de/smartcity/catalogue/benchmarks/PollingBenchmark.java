package de.smartcity.catalogue.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import de.smartcity.catalogue.model.AddressGuard;
import de.smartcity.catalogue.model.AllowList;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.routes.IngestErrorHandling;
import de.smartcity.catalogue.routes.IngestRoutes;
import de.smartcity.catalogue.routes.IngestSteps;
import de.smartcity.catalogue.routes.SourceRegistry;
import de.smartcity.catalogue.routes.PollingSteps;
import de.smartcity.catalogue.routes.ProjectCatalogue;
import de.smartcity.catalogue.routes.fetch.BodyReader;
import de.smartcity.catalogue.routes.fetch.FetchSettings;
import de.smartcity.catalogue.routes.index.ElasticsearchClients;
import de.smartcity.catalogue.routes.index.ItemIndex;
import de.smartcity.catalogue.routes.index.ItemIndexer;
import de.smartcity.catalogue.routes.place.PlaceRecognizer;
import de.smartcity.catalogue.routes.poll.IngestCounters;
import de.smartcity.catalogue.routes.poll.PollingPolicy;
import de.smartcity.catalogue.routes.poll.PollingSettings;
import de.smartcity.catalogue.routes.store.CatalogueDatabase;
import de.smartcity.catalogue.routes.store.EditorialStore;
import de.smartcity.catalogue.routes.store.ItemStore;
import de.smartcity.catalogue.routes.store.ProjectStore;
import de.smartcity.catalogue.routes.store.SourceStore;
import de.smartcity.catalogue.routes.tag.ThemeTagger;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One polling cycle over many sources of which most answer 304, through the scheduler route that {@code serve} runs.
 *
 * <p>Synthetic RSS feeds are served by the JDK's HTTP server on several loopback addresses (127.0.0.1, 127.0.0.2, …),
 * so the per-host limit applies as it would to many municipal hosts; each feed has an {@code ETag} and a
 * {@code Last-Modified} and answers a matching {@code If-None-Match} with 304. The ingest routes run exactly as in
 * {@code serve} (scheduler route, SEDA pollers, per-host permits, default {@link PollingSettings}), on an H2 file
 * database; Elasticsearch is not involved (indexing is a separate route and not part of a poll).
 *
 * <p>The schedule lives in the database and follows a clock the harness moves: the cold cycle polls every source
 * for the first time (all 200, every item new); then each round changes a share of the feeds (one new story each),
 * moves the clock past every source's next poll and measures the wall time until every source has been polled once
 * more: the changed ones answer 200 and are parsed and stored, all others answer 304. The time includes the wait for
 * the scheduler's next tick (up to 1 s).
 *
 * <p>Options (system properties): {@code bench.sources} (1000), {@code bench.hosts} (20), {@code bench.changed}
 * (0.05), {@code bench.items} (20 stories per feed), {@code bench.rounds} (5). Run it with {@code -Xmx512m}: the
 * heap figures are the largest heap in use seen while polling (sampled every 10 ms) and the JVM's own peak.
 */
public final class PollingBenchmark {
    private static final PrintStream OUT = System.out;
    private static final Duration INTERVAL = Duration.ofMinutes(30);
    private static final double TARGET_SECONDS = 30;
    private static final long TARGET_HEAP_BYTES = 512L * 1024 * 1024;

    /** One cycle: {@code seconds} of wall time; heap in MB. */
    record Cycle(String name, long polls, long notModified, long fetchedInFull, long itemsStored, double seconds,
                 double maxHeapMb, long gcCount, double otherCores) {
    }

    private PollingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sourceCount = Integer.getInteger("bench.sources", 1000);
        int hostCount = Integer.getInteger("bench.hosts", 20);
        double changedShare = Double.parseDouble(System.getProperty("bench.changed", "0.05"));
        int itemsPerFeed = Integer.getInteger("bench.items", 20);
        int rounds = Integer.getInteger("bench.rounds", 5);

        Path dir = Files.createTempDirectory("catalogue-bench-polling-");
        SteppedClock clock = new SteppedClock(Instant.parse("2026-11-24T09:00:00Z"));
        HeapWatch heap = HeapWatch.start();
        List<Cycle> cycles = new ArrayList<>();
        try (Feeds feeds = new Feeds(hostCount, itemsPerFeed);
             HikariDataSource database = CatalogueDatabase.open("jdbc:h2:file:" + dir.resolve("catalogue").toAbsolutePath(), "", "")) {
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < sourceCount; i++) {
                sources.add(new Source("quelle-%04d".formatted(i), "Kaiserslautern", feeds.add("quelle-%04d".formatted(i), i),
                        SourceKind.RSS, INTERVAL, null));
            }
            ItemStore itemStore = new ItemStore(database, CatalogueJson.mapper());
            SourceStore sourceStore = new SourceStore(database);
            ProjectStore projectStore = new ProjectStore(database, CatalogueJson.mapper());
            sourceStore.register(sources);
            IngestCounters counters = new IngestCounters(clock.instant());
            // The benchmark's feeds are served on loopback, which production refuses.
            FetchSettings fetch = FetchSettings.defaults().withAddressGuard(AddressGuard.allowing(AllowList.parse("127.0.0.1")));
            PollingSettings settings = PollingSettings.defaults();
            IngestSteps steps = new IngestSteps(SourceRegistry.of(sources), new BodyReader(fetch.maxBytes()), fetch.maxRedirects(),
                    PlaceRecognizer.withBundledGazetteer(), new ThemeTagger(Taxonomy.bundled()), itemStore,
                    new ProjectCatalogue(List.of(), projectStore, clock),
                    new PollingSteps(sourceStore, new PollingPolicy(settings), counters, clock), clock);
            var unusedElasticsearch = ElasticsearchClients.create("http://127.0.0.1:1", CatalogueJson.mapper());
            ItemIndexer indexer = new ItemIndexer(new ItemIndex(unusedElasticsearch, clock), itemStore, projectStore,
                    new EditorialStore(database, CatalogueJson.mapper()));

            System.err.printf("%d sources on %d hosts, %d stories per feed, %.0f %% changing per round; max heap %d MB%n",
                    sourceCount, hostCount, itemsPerFeed, changedShare * 100, Runtime.getRuntime().maxMemory() >> 20);
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.addRoutes(new IngestErrorHandling(steps));
                camel.addRoutes(new IngestRoutes(steps, indexer, fetch, true, Optional.empty()));
                // The clock does not move before the cycle starts, so nothing is due until the harness says so.
                cycles.add(cycle("cold (all new)", feeds, counters, itemStore, heap, sourceCount, camel::start));
                Random random = new Random(20261124L);
                for (int round = 1; round <= rounds; round++) {
                    List<Integer> changed = random.ints(0, sourceCount).distinct()
                            .limit(Math.round(sourceCount * changedShare)).boxed().toList();
                    changed.forEach(feeds::change);
                    Cycle cycle = cycle("round " + round, feeds, counters, itemStore, heap, sourceCount,
                            () -> clock.advance(INTERVAL.multipliedBy(settings.maxStretch()).plusMinutes(1)));
                    cycles.add(cycle);
                    System.err.printf("%s: %.2f s, %d × 304, %d × 200, max heap %.0f MB%n", cycle.name(), cycle.seconds(),
                            cycle.notModified(), cycle.fetchedInFull(), cycle.maxHeapMb());
                }
            } finally {
                unusedElasticsearch._transport().close();
            }
        } finally {
            heap.stop();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        report(cycles, sourceCount, hostCount, changedShare, heap);
    }

    /** Runs {@code start} and waits until every source has been polled once more. */
    private static Cycle cycle(String name, Feeds feeds, IngestCounters counters, ItemStore itemStore, HeapWatch heap,
                               int sourceCount, ThrowingRunnable start) throws Exception {
        System.gc();
        long fetchesBefore = counters.snapshot(0).fetches();
        long notModifiedBefore = feeds.notModified.get();
        long fullBefore = feeds.fullAnswers.get();
        long itemsBefore = counters.snapshot(0).itemsStored();
        long gcBefore = gcCount();
        heap.reset();
        OtherCpu others = OtherCpu.start();
        long begin = System.nanoTime();
        start.run();
        while (counters.snapshot(0).fetches() - fetchesBefore < sourceCount) {
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (counters.snapshot(0).failures() > 0) {
            throw new IllegalStateException(counters.snapshot(0).failures() + " polls failed; see the log");
        }
        long requests = feeds.notModified.get() - notModifiedBefore + feeds.fullAnswers.get() - fullBefore;
        if (requests != sourceCount) {
            throw new IllegalStateException(requests + " requests for " + sourceCount + " sources: a source was polled twice");
        }
        return new Cycle(name, sourceCount, feeds.notModified.get() - notModifiedBefore, feeds.fullAnswers.get() - fullBefore,
                counters.snapshot(0).itemsStored() - itemsBefore, seconds, heap.maxSinceReset() / 1048576.0,
                gcCount() - gcBefore, others.cores());
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static void report(List<Cycle> cycles, int sources, int hosts, double changedShare, HeapWatch heap) {
        MarkdownTable table = new MarkdownTable("cycle", "polls", "304", "200 (parsed, stored)", "items stored", "seconds",
                "max heap used (MB)", "GCs", "other processes' CPU (cores)");
        cycles.forEach(cycle -> table.row(cycle.name(), cycle.polls(), cycle.notModified(), cycle.fetchedInFull(),
                cycle.itemsStored(), cycle.seconds(), cycle.maxHeapMb(), cycle.gcCount(), cycle.otherCores()));
        List<Cycle> warm = cycles.subList(1, cycles.size());
        double medianSeconds = Statistics.median(warm.stream().map(Cycle::seconds).toList());
        double maxHeapMb = cycles.stream().mapToDouble(Cycle::maxHeapMb).max().orElse(0);
        OUT.printf("Polling %,d sources on %d hosts, %.0f %% changed per cycle, -Xmx%d MB, %d cores, Java %s%n%n", sources,
                hosts, changedShare * 100, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        table.print(OUT);
        new MarkdownTable("measure", "target", "measured", "verdict")
                .row("one cycle, " + Math.round((1 - changedShare) * 100) + " % answering 304 (median of " + warm.size() + ")",
                        "≤ 30 s", MarkdownTable.format(medianSeconds) + " s", MarkdownTable.verdict(medianSeconds <= TARGET_SECONDS))
                .row("largest heap in use while polling (sampled every 10 ms)", "< 512 MB",
                        MarkdownTable.format(maxHeapMb) + " MB", MarkdownTable.verdict(maxHeapMb * 1048576 < TARGET_HEAP_BYTES))
                .row("JVM's peak heap (sum of pool peaks)", "< 512 MB", MarkdownTable.format(heap.jvmPeakBytes() / 1048576.0) + " MB",
                        MarkdownTable.verdict(heap.jvmPeakBytes() < TARGET_HEAP_BYTES))
                .row("peak live threads", "bounded", String.valueOf(ManagementFactory.getThreadMXBean().getPeakThreadCount()), "")
                .print(OUT);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A clock that stands still until the harness moves it: the schedule in the database follows it. */
    private static final class SteppedClock extends Clock {
        private volatile Instant now;

        SteppedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Samples the heap in use every 10 ms on a daemon thread. */
    private static final class HeapWatch {
        private final AtomicLong max = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapWatch() {
            sampler = new Thread(() -> {
                while (running) {
                    max.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            sampler.setDaemon(true);
        }

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.sampler.start();
            return watch;
        }

        void reset() {
            max.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        long maxSinceReset() {
            return max.get();
        }

        long jvmPeakBytes() {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        }

        void stop() {
            running = false;
            sampler.interrupt();
        }
    }

    /**
     * The feeds, served from memory by one JDK HTTP server per loopback address. A feed's version is its ETag;
     * {@link #change} puts a new story on top.
     */
    private static final class Feeds implements AutoCloseable {
        private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        private static final Instant NEWEST = Instant.parse("2026-11-20T08:00:00Z");
        private static final List<String> TITLES = List.of("Neue Parkscheinautomaten in der Innenstadt",
                "Sensoren melden freie Stellplätze am Bahnhof", "Glasfaserausbau erreicht weitere Ortsteile",
                "Winterdienst startet mit digitaler Streuplanung", "Füllstandssensoren an Altglascontainern",
                "Smarte Straßenlaternen dimmen nachts", "Bürgerportal bietet neue Online-Dienste",
                "Digitale Anwohnerparkausweise ab Dezember", "Ladesäulen am Rathausplatz in Betrieb",
                "Open-Data-Portal veröffentlicht Verkehrszählungen");
        final AtomicLong notModified = new AtomicLong();
        final AtomicLong fullAnswers = new AtomicLong();
        private final List<HttpServer> servers = new ArrayList<>();
        private final ExecutorService workers = Executors.newFixedThreadPool(8);
        private final List<Feed> feeds = new ArrayList<>();
        private final int itemsPerFeed;

        private record Feed(String id, AtomicInteger version) {
        }

        Feeds(int hosts, int itemsPerFeed) throws IOException {
            this.itemsPerFeed = itemsPerFeed;
            for (int h = 0; h < hosts; h++) {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + (h + 1)), 0), 128);
                server.createContext("/feeds/", this::answer);
                server.setExecutor(workers);
                server.start();
                servers.add(server);
            }
        }

        /** Registers feed number {@code n}; its URL is on host {@code n mod hosts}. */
        URI add(String id, int n) {
            feeds.add(new Feed(id, new AtomicInteger(1)));
            InetSocketAddress address = servers.get(n % servers.size()).getAddress();
            return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/feeds/" + n + ".xml");
        }

        void change(int n) {
            feeds.get(n).version().incrementAndGet();
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                String name = exchange.getRequestURI().getPath().substring("/feeds/".length());
                int n = Integer.parseInt(name.substring(0, name.length() - ".xml".length()));
                Feed feed = feeds.get(n);
                int version = feed.version().get();
                String etag = "\"" + feed.id() + "-v" + version + "\"";
                String lastModified = HTTP_DATE.format(NEWEST.plus(Duration.ofHours(version)));
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.getResponseHeaders().set("Last-Modified", lastModified);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    notModified.incrementAndGet();
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] body = rss(feed, version);
                fullAnswers.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=UTF-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        /** The newest {@code itemsPerFeed} stories: version v carries stories v … v + items − 1, newest first. */
        private byte[] rss(Feed feed, int version) {
            StringBuilder xml = new StringBuilder(itemsPerFeed * 600);
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                    .append("<title>Pressemitteilungen ").append(feed.id()).append("</title>")
                    .append("<link>https://www.kaiserslautern.de/presse</link><description>Meldungen</description>");
            for (int story = version + itemsPerFeed - 1; story >= version; story--) {
                String title = TITLES.get(Math.floorMod(feed.id().hashCode() + story, TITLES.size())) + " (" + story + ")";
                String link = "https://www.kaiserslautern.de/presse/" + feed.id() + "/meldung-" + story + ".html";
                xml.append("<item><title>").append(title).append("</title><link>").append(link).append("</link>")
                        .append("<guid isPermaLink=\"false\">").append(feed.id()).append('-').append(story).append("</guid>")
                        .append("<pubDate>").append(HTTP_DATE.format(NEWEST.minus(Duration.ofDays(40)).plus(Duration.ofHours(story))))
                        .append("</pubDate><description><![CDATA[<p>Die Stadt Kaiserslautern informiert: ").append(title)
                        .append(". Das Projekt ist Teil der Smart-City-Strategie und wird aus dem Förderprogramm ")
                        .append("„Modellprojekte Smart Cities“ unterstützt. Weitere Informationen gibt es im Bürgerbüro.</p>]]>")
                        .append("</description></item>");
            }
            xml.append("</channel></rss>\n");
            return xml.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            servers.forEach(server -> server.stop(0));
            workers.shutdownNow();
        }
    }
}
