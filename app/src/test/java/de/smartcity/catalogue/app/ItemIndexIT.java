package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.MergedReport;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.routes.index.ElasticsearchClients;
import de.smartcity.catalogue.routes.index.ItemDocument;
import de.smartcity.catalogue.routes.index.ItemIndex;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The items index on a real Elasticsearch node, across an upgrade of its template. */
@ExtendWith(SharedElasticsearch.class)
class ItemIndexIT {

    @Test
    void anIndexMadeBeforeItemsHadMergedReportsTakesThemOnceTheAppStarts() throws Exception {
        ObjectMapper json = CatalogueJson.mapper();
        try (ElasticsearchClient client = ElasticsearchClients.create(SharedElasticsearch.url().toString(), json)) {
            // The index as the previous release made it: the same strict mapping, without "merged".
            ObjectNode previous;
            try (InputStream template = ItemIndex.class.getResourceAsStream("/elasticsearch/items-template.json")) {
                previous = (ObjectNode) json.readTree(template).path("template");
            }
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
            client.index(request -> request.index(ItemIndex.ALIAS).id(item.id()).document(ItemDocument.of(item, List.of())));
            ObjectNode stored = client.get(request -> request.index(ItemIndex.ALIAS).id(item.id()), ObjectNode.class).source();
            assertThat(stored.path("merged").path(0).path("source").asText()).isEqualTo("kommune21");
        }
    }
}
