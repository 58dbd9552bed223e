package de.smartcity.catalogue.benchmarks;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.app.Catalogue;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.routes.normalise.ItemNormaliser;
import de.smartcity.catalogue.routes.place.PlaceRecognizer;
import de.smartcity.catalogue.routes.store.Sighting;
import de.smartcity.catalogue.routes.tag.ThemeTagger;
import de.smartcity.catalogue.search.ItemQuery;
import de.smartcity.catalogue.search.ItemSearchService;
import de.smartcity.catalogue.search.Vocabulary;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.main.Main;

/**
 * Search latency through the API at several concurrencies, next to the same searches without HTTP and Camel.
 *
 * <p>Loads synthetic items into a fresh catalogue (normalise, place, tag, {@code ItemStore.upsert}, then the indexer),
 * starts the search API the way {@code serve} does (Camel Main, platform-http), and sends a fixed mix of queries from
 * N client threads. The same mix also goes to {@code ItemSearchService} directly ("direct") and, as the JSON body that
 * service builds, straight to Elasticsearch's {@code _search} ("raw ES"). Rounds interleave the three targets.
 *
 * <p>Options (system properties): {@code bench.rounds} (3), {@code bench.sources} (500), {@code bench.items} (100 per
 * source), {@code bench.clients} (1,8,32), {@code bench.requests} (2000 per measurement), {@code bench.warmup} (3000).
 */
public final class SearchBenchmark {
    private static final PrintStream OUT = System.out;
    /** The query mix, as a client writes the API's query string. */
    private static final List<String> QUERIES = List.of(
            "q=Parkhaus",
            "q=Winterdienst&state=Hessen",
            "theme=parking",
            "q=Müll&sort=date",
            "q=Ladesäulen&city=Frankfurt am Main",
            "theme=waste&from=2026-01-01");

    private record Target(String name, ClosedLoop.Request call) {
    }

    /** One measurement; latencies in milliseconds; {@code otherCores}: CPU other processes used meanwhile. */
    private record Sample(String target, int clients, double p50, double p99, double throughput, double otherCores) {
    }

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int sourceCount = Integer.getInteger("bench.sources", 500);
        int itemsPerSource = Integer.getInteger("bench.items", 100);
        int requests = Integer.getInteger("bench.requests", 2000);
        int warmup = Integer.getInteger("bench.warmup", 3000);
        List<Integer> clientCounts = Arrays.stream(System.getProperty("bench.clients", "1,8,32").split(","))
                .map(String::strip).map(Integer::valueOf).toList();

