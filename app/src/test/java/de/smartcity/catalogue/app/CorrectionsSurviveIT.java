package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import de.smartcity.catalogue.model.ThemeAssignment;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An editor's corrections against what the machine does later: the same feed polled again with a changed story (the
 * ingest's upsert rewrites the machine's values) and a full reindex from the database. Real local feed server, real
 * database, real Elasticsearch node.
 */
@ExtendWith(SharedElasticsearch.class)
class CorrectionsSurviveIT {
    private static final String FIRST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Stadt Hürth</title><link>https://www.huerth.de/</link><description>Presse</description>
            <item><title>Hürth: Sensoren melden volle Altglascontainer</title>
            <link>https://www.huerth.de/presse/altglas-sensoren</link>
            <description>Die Abfallwirtschaft leert Altglascontainer künftig nach Füllstand; Sensoren melden volle Container.</description>
            <pubDate>Mon, 23 Nov 2026 09:00:00 +0100</pubDate></item>
            </channel></rss>
            """;
    private static final String SECOND = FIRST.replace("melden volle Altglascontainer", "melden volle Altglascontainer, Touren kürzer")
            .replace("volle Container.", "volle Container. Die Touren der Müllabfuhr werden kürzer.");

    private final AtomicReference<String> feed = new AtomicReference<>(FIRST);
    private LocalFeeds server;
    private ServedCatalogue served;
    private List<Source> sources;
    private String editorKey;

    @BeforeEach
    void serveAFeed() throws Exception {
        ItDataDir.enter("corrections-survive");
        server = LocalFeeds.serving(Map.of("/feed.rss", feed::get));
        URI url = server.url("/feed.rss");
        sources = List.of(new Source("huerth-presse", "Hürth", url, SourceKind.RSS, Duration.ofHours(1), null));
        editorKey = ServedCatalogue.storeKey("Redaktion", Role.EDITOR);
        served = ServedCatalogue.start(sources);
        poll();
    }

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
        server.close();
        ItDataDir.restore();
    }

    @Test
    void correctedThemesAndPlaceSurviveARepollThatChangesTheStoryAndAReindex() throws Exception {
        String id = served.api().get("/api/items?source=huerth-presse").json().path("items").path(0).path("id").asText();
        JsonNode machine = item(id);
        assertThat(texts(machine.path("themes"), "id")).contains("waste");
        assertThat(machine.path("place").path("name").asText()).isEqualTo("Hürth");

        assertThat(edit("PUT", "/api/items/" + id + "/themes", "{\"themes\":[\"sensors\",\"mobility\"],\"reason\":\"Es geht um Sensoren\"}")
                .status()).isEqualTo(200);
        assertThat(edit("PUT", "/api/items/" + id + "/place", "{\"place\":\"08222000\"}").status()).isEqualTo(200);
        assertCorrected(item(id), id);

        feed.set(SECOND);
        poll();

        JsonNode repolled = item(id);
        assertThat(repolled.path("title").asText()).as("the re-poll rewrote the story").endsWith("Touren kürzer");
        assertCorrected(repolled, id);
        NewsItem stored = served.catalogue().itemStore().find(id).orElseThrow();
        assertThat(stored.themes()).extracting(ThemeAssignment::id).as("the tagger's themes are kept").contains("waste");
        assertThat(stored.place().name()).isEqualTo("Hürth");

        served.catalogue().indexer().reindex();

        assertCorrected(item(id), id);
        assertThat(served.api().get("/api/items?theme=waste&source=huerth-presse").json().path("total").asLong()).isZero();
        assertThat(served.api().get("/api/items?theme=sensors&city=Mannheim").json().path("total").asLong()).isEqualTo(1);

        assertThat(edit("DELETE", "/api/items/" + id + "/themes", "").status()).isEqualTo(200);
        assertThat(texts(item(id).path("themes"), "id")).as("the tagger's themes are back").contains("waste");
        assertThat(edit("PUT", "/api/items/" + id + "/place", "{\"place\":\"Atlantis\"}").json().path("message").asText())
                .startsWith("Parameter 'place'");
        assertThat(edit("PUT", "/api/items/" + id + "/themes", "{\"themes\":[\"parken\"]}").json().path("message").asText())
                .startsWith("Parameter 'themes'");
    }

    private static void assertCorrected(JsonNode item, String id) {
        assertThat(texts(item.path("themes"), "id")).as(id).containsExactly("sensors", "mobility");
        assertThat(item.path("themes").path(0).path("evidence").path(0).path("field").asText()).isEqualTo("editor");
        assertThat(item.path("themes").path(0).path("evidence").path(0).path("term").asText())
                .contains("Redaktion").contains("Es geht um Sensoren");
        assertThat(item.path("fields").toString()).contains("Mobilität");
        assertThat(item.path("place").path("name").asText()).isEqualTo("Mannheim");
        assertThat(item.path("place").path("ags").asText()).isEqualTo("08222000");
        assertThat(item.path("place").path("reason").asText()).contains("Redaktion");
    }

    private void poll() throws Exception {
        IngestOnce.ingest(served.catalogue(), sources);
        served.catalogue().indexer().indexPending();
        served.catalogue().itemIndex().refresh();
    }

    private JsonNode item(String id) throws Exception {
        ApiClient.Answer answer = served.api().get("/api/items/" + id);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private ApiClient.Answer edit(String method, String path, String body) throws Exception {
        return served.api().send(method, path, body, "Authorization", "Bearer " + editorKey);
    }

    private static List<String> texts(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }
}
