package de.smartcity.catalogue.benchmarks;

import de.smartcity.catalogue.app.Catalogue;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.routes.IngestSteps;
import de.smartcity.catalogue.routes.index.ItemIndex;
import de.smartcity.catalogue.routes.normalise.ItemNormaliser;
import de.smartcity.catalogue.routes.parse.FeedEntry;
import de.smartcity.catalogue.routes.parse.FeedParser;
import de.smartcity.catalogue.routes.place.PlaceRecognizer;
import de.smartcity.catalogue.routes.store.Sighting;
import de.smartcity.catalogue.routes.tag.ThemeTagger;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each ingest step costs: the steps of the ingest route called one after the other on one thread, over the same
 * feeds (already fetched), into a fresh database; then the two ways the app sends the stored items to Elasticsearch.
 */
final class StageProfile {
    /** One step; {@code seconds} for all items. */
    record Stage(String name, double seconds, boolean ingestStep) {
    }

    private StageProfile() {
    }

    static List<Stage> run(Workspace workspace, ItemIndex node, List<SyntheticNews.Feed> feeds, Map<String, byte[]> rss)
            throws Exception {
        List<Source> sources = feeds.stream().map(SyntheticNews.Feed::source).toList();
        try (Catalogue catalogue = workspace.openFresh("stages", node, sources)) {
            FeedParser parser = new FeedParser();
            ItemNormaliser normaliser = new ItemNormaliser();
            PlaceRecognizer places = PlaceRecognizer.withBundledGazetteer();
            ThemeTagger tagger = new ThemeTagger(catalogue.taxonomy());
            Instant now = Instant.now();
            long[] nanos = new long[5];
            for (SyntheticNews.Feed feed : feeds) {
                Source source = feed.source();
                long start = System.nanoTime();
                List<FeedEntry> entries = parser.parse(rss.get(source.id() + ".xml"), FeedServer.CONTENT_TYPE);
                long parsed = System.nanoTime();
                List<Sighting> sightings = normaliser.normalise(source, source.url(), entries, now);
                long normalised = System.nanoTime();
                List<NewsItem> placed = sightings.stream().map(sighting -> places.place(sighting.item(), source)).toList();
                long placedAt = System.nanoTime();
                List<Sighting> tagged = new ArrayList<>();
                for (int i = 0; i < sightings.size(); i++) {
                    tagged.add(IngestSteps.withThemes(sightings.get(i), tagger.tagAnalysed(placed.get(i))));
                }
                long taggedAt = System.nanoTime();
                catalogue.itemStore().upsert(tagged, now);
                long stored = System.nanoTime();
                nanos[0] += parsed - start;
                nanos[1] += normalised - parsed;
                nanos[2] += placedAt - normalised;
                nanos[3] += taggedAt - placedAt;
                nanos[4] += stored - taggedAt;
            }
            long start = System.nanoTime();
            catalogue.indexer().indexPending();
            catalogue.itemIndex().refresh();
            long indexed = System.nanoTime();
            catalogue.indexer().reindex();
            long reindexed = System.nanoTime();
            return List.of(
                    new Stage("parse (ROME)", nanos[0] / 1e9, true),
                    new Stage("normalise", nanos[1] / 1e9, true),
                    new Stage("place (gazetteer)", nanos[2] / 1e9, true),
                    new Stage("tag (ThemeTagger, and the story words for merging)", nanos[3] / 1e9, true),
                    new Stage("store (ItemStore.upsert, H2)", nanos[4] / 1e9, true),
                    new Stage("index: ItemIndexer.indexPending + refresh", (indexed - start) / 1e9, false),
                    new Stage("index: ItemIndexer.reindex (same bulk path, no pending query, no markIndexed)",
                            (reindexed - indexed) / 1e9, false));
        }
    }

    static void print(List<Stage> stages, long items, PrintStream out) {
        double ingestSteps = stages.stream().filter(Stage::ingestStep).mapToDouble(Stage::seconds).sum();
        out.printf("### Stage profile: %,d items, one thread, warm JVM%n%n", items);
        MarkdownTable table = new MarkdownTable("step", "s", "µs per item", "share of fetch→store steps");
        for (Stage stage : stages) {
            table.row(stage.name(), stage.seconds(), stage.seconds() * 1e6 / items,
                    stage.ingestStep() ? MarkdownTable.format(100 * stage.seconds() / ingestSteps) + " %" : "–");
        }
        table.print(out);
    }
}