        List<SyntheticNews.Feed> feeds = SyntheticNews.feeds(sourceCount, itemsPerSource, URI.create("http://127.0.0.1/feeds/"));
        List<Source> sources = feeds.stream().map(SyntheticNews.Feed::source).toList();
        try (Workspace workspace = Workspace.create("search");
             Catalogue catalogue = Catalogue.open(sources)) {
            long loadStart = System.nanoTime();
            long items = load(catalogue, feeds);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            int apiPort = Workspace.freePort();
            Main api = startApi(catalogue, apiPort);
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                Vocabulary vocabulary = Vocabulary.of(catalogue.taxonomy());
                ItemSearchService direct = new ItemSearchService(catalogue.itemIndex().client(), catalogue.json(),
                        catalogue.taxonomy());
                List<String> bodies = searchBodies(catalogue, vocabulary);
                List<Target> targets = List.of(
                        new Target("API", query -> api(http, apiPort, query)),
                        new Target("direct", query -> direct.search(ItemQuery.parse(parameters(QUERIES.get(query)), vocabulary))),
                        new Target("raw ES", query -> rawSearch(http, workspace.elasticsearchUrl(), bodies.get(query))));

                printHeader(items, loadSeconds, sourceCount, itemsPerSource, requests, warmup, rounds);
                printQueryTotals(catalogue.json(), http, apiPort, direct, vocabulary, workspace.elasticsearchUrl(), bodies);

                for (Target target : targets) {
                    measure(target, 8, warmup);
                }
                List<Sample> samples = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    for (int clients : clientCounts) {
                        for (Target target : targets) {
                            Sample sample = measure(target, clients, requests);
                            System.err.printf("round %d, %s, %d client(s): p50 %.1f ms, p99 %.1f ms%n",
                                    round, target.name(), clients, sample.p50(), sample.p99());
                            samples.add(sample);
                        }
                    }
                }
                printResults(samples, clientCounts, targets);
            } finally {
                api.stop();
            }
        }
    }

    /** Stores and indexes every feed's items the way ingest would, minus fetching and parsing. */
    static long load(Catalogue catalogue, List<SyntheticNews.Feed> feeds) throws Exception {
        ItemNormaliser normaliser = new ItemNormaliser();
        PlaceRecognizer places = PlaceRecognizer.withBundledGazetteer();
        ThemeTagger tagger = new ThemeTagger(catalogue.taxonomy());
        Instant now = Instant.now();
        for (SyntheticNews.Feed feed : feeds) {
            Source source = feed.source();
            List<Sighting> sightings = normaliser.normalise(source, source.url(), feed.entries(), now).stream()
                    .map(sighting -> new Sighting(tagger.tag(places.place(sighting.item(), source)), sighting.sourceId(),
                            sighting.guid(), sighting.sourceUrl()))
                    .toList();
            catalogue.itemStore().upsert(sightings, now);
        }
        long indexed = catalogue.indexer().indexPending();
        catalogue.itemIndex().refresh();
        return indexed;
    }

    static Main startApi(Catalogue catalogue, int port) throws Exception {
        Main main = new Main();
        main.configure().withAdditionalRoutesBuilder(catalogue.searchApiRoutes());
        catalogue.routeConfigurations().forEach(main.configure()::withAdditionalRoutesBuilder);
        main.configure().withName("catalogue-search-benchmark");
        main.configure().httpServer().withEnabled(true).withHost("127.0.0.1").withPort(port);
        main.start();
        return main;
    }

    /** The JSON body {@code ItemSearchService} sends to Elasticsearch for each query of the mix. */
    private static List<String> searchBodies(Catalogue catalogue, Vocabulary vocabulary) throws Exception {
        RecordingTransport recorder = new RecordingTransport(catalogue.itemIndex().client()._transport());
        ItemSearchService recorded = new ItemSearchService(new ElasticsearchClient(recorder), catalogue.json(),
                catalogue.taxonomy());
        List<String> bodies = new ArrayList<>();
        for (String query : QUERIES) {
            recorded.search(ItemQuery.parse(parameters(query), vocabulary));
            bodies.add(recorder.lastBody());
        }
        return bodies;
    }

    private static HttpResponse<String> api(HttpClient http, int port, int query) throws Exception {
        String encoded = parameters(QUERIES.get(query)).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/items?" + encoded)).build();
        return expectOk(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpResponse<String> rawSearch(HttpClient http, String elasticsearchUrl, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(elasticsearchUrl + "/" + ItemSearchService.ALIAS
                        + "/_search?typed_keys=true"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return expectOk(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpResponse<String> expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    static Map<String, String> parameters(String queryString) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : queryString.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            parameters.put(nameAndValue[0], URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** Sends {@code requests} searches of the mix from {@code clients} threads, each as soon as its last one returned. */
    private static Sample measure(Target target, int clients, int requests) throws Exception {
        ClosedLoop.Result run = ClosedLoop.run(clients, requests, number -> target.call().send(number % QUERIES.size()));
        return new Sample(target.name(), clients, run.p50Millis(), run.p99Millis(), run.perSecond(), run.otherCores());
    }

    private static void printHeader(long items, double loadSeconds, int sources, int itemsPerSource, int requests,
                                    int warmup, int rounds) {
        OUT.printf("## Search: %,d items (%d sources × %d), %d round(s) of %,d requests per target and concurrency%n%n",
                items, sources, itemsPerSource, rounds, requests);
        OUT.printf("Loaded and indexed in %.1f s (%s items/s, normalise+place+tag+upsert+index, no fetch). "
                + "Warm-up: %,d requests per target at 8 clients.%n%n", loadSeconds, MarkdownTable.format(items / loadSeconds), warmup);
    }

    /** Every query once through each target: all three must agree on the number of hits. */
    private static void printQueryTotals(ObjectMapper json, HttpClient http, int apiPort, ItemSearchService direct,
                                         Vocabulary vocabulary, String elasticsearchUrl, List<String> bodies) throws Exception {
        MarkdownTable table = new MarkdownTable("query", "API total", "direct total", "raw ES total");
        for (int query = 0; query < QUERIES.size(); query++) {
            long viaApi = json.readTree(api(http, apiPort, query).body()).get("total").asLong();
            long viaService = direct.search(ItemQuery.parse(parameters(QUERIES.get(query)), vocabulary)).total();
            long viaRaw = json.readTree(rawSearch(http, elasticsearchUrl, bodies.get(query)).body())
                    .path("hits").path("total").path("value").asLong();
            if (viaApi != viaService || viaApi != viaRaw || viaApi == 0) {
                throw new IllegalStateException("Query " + QUERIES.get(query) + ": API " + viaApi + ", direct " + viaService
                        + ", raw " + viaRaw + " hits");
            }
            table.row("`" + QUERIES.get(query) + "`", viaApi, viaService, viaRaw);
        }
        table.print(OUT);
    }

    private static void printResults(List<Sample> samples, List<Integer> clientCounts, List<Target> targets) {
        MarkdownTable perRound = new MarkdownTable("clients", "target", "p50 ms per round", "p99 ms per round", "req/s per round",
                "other processes (cores) per round");
        MarkdownTable medians = new MarkdownTable("clients", "API p50 ms", "API p99 ms", "API req/s", "direct p50 ms",
                "direct p99 ms", "raw ES p50 ms", "raw ES p99 ms", "API p50 / direct p50");
        List<String> verdicts = new ArrayList<>();
        for (int clients : clientCounts) {
            Map<String, Sample> median = new LinkedHashMap<>();
            for (Target target : targets) {
                List<Sample> mine = samples.stream()
                        .filter(sample -> sample.clients() == clients && sample.target().equals(target.name())).toList();
                perRound.row(clients, target.name(), joined(mine, Sample::p50), joined(mine, Sample::p99),
                        joined(mine, Sample::throughput), joined(mine, Sample::otherCores));
                median.put(target.name(), new Sample(target.name(), clients, median(mine, Sample::p50),
                        median(mine, Sample::p99), median(mine, Sample::throughput), median(mine, Sample::otherCores)));
            }
            Sample api = median.get("API");
            Sample direct = median.get("direct");
            Sample raw = median.get("raw ES");
            double ratio = api.p50() / direct.p50();
            medians.row(clients, api.p50(), api.p99(), api.throughput(), direct.p50(), direct.p99(), raw.p50(), raw.p99(), ratio);
            verdicts.add("- API p50 ≤ 1.5 × direct p50 at %d client(s): %s (%s)"
                    .formatted(clients, MarkdownTable.verdict(ratio <= 1.5), MarkdownTable.format(ratio)));
            if (clients == 8) {
                verdicts.add("- API p99 < 100 ms at 8 clients: %s (%s ms)"
                        .formatted(MarkdownTable.verdict(api.p99() < 100), MarkdownTable.format(api.p99())));
            }
        }
        OUT.println("Medians over rounds:");
        OUT.println();
        medians.print(OUT);
        verdicts.forEach(OUT::println);
        OUT.println();
        OUT.println("Per round:");
        OUT.println();
        perRound.print(OUT);
    }

    private static double median(List<Sample> samples, Function<Sample, Double> value) {
        return Statistics.median(samples.stream().map(value).toList());
    }

    private static String joined(List<Sample> samples, Function<Sample, Double> value) {
        return samples.stream().map(value).map(MarkdownTable::format).collect(Collectors.joining(" / "));
    }
}
