package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An editor splits a merge the machine made and merges what it missed, and later polls of both feeds and a full
 * reindex keep to that. Real local feed servers, real database, real Elasticsearch node.
 */
@ExtendWith(SharedElasticsearch.class)
class MergeSplitIT {
    private static final String CITY_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Stadt Mannheim</title><link>https://www.mannheim.de/</link><description>Presse</description>
            <item><title>Sensoren zeigen freie Behindertenparkplätze in der Innenstadt an</title>
            <link>https://www.mannheim.de/de/presse/sensoren-parkplaetze</link>
            <description>In den Mannheimer Quadraten sind 85 Schwerbehindertenparkplätze mit Bodensensoren ausgestattet worden. Ob ein Platz frei ist, sehen Menschen mit Behinderung auf einer Online-Karte und in der Stadt-App.</description>
            <pubDate>Mon, 23 Nov 2026 09:00:00 +0100</pubDate></item>
            </channel></rss>
            """;
    private static final String PORTAL_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Kommune21</title><link>https://www.kommune21.de/</link><description>Meldungen</description>
            <item><title>Mannheim: Sensoren erleichtern die Orientierung beim barrierefreien Parken</title>
            <link>https://www.kommune21.de/meldungen/mannheim-orientierung-barrierefreies-parken</link>
            <description>Die Stadt Mannheim hat 85 Schwerbehindertenparkplätze in den Quadraten mit Bodensensoren ausgestattet. Eine Online-Karte und die Stadt-App zeigen, welche gerade frei sind.</description>
            <pubDate>Tue, 24 Nov 2026 10:00:00 +0100</pubDate></item>
            <item><title>Mannheim: Zwölf neue Ladesäulen am Wasserturm</title>
            <link>https://www.kommune21.de/meldungen/mannheim-ladesaeulen-wasserturm</link>
            <description>Am Wasserturm laden Elektroautos jetzt an zwölf Säulen der Stadtwerke.</description>
            <pubDate>Thu, 01 Oct 2026 10:00:00 +0200</pubDate></item>
            </channel></rss>
            """;
    private static final String PORTAL_URL = "https://www.kommune21.de/meldungen/mannheim-orientierung-barrierefreies-parken";
    private static final String CHARGING_URL = "https://www.kommune21.de/meldungen/mannheim-ladesaeulen-wasserturm";

    private LocalFeeds server;
    private ServedCatalogue served;
    private List<Source> sources;
    private String editorKey;

    @BeforeEach
    void serveTheFeeds() throws Exception {
        ItDataDir.enter("merge-split");
        server = LocalFeeds.serving(Map.of("/city.rss", () -> CITY_FEED, "/portal.rss", () -> PORTAL_FEED));
        sources = List.of(
                new Source("mannheim-presse", "Mannheim", server.url("/city.rss"), SourceKind.RSS, Duration.ofHours(1), null),
                new Source("kommune21", null, server.url("/portal.rss"), SourceKind.RSS, Duration.ofHours(1), null));
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
    void splitAndMergeRoundTripSurviveRepollsAndAReindex() throws Exception {
        JsonNode merged = itemWithTwoSources();
        String storyId = merged.path("id").asText();
        assertThat(merged.path("merged").path(0).path("url").asText()).as("the machine merged the portal's report")
                .isEqualTo(PORTAL_URL);
        String chargingId = idOf(CHARGING_URL);
        assertThat(total()).isEqualTo(2);

        ApiClient.Answer split = edit("/api/items/" + storyId + "/split", "{\"report\":\"" + PORTAL_URL + "\",\"reason\":\"Eigene Meldung\"}");
        assertThat(split.status()).as(split.json().toString()).isEqualTo(200);
        String reportId = split.json().path("other").asText();
        assertThat(split.json().path("merged").asBoolean()).isFalse();
        assertApart(storyId, reportId);

        poll();
        assertApart(storyId, reportId);
        assertThat(item(reportId).path("summary").asText()).as("its own text came with the poll").contains("Online-Karte und die Stadt-App");
        served.catalogue().indexer().reindex();
        assertApart(storyId, reportId);

        ApiClient.Answer merge = edit("/api/items/" + storyId + "/merge", "{\"other\":\"" + chargingId + "\"}");
        assertThat(merge.status()).as(merge.json().toString()).isEqualTo(200);
        assertMerged(storyId, chargingId);

        poll();
        assertMerged(storyId, chargingId);
        served.catalogue().indexer().reindex();
        assertMerged(storyId, chargingId);

        assertThat(edit("/api/items/" + storyId + "/merge", "{\"other\":\"nirgends\"}").json().path("message").asText())
                .startsWith("Parameter 'other'");
        assertThat(edit("/api/items/" + storyId + "/split", "{\"report\":\"https://example.org/x\"}").json().path("message")
                .asText()).startsWith("Parameter 'report'");
        assertThat(edit("/api/items/" + reportId + "/merge", "{\"other\":\"" + chargingId + "\"}").status()).isEqualTo(409);
        assertThat(served.api().send("POST", "/api/items/" + storyId + "/split", "{\"report\":\"" + chargingId + "\"}")
                .status()).isEqualTo(401);
    }

    private void assertApart(String storyId, String reportId) throws Exception {
        assertThat(total()).isEqualTo(3);
        assertThat(texts(item(storyId).path("sources"))).containsExactly("mannheim-presse");
        assertThat(item(storyId).path("merged")).isEmpty();
        assertThat(texts(item(reportId).path("sources"))).containsExactly("kommune21");
        assertThat(item(reportId).path("url").asText()).isEqualTo(PORTAL_URL);
    }

    private void assertMerged(String storyId, String chargingId) throws Exception {
        assertThat(total()).isEqualTo(2);
        assertThat(served.api().get("/api/items/" + chargingId).status()).as("it left public reads").isEqualTo(404);
        JsonNode story = item(storyId);
        assertThat(texts(story.path("sources"))).containsExactly("kommune21", "mannheim-presse");
        assertThat(story.path("merged").path(0).path("url").asText()).isEqualTo(CHARGING_URL);
        assertThat(story.path("merged").path(0).path("reason").asText()).startsWith("Von der Redaktion zusammengeführt");
    }

    private JsonNode itemWithTwoSources() throws Exception {
        JsonNode items = served.api().get("/api/items?size=10").json().path("items");
        return StreamSupport.stream(items.spliterator(), false).filter(item -> item.path("sources").size() == 2)
                .findFirst().orElseThrow(() -> new AssertionError("no merged item in " + items));
    }

    private String idOf(String url) throws Exception {
        JsonNode items = served.api().get("/api/items?size=10").json().path("items");
        return StreamSupport.stream(items.spliterator(), false).filter(item -> item.path("url").asText().equals(url))
                .findFirst().orElseThrow(() -> new AssertionError("no item of " + url + " in " + items)).path("id").asText();
    }

    private long total() throws Exception {
        return served.api().get("/api/items").json().path("total").asLong();
    }

    private void poll() throws Exception {
        // The city first, so that its press release is the item the portal's report joins.
        for (Source source : sources) {
            IngestOnce.ingest(served.catalogue(), List.of(source));
        }
        served.catalogue().indexer().indexPending();
        served.catalogue().itemIndex().refresh();
    }

    private JsonNode item(String id) throws Exception {
        ApiClient.Answer answer = served.api().get("/api/items/" + id);
        assertThat(answer.status()).as(id).isEqualTo(200);
        return answer.json();
    }

    private ApiClient.Answer edit(String path, String body) throws Exception {
        return served.api().send("POST", path, body, "Authorization", "Bearer " + editorKey);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
