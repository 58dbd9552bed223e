package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.ItemIds;
import de.smartcity.catalogue.model.MergedReport;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.routes.index.ElasticsearchClients;
import de.smartcity.catalogue.routes.index.ItemDocument;
import de.smartcity.catalogue.routes.index.ItemIndex;
import de.smartcity.catalogue.routes.index.ItemIndexer;
import de.smartcity.catalogue.routes.store.CatalogueDatabase;
import de.smartcity.catalogue.routes.store.EditorialStore;
import de.smartcity.catalogue.routes.store.ItemStore;
import de.smartcity.catalogue.routes.store.ProjectStore;
import de.smartcity.catalogue.routes.store.Review;
import de.smartcity.catalogue.routes.store.Sighting;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The items index on a real Elasticsearch node: across an upgrade of its template, and when it refuses an item. */
@ExtendWith(SharedElasticsearch.class)
class ItemIndexIT {

    @TempDir
    Path dataDir;

    @BeforeEach
    void withoutItemIndices() throws Exception {
        SharedElasticsearch.deleteCatalogueIndices(SharedElasticsearch.url());
    }

    @Test
    void anIndexMadeBeforeItemsHadMergedReportsTakesThemOnceTheAppStarts() throws Exception {
        ObjectMapper json = CatalogueJson.mapper();
        try (ElasticsearchClient client = ElasticsearchClients.create(SharedElasticsearch.url().toString(), json)) {
            // The index as the previous release made it: the same strict mapping, without "merged".
            ObjectNode previous = bundledIndexSettings(json);
            ((ObjectNode) previous.path("mappings").path("properties")).remove("merged");
            client.indices().create(request -> request.index("items-v20260101-000000000")
                    .withJson(new StringReader(previous.toString()))
                    .aliases(ItemIndex.ALIAS, alias -> alias.isWriteIndex(true)));
            ItemIndex index = new ItemIndex(client, Clock.systemUTC());

            index.ensureReady();

            Instant published = Instant.parse("2026-11-19T09:15:00Z");
            NewsItem item = new NewsItem("c000000000000000000000000000000000000001", "Sensoren zeigen freie Parkplätze an", "",
                    "https://www.mannheim.de/de/presse/sensoren", published, false, published, published,
                    List.of("kommune21", "mannheim-presse"), List.of(new MergedReport("kommune21",
                    "https://www.kommune21.de/meldungen/mannheim-sensoren", "Mannheim: Sensoren", 0.88, "Gleiche Meldung")),
                    null, List.of(), List.of(), "de");
            client.index(request -> request.index(ItemIndex.ALIAS).id(item.id()).document(ItemDocument.of(item, List.of(), Review.NONE)));
            ObjectNode stored = client.get(request -> request.index(ItemIndex.ALIAS).id(item.id()), ObjectNode.class).source();
            assertThat(stored.path("merged").path(0).path("source").asText()).isEqualTo("kommune21");
        }
    }

    @Test
    void anItemTheIndexRefusesStaysPendingWithoutHoldingUpTheItemsAfterIt() throws Exception {
        ObjectMapper json = CatalogueJson.mapper();
        try (ElasticsearchClient client = ElasticsearchClients.create(SharedElasticsearch.url().toString(), json);
             HikariDataSource database = CatalogueDatabase.open("jdbc:h2:file:" + dataDir.resolve("catalogue"), "", "")) {
            // Stands in for any mapping error: a summary field that takes only numbers refuses the one item
            // whose summary is words, while the items around it are accepted.
            ObjectNode settings = bundledIndexSettings(json);
            ((ObjectNode) settings.path("mappings").path("properties")).putObject("summary").put("type", "integer");
            client.indices().create(request -> request.index("items-v20260202-000000000")
                    .withJson(new StringReader(settings.toString()))
                    .aliases(ItemIndex.ALIAS, alias -> alias.isWriteIndex(true)));
            ItemStore store = new ItemStore(database, json);
            Instant now = Instant.parse("2026-11-20T08:00:00Z");
            // Pages are read in id order: the refused item comes first, the others follow on later pages.
            List<NewsItem> items = new ArrayList<>(IntStream.rangeClosed(1, 2_500)
                    .mapToObj(number -> numbered(number, String.valueOf(number), now))
                    .sorted(Comparator.comparing(NewsItem::id)).toList());
            NewsItem refused = numbered(items.getFirst(), "kaputt");
            items.set(0, refused);
            store.upsert(items.stream().map(item -> new Sighting(item, "hof-presse", null, item.url())).toList(), now);
            ItemIndexer indexer = new ItemIndexer(new ItemIndex(client, Clock.systemUTC()), store, new ProjectStore(database, json),
                    new EditorialStore(database, json));

            assertThatThrownBy(indexer::indexPending).isInstanceOf(IOException.class)
                    .hasMessageContaining("1 item(s)").hasMessageContaining(refused.id());

            assertThat(store.notYetIndexed(10)).extracting(pending -> pending.item().id()).containsExactly(refused.id());
            client.indices().refresh(request -> request.index(ItemIndex.ALIAS));
            assertThat(client.count(request -> request.index(ItemIndex.ALIAS)).count()).isEqualTo(2_499);
        }
    }

    private static NewsItem numbered(int number, String summary, Instant now) {
        String url = "https://www.hof.de/aktuelles/meldung-" + number;
        return new NewsItem(ItemIds.fromCanonicalUrl(url), "Meldung " + number, summary, url, now, false, now, now,
                List.of("hof-presse"), List.of(), null, List.of(), List.of(), "de");
    }

    private static NewsItem numbered(NewsItem item, String summary) {
        return new NewsItem(item.id(), item.title(), summary, item.url(), item.published(), false, item.firstSeen(),
                item.lastSeen(), item.sourceIds(), List.of(), null, List.of(), List.of(), "de");
    }

    /** The body of the bundled index template: settings and the strict mapping. */
    private static ObjectNode bundledIndexSettings(ObjectMapper json) throws IOException {
        try (InputStream template = ItemIndex.class.getResourceAsStream("/elasticsearch/items-template.json")) {
            return (ObjectNode) json.readTree(template).path("template");
        }
    }
}
