package de.smartcity.catalogue.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.smartcity.catalogue.app.Catalogue;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.search.CompareQuery;
import de.smartcity.catalogue.search.CompareResult;
import de.smartcity.catalogue.search.CompareService;
import de.smartcity.catalogue.search.ItemSearchService;
import de.smartcity.catalogue.search.ProjectSearchService;
import de.smartcity.catalogue.search.Vocabulary;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.main.Main;

/**
 * Latency of the comparison matrix ({@code /api/compare}) over 100,000 items and 1,000 projects, three ways:
 * <ul>
 *   <li>API: as the app serves it, which keeps a matrix 30 s ({@code CompareService.KEEP});</li>
 *   <li>fresh: computed for every request by a {@code CompareService} that keeps nothing, with Elasticsearch's shard
 *       request cache on, as after a while without new items;</li>
 *   <li>cold: the same with the request cache switched off for the catalogue's indices, as right after new items
 *       were indexed: what a matrix costs from scratch.</li>
 * </ul>
 *
 * <p>Loads {@link SyntheticNews} items the way {@link SearchBenchmark} does (normalise, place, tag, upsert, index) and
 * indexes {@link SyntheticProjects} behind the {@code projects} alias, starts the search API as {@code serve} does,
 * and sends a fixed mix of comparisons from N client threads, each as soon as its last one returned. Rounds
 * interleave targets and concurrencies.
 *
 * <p>Options (system properties): {@code bench.rounds} (3), {@code bench.sources} (1100: their 110,000 reports make
 * about 100,000 items once near-duplicates are merged), {@code bench.items} (100 per
 * source), {@code bench.projects} (1000), {@code bench.clients} (1,8), {@code bench.requests} (600 per measurement),
 * {@code bench.warmup} (300).
 */
public final class CompareBenchmark {
    private static final PrintStream OUT = System.out;
    /** The comparison mix, as a client writes the query string. */
    private static final List<String> QUERIES = List.of(
            "",
            "field=Mobilität",
            "theme=parking",
            "state=Hessen&sort=name",
            "from=2026-01-01&to=2026-06-30",
            "field=Energie %26 Umwelt&from=2025-11-01");

    /** @param requestCache whether Elasticsearch's shard request cache is on while this target is measured */
    private record Target(String name, ClosedLoop.Request call, boolean requestCache) {
    }

    /** One measurement; latencies in milliseconds; {@code otherCores}: CPU other processes used meanwhile. */
    private record Sample(String target, int clients, double p50, double p99, double throughput, double otherCores) {
    }

    private CompareBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int sourceCount = Integer.getInteger("bench.sources", 1100);
        int itemsPerSource = Integer.getInteger("bench.items", 100);
        int projectCount = Integer.getInteger("bench.projects", 1000);
        int requests = Integer.getInteger("bench.requests", 600);
        int warmup = Integer.getInteger("bench.warmup", 300);
        List<Integer> clientCounts = Arrays.stream(System.getProperty("bench.clients", "1,8").split(","))
                .map(String::strip).map(Integer::valueOf).toList();

