package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.routes.store.Sighting;
import de.smartcity.catalogue.search.feed.FeedIds;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Feeds and exports over HTTP against the demo data on a real node: feeds hold only items editors approved or
 * featured and parse with ROME; exports hold every public match, more than one page of the walk, streamed. Review
 * states are set as an editor sets them: with an editor key, through the review endpoints.
 */
@ExtendWith(SharedElasticsearch.class)
class FeedsAndExportsIT {
    private static final String HOSTILE_TITLE = "Parken & Laden <img src=x onerror=alert(1)> am Rathaus";
    private static final String FORMULA_TITLE = "=HYPERLINK(\"http://evil.example\",\"Parken\")";
    /** Enough extra items that an export walks more than one page of the index (500 documents). */
    private static final int EXTRA_ITEMS = 600;
    /** HTTP/1.1, where a streamed body shows as {@code Transfer-Encoding: chunked}. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static ServedCatalogue served;
    private static ApiClient api;
    private static List<String> parking;
    private static Set<String> curatedParking;
    private static String hiddenParking;
    /** Every item before one was hidden. */
    private static Set<String> allItems;
    private static String editorKey;
    /** Where readers reach the catalogue: the feeds link there, whatever address a request came in on. */
    private static final String PUBLIC = "https://katalog.example.de";

    @BeforeAll
    static void serveTheDemoWithReviewedItems() throws Exception {
        System.setProperty(Setting.PUBLIC_URL.systemProperty(), PUBLIC + "/");
        served = ServedCatalogue.demo("feeds");
        api = served.api();
        storeItems(served.catalogue());

        parking = ids(api.get("/api/items?theme=parking&sort=date&size=100").json());
        assertThat(parking).hasSizeGreaterThan(5).contains("00000000000000000bad", "00000000000000000f0e");
        allItems = allIds();
        // Of the parking items: two approved, the hostile one and one more featured, one hidden, the rest new.
        List<String> demo = parking.stream().filter(id -> !id.startsWith("00000000000000000")).toList();
        editorKey = ServedCatalogue.storeKey("Feed-Test", Role.EDITOR);
        review(demo.get(0), "approve");
        review(demo.get(2), "approve");
        review(demo.get(3), "feature");
        review("00000000000000000bad", "feature");
        hiddenParking = demo.get(1);
        review(hiddenParking, "hide");
        curatedParking = Set.of(demo.get(0), demo.get(2), demo.get(3), "00000000000000000bad");
        served.catalogue().itemIndex().refresh();
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
        System.clearProperty(Setting.PUBLIC_URL.systemProperty());
        ItDataDir.restore();
    }

