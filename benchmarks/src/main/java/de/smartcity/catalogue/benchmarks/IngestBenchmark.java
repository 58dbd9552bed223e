package de.smartcity.catalogue.benchmarks;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import de.smartcity.catalogue.app.Catalogue;
import de.smartcity.catalogue.app.IngestOnce;
import de.smartcity.catalogue.app.Setting;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.routes.IngestOutcome;
import de.smartcity.catalogue.routes.index.ItemDocument;
import de.smartcity.catalogue.routes.index.ItemIndex;
import de.smartcity.catalogue.routes.store.UpsertResult;
import de.smartcity.catalogue.routes.store.Review;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * End-to-end ingest throughput against the raw Elasticsearch bulk rate.
 *
 * <p>Synthetic RSS feeds are served over local HTTP, each publisher on its own loopback address ({@link FeedServer}):
 * the sources of one city share a host, each portal has its own. One local Elasticsearch node, started by {@code Catalogue.open},
 * serves the whole run. Each round opens the app on a fresh data directory (new H2 file) with a fresh index, runs
 * every source once through the ingest route as {@code ingest --once} does, indexes everything pending and refreshes:
 * the end-to-end time. It then bulk-loads the same documents, built by {@code ItemDocument.of}, straight into a
 * fresh index made from the same template: the raw rate. Both start on a node without running merges. Round 0 warms
 * up both JVMs and is not counted. Finally {@link StageProfile} times each step on its own.
 *
 * <p>Options (system properties): {@code bench.rounds} (5), {@code bench.sources} (200), {@code bench.items}
 * (100 per source).
 */
public final class IngestBenchmark {
    private static final PrintStream OUT = System.out;
    /** A round during which other processes used less CPU than this counts as quiet. */
    private static final double QUIET_CORES = 0.25;