        List<SyntheticNews.Feed> feeds = SyntheticNews.feeds(sourceCount, itemsPerSource, URI.create("http://127.0.0.1/feeds/"));
        List<Source> sources = feeds.stream().map(SyntheticNews.Feed::source).toList();
        try (Workspace ignored = Workspace.create("compare");
             Catalogue catalogue = Catalogue.open(sources)) {
            long loadStart = System.nanoTime();
            long items = SearchBenchmark.load(catalogue, feeds);
            List<Project> projects = SyntheticProjects.projects(projectCount, catalogue.taxonomy());
            catalogue.projectIndex().rebuild(projects, "compare-benchmark");
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            int apiPort = Workspace.freePort();
            Main api = SearchBenchmark.startApi(catalogue, apiPort);
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                Vocabulary vocabulary = Vocabulary.of(catalogue.taxonomy());
                CompareService fresh = new CompareService(catalogue.itemIndex().client(), Duration.ZERO);
                ClosedLoop.Request afresh = query -> fresh.compare(CompareQuery.parse(parameters(query), vocabulary));
                List<Target> targets = List.of(
                        new Target("API", query -> api(http, apiPort, query), true),
                        new Target("fresh", afresh, true),
                        new Target("cold", afresh, false));

                printHeader(items, projects.size(), loadSeconds, sourceCount, itemsPerSource, requests, warmup, rounds);
                printMatrices(catalogue.json(), http, apiPort, fresh, vocabulary, projects.size());

                for (Target target : targets) {
                    measure(catalogue, target, 8, warmup);
                }
                List<Sample> samples = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    for (int clients : clientCounts) {
                        for (Target target : targets) {
                            Sample sample = measure(catalogue, target, clients, requests);
                            System.err.printf("round %d, %s, %d client(s): p50 %.1f ms, p99 %.1f ms, others %.2f cores%n",
                                    round, target.name(), clients, sample.p50(), sample.p99(), sample.otherCores());
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

    private static Map<String, String> parameters(int query) {
        String queryString = QUERIES.get(query);
        return queryString.isEmpty() ? Map.of() : SearchBenchmark.parameters(queryString);
    }

    private static HttpResponse<String> api(HttpClient http, int port, int query) throws Exception {
        String encoded = parameters(query).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/compare?" + encoded)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** Sends {@code requests} comparisons of the mix from {@code clients} threads. */
    private static Sample measure(Catalogue catalogue, Target target, int clients, int requests) throws Exception {
        requestCache(catalogue, target.requestCache());
        ClosedLoop.Result run = ClosedLoop.run(clients, requests, number -> target.call().send(number % QUERIES.size()));
        return new Sample(target.name(), clients, run.p50Millis(), run.p99Millis(), run.perSecond(), run.otherCores());
    }

    private static void requestCache(Catalogue catalogue, boolean enabled) throws Exception {
        String settings = "{\"index\": {\"requests.cache.enable\": " + enabled + "}}";
        catalogue.itemIndex().client().indices().putSettings(request -> request
                .index(ItemSearchService.ALIAS + "," + ProjectSearchService.ALIAS)
                .withJson(new StringReader(settings)));
    }

    private static void printHeader(long items, int projects, double loadSeconds, int sources, int itemsPerSource,
                                    int requests, int warmup, int rounds) {
        OUT.printf("## Compare: %,d items (%d sources × %d), %,d projects, %d round(s) of %,d requests per target and "
                + "concurrency%n%n", items, sources, itemsPerSource, projects, rounds, requests);
        OUT.printf("Loaded and indexed in %.1f s. Warm-up: %,d requests per target at 8 clients.%n%n", loadSeconds, warmup);
    }

    /** Every comparison once through the API and afresh: both must give the same matrix, with items and projects. */
    private static void printMatrices(ObjectMapper json, HttpClient http, int apiPort, CompareService fresh,
                                      Vocabulary vocabulary, int projects) throws Exception {
        MarkdownTable table = new MarkdownTable("query", "rows (cities)", "columns (themes)", "non-empty cells", "items",
                "projects", "answer KB");
        for (int query = 0; query < QUERIES.size(); query++) {
            HttpResponse<String> answer = api(http, apiPort, query);
            JsonNode viaApi = json.readTree(answer.body());
            CompareResult viaService = fresh.compare(CompareQuery.parse(parameters(query), vocabulary));
            long cells = 0;
            for (JsonNode row : viaApi.path("rows")) {
                cells += row.path("cells").size();
            }
            long items = viaApi.path("totals").path("items").asLong();
            if (items == 0 || items != viaService.totals().items() || viaApi.path("rows").size() != viaService.rows().size()
                    || viaService.totals().projects() == 0 || viaService.totals().projects() > projects) {
                throw new IllegalStateException("Comparison " + QUERIES.get(query) + ": API " + viaApi.path("totals")
                        + ", afresh " + viaService.totals());
            }
            table.row("`" + (QUERIES.get(query).isEmpty() ? "(none)" : QUERIES.get(query)) + "`", viaApi.path("rows").size(),
                    viaApi.path("columns").size(), cells, items, viaService.totals().projects(),
                    answer.body().getBytes(StandardCharsets.UTF_8).length / 1024.0);
        }
        table.print(OUT);
    }

    private static void printResults(List<Sample> samples, List<Integer> clientCounts, List<Target> targets) {
        MarkdownTable perRound = new MarkdownTable("clients", "target", "p50 ms per round", "p99 ms per round",
                "req/s per round", "other processes (cores) per round");
        MarkdownTable medians = new MarkdownTable("clients", "API p50 ms", "API p99 ms", "API req/s", "fresh p50 ms",
                "fresh p99 ms", "cold p50 ms", "cold p99 ms", "cold req/s", "other processes (cores)");
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
            Sample fresh = median.get("fresh");
            Sample cold = median.get("cold");
            medians.row(clients, api.p50(), api.p99(), api.throughput(), fresh.p50(), fresh.p99(), cold.p50(), cold.p99(),
                    cold.throughput(), Math.max(api.otherCores(), Math.max(fresh.otherCores(), cold.otherCores())));
            if (clients == 8) {
                verdicts.add("- API p99 < 150 ms at 8 clients: %s (%s ms)"
                        .formatted(MarkdownTable.verdict(api.p99() < 150), MarkdownTable.format(api.p99())));
                verdicts.add("- the same, computed afresh with the request cache on: %s (%s ms)"
                        .formatted(MarkdownTable.verdict(fresh.p99() < 150), MarkdownTable.format(fresh.p99())));
                verdicts.add("- the same, from scratch: %s (%s ms)"
                        .formatted(MarkdownTable.verdict(cold.p99() < 150), MarkdownTable.format(cold.p99())));
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