    @Test
    void aForgedHostHeaderDoesNotReachTheFeedsLinks() throws Exception {
        // The JDK's HTTP client will not send a Host of its choosing; a socket will, as an attacker's would.
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.base().getPort())) {
            socket.getOutputStream().write(("GET /feeds/items.atom?theme=parking HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").contains(PUBLIC + "/feeds/items.atom?theme=parking")
                    .doesNotContain("evil.example");
        }
    }

    @Test
    void atomFeedHoldsOnlyApprovedAndFeaturedItemsNewestFirst() throws Exception {
        HttpResponse<String> response = get("/feeds/items.atom?theme=parking");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        Feed feed = (Feed) parse(response.body());
        assertThat(feed.getId()).startsWith("urn:uuid:");
        assertThat(feed.getTitle()).isEqualTo("Smart-City-Katalog: Meldungen – Parken");
        assertThat(feed.getOtherLinks()).extracting(Link::getRel, Link::getHref)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("self", PUBLIC + "/feeds/items.atom?theme=parking"));
        assertThat(feed.getEntries()).extracting(Entry::getId).containsExactlyInAnyOrderElementsOf(
                curatedParking.stream().map(FeedIds::item).toList());
        assertThat(feed.getEntries()).extracting(Entry::getUpdated).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(feed.getUpdated()).isEqualTo(feed.getEntries().getFirst().getUpdated());
        for (Entry entry : feed.getEntries()) {
            assertThat(entry.getTitle()).isNotBlank();
            assertThat(entry.getPublished()).isEqualTo(entry.getUpdated());
            assertThat(entry.getAlternateLinks()).singleElement().extracting(Link::getHref).asString().startsWith("http");
            assertThat(entry.getCategories()).extracting(category -> category.getTerm()).contains("parking");
        }
    }

    @Test
    void rssFeedHoldsTheSameItemsWithGuidsThatAreNoPermalinks() throws Exception {
        HttpResponse<String> response = get("/feeds/items.rss?theme=parking");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        Channel channel = (Channel) parse(response.body());
        assertThat(channel.getTitle()).isEqualTo("Smart-City-Katalog: Meldungen – Parken");
        assertThat(channel.getLink()).isEqualTo(PUBLIC + "/?theme=parking");
        assertThat(channel.getDescription()).isNotBlank();
        assertThat(channel.getItems()).extracting(item -> item.getGuid().getValue())
                .containsExactlyInAnyOrderElementsOf(curatedParking.stream().map(FeedIds::item).toList());
        for (Item item : channel.getItems()) {
            assertThat(item.getGuid().isPermaLink()).isFalse();
            assertThat(item.getPubDate()).isNotNull();
            assertThat(item.getLink()).startsWith("http");
        }
    }

    @Test
    void markupInATitleComesBackAsTextAndTheEntryLinksToTheItem() throws Exception {
        Feed atom = (Feed) parse(get("/feeds/items.atom?theme=parking").body());
        Channel rss = (Channel) parse(get("/feeds/items.rss?theme=parking").body());

        Entry hostile = atom.getEntries().stream().filter(entry -> entry.getId().equals(FeedIds.item("00000000000000000bad")))
                .findFirst().orElseThrow();
        assertThat(hostile.getTitle()).isEqualTo(HOSTILE_TITLE);
        assertThat(hostile.getAlternateLinks()).extracting(Link::getHref).containsExactly(PUBLIC + "/meldung/00000000000000000bad");
        assertThat(rss.getItems()).extracting(Item::getTitle).contains(HOSTILE_TITLE);
        assertThat(get("/feeds/items.rss?theme=parking").body()).doesNotContain("<img");
    }

    @Test
    void anUnchangedFeedIsNotModified() throws Exception {
        HttpResponse<String> first = get("/feeds/items.atom?theme=parking&size=2");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(api.base() + "/feeds/items.atom?theme=parking&size=2"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(((Feed) parse(first.body())).getEntries()).hasSize(2);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void projectFeedListsTheProjectsOfTheSearch() throws Exception {
        Feed feed = (Feed) parse(get("/feeds/projects.atom?theme=parking").body());

        JsonNode projects = api.get("/api/projects?theme=parking&size=100").json();
        List<String> slugs = StreamSupport.stream(projects.path("projects").spliterator(), false)
                .map(project -> project.path("slug").asText()).toList();
        assertThat(slugs).isNotEmpty();
        assertThat(feed.getEntries()).extracting(Entry::getId)
                .containsExactlyInAnyOrderElementsOf(slugs.stream().map(FeedIds::project).toList());
        feed.getEntries().forEach(entry -> {
            assertThat(entry.getUpdated()).isAfter(Date.from(Instant.EPOCH));
            assertThat(entry.getAlternateLinks()).isNotEmpty();
        });
    }

    @Test
    void badFeedParametersAnswer400NamingTheParameter() throws Exception {
        for (String query : List.of("theme=nope", "size=201", "page=2", "sort=date", "state=Atlantis")) {
            ApiClient.Answer answer = api.get("/feeds/items.atom?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().path("error").asText()).isEqualTo("invalid_parameter");
            assertThat(answer.json().path("message").asText()).as(query).contains("'" + query.substring(0, query.indexOf('=')) + "'");
        }
        assertThat(api.get("/feeds/projects.atom?status=aktiv").status()).isEqualTo(400);
        assertThat(api.get("/feeds/nothing.atom").json().path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void csvExportHoldsEveryPublicItemOverSeveralPagesAndNeutralisesFormulas() throws Exception {
        HttpResponse<String> response = get("/api/export/items.csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8; header=present");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"items-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.body()).startsWith("\uFEFFid,published,title,summary,url,city,ags,state,themes,fields,sources\r\n");
        List<List<String>> rows = csv(response.body().substring(1));
        List<String> ids = rows.stream().skip(1).map(row -> row.get(0)).toList();
        assertThat(allItems).hasSizeGreaterThan(EXTRA_ITEMS + 1).contains(hiddenParking);
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(hiddenParking);
        assertThat(new HashSet<>(ids)).isEqualTo(minus(allItems, hiddenParking)).isEqualTo(allIds());
        List<String> formula = rows.stream().filter(row -> row.get(0).equals("00000000000000000f0e")).findFirst().orElseThrow();
        assertThat(formula.get(2)).isEqualTo("'" + FORMULA_TITLE);
        assertThat(formula.get(8)).isEqualTo("parking");
    }

    @Test
    void jsonExportIsOneArrayOfTheSearchsItemsNewestFirst() throws Exception {
        HttpResponse<String> response = get("/api/export/items.json?theme=parking");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode items = served.catalogue().json().readTree(response.body());
        List<String> ids = StreamSupport.stream(items.spliterator(), false).map(item -> item.path("id").asText()).toList();
        assertThat(ids).isEqualTo(parking.stream().filter(id -> !id.equals(hiddenParking)).toList());
        assertThat(schemas().problems(items, schemas().answerSchema("/api/export/items.json", 200))).isEmpty();
    }

    @Test
    void projectExportsHoldEveryProjectOfTheSearch() throws Exception {
        List<List<String>> rows = csv(get("/api/export/projects.csv").body().substring(1));
        JsonNode json = served.catalogue().json().readTree(get("/api/export/projects.json?theme=parking").body());

        assertThat(rows.getFirst()).startsWith("slug", "name", "aliases", "place").endsWith("newsCount");
        assertThat(rows).hasSize(1 + api.get("/api/projects").json().path("total").asInt());
        assertThat(json.size()).isEqualTo(api.get("/api/projects?theme=parking").json().path("total").asInt()).isPositive();
        assertThat(schemas().problems(json, schemas().answerSchema("/api/export/projects.json", 200))).isEmpty();
        json.forEach(project -> {
            assertThat(project.path("themes").toString()).contains("parking");
            assertThat(project.has("newsCount")).isTrue();
        });
    }

    @Test
    void aBadExportParameterAnswers400BeforeAnythingIsStreamed() throws Exception {
        ApiClient.Answer answer = api.get("/api/export/items.csv?theme=nope");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).contains("'theme'");
        assertThat(api.get("/api/export/items.json?size=10").json().path("message").asText()).contains("'size'");
    }

    /** The schemas of the OpenAPI document the app serves. */
    private static OpenApiSchemas schemas() throws Exception {
        return new OpenApiSchemas(api.get("/api/openapi.json").json());
    }

    /** The hostile item, one with a formula title, and enough unremarkable ones for a walk of several pages. */
    private static void storeItems(Catalogue catalogue) throws Exception {
        Instant base = Instant.parse("2026-06-01T08:00:00Z");
        List<Sighting> sightings = new ArrayList<>();
        sightings.add(sighting(item("00000000000000000bad", HOSTILE_TITLE, "javascript:alert(3)", base.plusSeconds(86_400 * 180), true)));
        sightings.add(sighting(item("00000000000000000f0e", FORMULA_TITLE, "https://www.example.org/formel", base, true)));
        IntStream.range(0, EXTRA_ITEMS).forEach(n -> sightings.add(sighting(item("%020x".formatted(0xabc000 + n),
                "Testmeldung " + n, "https://www.example.org/test/" + n, base.minusSeconds(3600L * n), false))));
        catalogue.itemStore().upsert(sightings, Instant.now());
        catalogue.indexer().indexPending();
        catalogue.itemIndex().refresh();
    }

    private static NewsItem item(String id, String title, String url, Instant published, boolean parking) {
        return new NewsItem(id, title, "Die Stadt testet, wie es geht.", url, published, false, published, published,
                List.of("mannheim-presse"), List.of(), null,
                parking ? List.of(new ThemeAssignment("parking", 0.9, List.of())) : List.of(),
                parking ? List.of("Mobilität") : List.of(), "de");
    }

    private static Sighting sighting(NewsItem item) {
        return new Sighting(item, "mannheim-presse", item.id(), item.url());
    }


    /** Approves, features or hides an item as an editor does, through the review endpoint. */
    private static void review(String id, String action) throws Exception {
        ApiClient.Answer answer = api.send("POST", "/api/items/" + id + "/" + action, "{\"reason\": \"Test der Feeds\"}",
                "Authorization", "Bearer " + editorKey);
        assertThat(answer.status()).as(action + " " + id + ": " + answer.json()).isEqualTo(200);
    }

    private static Set<String> allIds() throws Exception {
        Set<String> ids = new HashSet<>();
        JsonNode page = api.get("/api/items?sort=date&size=100").json();
        ids.addAll(ids(page));
        while (page.hasNonNull("next")) {
            page = api.get("/api/items?cursor=" + URLEncoder.encode(page.path("next").asText(), StandardCharsets.UTF_8)).json();
            ids.addAll(ids(page));
        }
        assertThat(ids).hasSize(api.get("/api/items").json().path("total").asInt());
        return ids;
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(item -> item.path("id").asText()).toList();
    }

    private static Set<String> minus(Set<String> all, String one) {
        Set<String> rest = new HashSet<>(all);
        rest.remove(one);
        return rest;
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api.base() + pathAndQuery)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static WireFeed parse(String xml) throws Exception {
        return new WireFeedInput().build(new StringReader(xml));
    }

    private static List<List<String>> csv(String text) throws Exception {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(text)) {
            return rows.readAll();
        }
    }
}