    /**
     * One round; times in seconds; {@code endToEndCpu} and {@code rawBulkCpu}: CPU seconds this JVM (app and feed
     * server) and the node used for each; {@code otherCores}: CPU other processes used meanwhile (see {@link OtherCpu}).
     */
    record Round(int number, long items, double fetchToStore, double index, double rawBulk, double endToEndCpu,
                 double rawBulkCpu, double otherCores) {
        double endToEnd() {
            return fetchToStore + index;
        }

        double endToEndRate() {
            return items / endToEnd();
        }

        double rawRate() {
            return items / rawBulk;
        }

        double ratio() {
            return endToEndRate() / rawRate();
        }

        /** The ratio if both runs had the CPU to themselves and used it fully: the raw load's CPU over the run's. */
        double cpuRatio() {
            return rawBulkCpu / endToEndCpu;
        }
    }

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 5);
        if (rounds < 1) {
            throw new IllegalArgumentException("bench.rounds must be at least 1: the medians are over counted rounds, "
                    + "which follow the warm-up round; was " + rounds);
        }
        int sourceCount = Integer.getInteger("bench.sources", 200);
        int itemsPerSource = Integer.getInteger("bench.items", 100);
        long items = (long) sourceCount * itemsPerSource;
        // The feeds are served on loopback addresses, which the app refuses to fetch from unless allowed.
        System.setProperty(Setting.SOURCE_ALLOW.systemProperty(), FeedServer.NETWORK);
        List<Round> results = new ArrayList<>();
        List<StageProfile.Stage> stages;
        int hosts;
        try (FeedServer server = new FeedServer();
             Workspace workspace = Workspace.create("ingest")) {
            List<SyntheticNews.Feed> feeds = SyntheticNews.feeds(sourceCount, itemsPerSource, server::base);
            hosts = server.hosts();
            Map<String, byte[]> rss = feeds.stream()
                    .collect(Collectors.toMap(feed -> feed.source().id() + ".xml", SyntheticNews::rss));
            server.serve(rss);
            List<Source> sources = feeds.stream().map(SyntheticNews.Feed::source).toList();
            try (Catalogue node = Catalogue.open(List.of())) {
                for (int round = 0; round <= rounds; round++) {
                    Round result = round(workspace, node.itemIndex(), round, sources, items);
                    System.err.printf("round %d: %.0f items/s end-to-end, %.0f items/s raw bulk%n",
                            round, result.endToEndRate(), result.rawRate());
                    results.add(result);
                }
                stages = StageProfile.run(workspace, node.itemIndex(), feeds, rss);
            }
        }
        print(results, sourceCount, itemsPerSource, hosts);
        StageProfile.print(stages, items, OUT);
    }

    /**
     * @param node the catalogue that started the node; its alias tells which index the previous round left behind
     */
    private static Round round(Workspace workspace, ItemIndex node, int number, List<Source> sources, long expected)
            throws Exception {
        try (Catalogue catalogue = workspace.openFresh("round-" + number, node, sources)) {
            awaitNoMerges(node.client());
            OtherCpu others = OtherCpu.start();
            long start = System.nanoTime();
            List<IngestOutcome> outcomes = IngestOnce.ingest(catalogue, sources);
            long stored = System.nanoTime();
            catalogue.indexer().indexPending();
            catalogue.itemIndex().refresh();
            long done = System.nanoTime();
            double endToEndCpu = others.ourCpuSeconds();

            List<String> failures = outcomes.stream().filter(outcome -> !outcome.succeeded())
                    .map(outcome -> outcome.sourceId() + ": " + outcome.error()).toList();
            // Every report is stored, either as an item or merged into the item of the same story.
            long inserted = outcomes.stream().flatMap(outcome -> outcome.stored().stream()).mapToLong(UpsertResult::inserted).sum();
            long merged = outcomes.stream().flatMap(outcome -> outcome.stored().stream()).mapToLong(UpsertResult::merged).sum();
            long count = catalogue.itemStore().count();
            // Whether indexed alongside ingesting or after it: nothing may be left pending.
            long pending = catalogue.itemStore().countNotYetIndexed();
            long searchable = catalogue.itemIndex().client().count(request -> request.index(ItemIndex.ALIAS)).count();
            if (!failures.isEmpty() || inserted + merged != expected || count != inserted || pending != 0
                    || searchable != count) {
                throw new IllegalStateException(("Round %d: expected %d reports, %d new and %d merged; stored %d, "
                        + "still pending %d, searchable %d; failed sources: %s").formatted(number, expected, inserted,
                        merged, count, pending, searchable, failures));
            }
            List<ItemDocument> documents = documents(catalogue);
            OtherCpu rawCpu = OtherCpu.start();
            double rawBulk = rawBulkLoad(catalogue.itemIndex(), documents);
            return new Round(number, count, seconds(stored - start), seconds(done - stored), rawBulk, endToEndCpu,
                    rawCpu.ourCpuSeconds(), others.cores());
        }
    }

    /** The documents the indexer sends, built before the clock starts; synthetic news name no project. */
    private static List<ItemDocument> documents(Catalogue catalogue) throws Exception {
        List<ItemDocument> documents = new ArrayList<>();
        catalogue.itemStore().forEachItem(1000, page -> page.forEach(versioned ->
                documents.add(ItemDocument.of(versioned.item(), List.of(), Review.NONE))));
        return documents;
    }

    /**
     * Bulk-loads the documents into a fresh index made from the same template, with the indexer's batch size and
     * concurrency, until refreshed; returns the seconds taken.
     */
    private static double rawBulkLoad(ItemIndex itemIndex, List<ItemDocument> documents) throws Exception {
        ElasticsearchClient client = itemIndex.client();
        String index = itemIndex.createNextIndex();
        awaitNoMerges(client);
        long start = System.nanoTime();
        try (BulkIngester<Void> ingester = BulkIngester.of(builder -> builder.client(client)
                .maxOperations(1000).maxConcurrentRequests(1))) {
            for (ItemDocument document : documents) {
                ingester.add(operation -> operation.index(doc -> doc.index(index)
                        .id(document.item().id()).document(document)));
            }
        }
        client.indices().refresh(request -> request.index(index));
        long done = System.nanoTime();
        long count = client.count(request -> request.index(index)).count();
        if (count != documents.size()) {
            throw new IllegalStateException("Raw bulk load: " + count + " of " + documents.size() + " documents in " + index);
        }
        client.indices().delete(request -> request.index(index));
        return seconds(done - start);
    }

    /** Waits (up to a minute) until the node merges no segments, so no measurement pays for the one before. */
    private static void awaitNoMerges(ElasticsearchClient client) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (client.indices().stats(request -> request.metric("merge")).all().total().merges().current() > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void print(List<Round> all, int sources, int itemsPerSource, int hosts) {
        List<Round> counted = all.subList(1, all.size());
        OUT.printf("## Ingest: %d sources × %d items from %d hosts, %d counted round(s) after a warm-up round%n%n",
                sources, itemsPerSource, hosts, counted.size());
        MarkdownTable table = new MarkdownTable("round", "items", "fetch→store s", "index s", "end-to-end s",
                "end-to-end items/s", "raw bulk s", "raw bulk items/s", "ratio", "end-to-end CPU s", "raw bulk CPU s",
                "CPU ratio", "other processes (cores)");
        for (Round round : all) {
            table.row(round.number() == 0 ? "0 (warm-up)" : round.number(), round.items(), round.fetchToStore(),
                    round.index(), round.endToEnd(), round.endToEndRate(), round.rawBulk(), round.rawRate(), round.ratio(),
                    round.endToEndCpu(), round.rawBulkCpu(), round.cpuRatio(), round.otherCores());
        }
        table.row("**median**", counted.getFirst().items(), median(counted, Round::fetchToStore),
                median(counted, Round::index), median(counted, Round::endToEnd), median(counted, Round::endToEndRate),
                median(counted, Round::rawBulk), median(counted, Round::rawRate), median(counted, Round::ratio),
                median(counted, Round::endToEndCpu), median(counted, Round::rawBulkCpu), median(counted, Round::cpuRatio),
                median(counted, Round::otherCores));
        List<Round> quiet = counted.stream().filter(round -> round.otherCores() < QUIET_CORES).toList();
        if (!quiet.isEmpty() && quiet.size() < counted.size()) {
            table.row("median of the %d quiet round(s)".formatted(quiet.size()), quiet.getFirst().items(),
                    median(quiet, Round::fetchToStore), median(quiet, Round::index), median(quiet, Round::endToEnd),
                    median(quiet, Round::endToEndRate), median(quiet, Round::rawBulk), median(quiet, Round::rawRate),
                    median(quiet, Round::ratio), median(quiet, Round::endToEndCpu), median(quiet, Round::rawBulkCpu),
                    median(quiet, Round::cpuRatio), median(quiet, Round::otherCores));
        }
        table.print(OUT);
        double rate = median(counted, Round::endToEndRate);
        double ratio = median(counted, Round::ratio);
        OUT.printf("- end-to-end ≥ 1,000 items/s: %s (median %s items/s)%n", MarkdownTable.verdict(rate >= 1000),
                MarkdownTable.format(rate));
        OUT.printf("- end-to-end ≥ 0.4 × raw bulk: %s (median ratio %s)%n%n", MarkdownTable.verdict(ratio >= 0.4),
                MarkdownTable.format(ratio));
    }

    private static double median(List<Round> rounds, Function<Round, Double> value) {
        return Statistics.median(rounds.stream().map(value).toList());
    }
}
