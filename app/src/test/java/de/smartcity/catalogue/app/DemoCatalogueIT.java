package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.IngestMetrics;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.routes.index.ElasticsearchClients;
import de.smartcity.catalogue.search.ApiErrorHandling;
import de.smartcity.catalogue.search.ApiResponses;
import de.smartcity.catalogue.search.SearchApiRoutes;
import de.smartcity.catalogue.search.SourceDirectory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo end to end on real parts: the bundled sources are ingested into an H2 file database and a
 * real local Elasticsearch node with the project's plugin, and the API is asked over HTTP what a user
 * would ask.
 */
@ExtendWith(SharedElasticsearch.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoCatalogueIT {
    /** One item per report of the demo sources, but one for Mannheim's parking sensors, which city and Kommune21 both report. */
    private static final int DEMO_ITEMS = 74;
    private static final int DEMO_PROJECTS = 50;

    private static List<Source> sources;
    private static Path dataDir;
    private static String firstIngestSummary;
    private static ServedCatalogue served;
    private static Catalogue catalogue;
    private static ApiClient api;

    @BeforeAll
    static void ingestDemoAndServe() throws Exception {
        dataDir = ItDataDir.enter("demo");
        sources = Catalogue.configuredSources(Optional.of(Catalogue.DEMO_SOURCES));
        firstIngestSummary = ingestOnce();

        served = ServedCatalogue.start(sources);
        catalogue = served.catalogue();
        api = served.api();
    }

    @AfterAll
    static void stop() throws Exception {
        if (served != null) {
            served.close();
        }
        ItDataDir.restore();
    }

    private static String ingestOnce() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = IngestOnce.run(sources, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exitCode).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void firstIngestStoresEveryDemoSource() {
        assertThat(firstIngestSummary)
                .contains("5 source(s), 5 ok, 0 failed.")
                .contains("Indexed " + DEMO_ITEMS + " item(s); " + DEMO_ITEMS + " item(s) in the catalogue.");
    }

    @Test
    void searchForParkhausFindsTheFrankfurtCarParkWithHighlightAndFacets() throws Exception {
        ApiClient.Answer answer = api.get("/api/items?q=Parkhaus");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode first = answer.json().path("items").path(0);
        assertThat(first.path("title").asText()).contains("Parkhaus");
        assertThat(first.path("place").path("name").asText()).isEqualTo("Frankfurt am Main");
        assertThat(first.path("place").path("ags").asText()).isEqualTo("06412000");
        assertThat(first.path("highlight").path("title").path(0).asText()).contains("<mark>Parkhaus</mark>");
        assertThat(first.path("highlight").path("summary").toString()).contains("<mark>Parkhausbelegungen</mark>");
        assertThat(values(answer.json().path("facets").path("city"))).contains("Frankfurt am Main");
        assertThat(values(answer.json().path("facets").path("theme"))).contains("parking");
    }

    @Test
    void parkingThemeListsItemsFromAtLeastThreeCities() throws Exception {
        JsonNode result = api.get("/api/items?theme=parking&size=100").json();

        Set<String> cities = new HashSet<>();
        result.path("items").forEach(item -> cities.add(item.path("place").path("name").asText()));
        assertThat(cities).hasSizeGreaterThanOrEqualTo(3).contains("Frankfurt am Main", "Mannheim", "Kaiserslautern");
        result.path("items").forEach(item -> assertThat(item.path("title").asText())
                .doesNotContain("Parkinson").doesNotContain("Bürgerpark"));
    }

    @ParameterizedTest
    @CsvSource({
            "Müll, Müllabfuhr",
            "Stellplätze, Stellplätze",
            "Parkplatz, Behindertenparkplätze",
            "Winterdienst, Winterdienst"})
    void germanAnalysisFindsCompoundsAndInflections(String query, String expectedWord) throws Exception {
        JsonNode result = api.get("/api/items?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8) + "&size=100").json();

        assertThat(result.path("total").asLong()).isPositive();
        assertThat(result.path("items").toString()).contains(expectedWord);
    }

    @Test
    void latin1FeedKeepsItsUmlauts() throws Exception {
        JsonNode result = api.get("/api/items?source=huerth-presse&size=100").json();

        assertThat(result.path("total").asLong()).isEqualTo(12);
        assertThat(result.path("items").toString()).contains("ü").doesNotContain("Ã");
    }

    @Test
    void portalItemsArePlacedByTheCityTheirTitleNames() throws Exception {
        JsonNode result = api.get("/api/items?source=kommune21&size=100").json();

        // A story Mannheim's feed also carries may show the city's telling, placed by the city's feed.
        StreamSupport.stream(result.path("items").spliterator(), false)
                .filter(item -> item.path("url").asText().startsWith("https://www.kommune21.de/"))
                .forEach(item -> {
                    String prefix = item.path("title").asText().split(":")[0];
                    assertThat(item.path("place").path("reason").asText()).as(item.path("title").asText()).contains(prefix);
                });
        assertThat(values(result.path("facets").path("state"))).contains("Bayern", "Hessen", "Nordrhein-Westfalen");
    }

    @Test
    void theCitysStoryAndThePortalsReportOfItAreOneItemThatSaysWhy() throws Exception {
        JsonNode found = api.get("/api/items?source=kommune21&city=Mannheim").json();

        assertThat(found.path("total").asLong()).isEqualTo(1);
        String id = found.path("items").path(0).path("id").asText();
        JsonNode item = api.get("/api/items/" + id).json();
        assertThat(item.path("sources").toString()).isEqualTo("[\"kommune21\",\"mannheim-presse\"]");
        // Both sources are polled at once: whichever stored the story first owns it, the other's report is merged.
        JsonNode merged = item.path("merged");
        assertThat(merged).hasSize(1);
        String mergedSource = merged.path(0).path("source").asText();
        String owner = mergedSource.equals("kommune21") ? "mannheim-presse" : "kommune21";
        assertThat(mergedSource).isIn("kommune21", "mannheim-presse");
        assertThat(merged.path(0).path("url").asText()).isNotEqualTo(item.path("url").asText());
        assertThat(merged.path(0).path("reason").asText()).startsWith("Gleiche Meldung wie bei " + owner + ": ")
                .endsWith("2 Tage Abstand, gleicher Ort Mannheim (AGS 08222000).");
    }

    @Test
    void itemShowsEachThemesEvidenceAndItsPlace() throws Exception {
        String id = api.get("/api/items?q=Parkhaus").json().path("items").path(0).path("id").asText();

        JsonNode item = api.get("/api/items/" + id).json();

        JsonNode parking = StreamSupport.stream(item.path("themes").spliterator(), false)
                .filter(theme -> theme.path("id").asText().equals("parking")).findFirst().orElseThrow();
        assertThat(parking.path("evidence").toString()).contains("\"term\":\"Parkhaus\",\"field\":\"title\"");
        assertThat(item.path("place").path("state").asText()).isEqualTo("Hessen");
        assertThat(item.path("fields").toString()).contains("Mobilität");
    }

    @Test
    void themesAndCitiesCarryCounts() throws Exception {
        JsonNode themes = api.get("/api/themes").json();
        JsonNode cities = api.get("/api/cities").json();

        assertThat(themes).hasSize(Taxonomy.bundled().themes().size());
        assertThat(StreamSupport.stream(themes.spliterator(), false)
                .filter(theme -> theme.path("id").asText().equals("winter-service"))
                .findFirst().orElseThrow().path("count").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode mannheim = StreamSupport.stream(cities.spliterator(), false)
                .filter(city -> city.path("name").asText().equals("Mannheim")).findFirst().orElseThrow();
        assertThat(mannheim.path("state").asText()).isEqualTo("Baden-Württemberg");
        assertThat(mannheim.path("ags").asText()).isEqualTo("08222000");
        assertThat(StreamSupport.stream(cities.spliterator(), false).count()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyDemoSourceIsHealthy() throws Exception {
        JsonNode statuses = api.get("/api/sources").json();

        assertThat(statuses).hasSize(5);
        statuses.forEach(source -> {
            String id = source.path("id").asText();
            assertThat(source.path("status").asText()).as(id).isEqualTo("ok");
            assertThat(source.path("itemCount").asLong()).isPositive();
            assertThat(source.path("itemsLast30Days").isIntegralNumber()).as(id).isTrue();
            assertThat(source.path("itemsLast30Days").asLong()).isBetween(0L, source.path("itemCount").asLong());
            assertThat(source.path("consecutiveFailures").asInt()).isZero();
            assertThat(source.has("lastError")).isFalse();
            Instant lastAttempt = Instant.parse(source.path("lastAttempt").asText());
            assertThat(Instant.parse(source.path("lastSuccess").asText())).isEqualTo(lastAttempt);
            assertThat(Instant.parse(source.path("nextPoll").asText())).as("the demo sources' interval is PT30M")
                    .isBetween(lastAttempt.plus(Duration.ofMinutes(30)), lastAttempt.plus(Duration.ofMinutes(120)));
        });
    }

    @Test
    void oneSourceAnswersAtItsOwnAddressAndAnUnknownOneWith404() throws Exception {
        ApiClient.Answer kommune21 = api.get("/api/sources/kommune21");
        ApiClient.Answer unknown = api.get("/api/sources/gibt-es-nicht");

        assertThat(kommune21.status()).isEqualTo(200);
        assertThat(kommune21.json().path("id").asText()).isEqualTo("kommune21");
        assertThat(kommune21.json().path("kind").asText()).isEqualTo("html");
        assertThat(kommune21.json().has("city")).as("a portal has no city").isFalse();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asText()).isEqualTo("not_found");
        assertThat(unknown.json().path("message").asText()).contains("gibt-es-nicht");
    }

    @Test
    void metricsCountThePollsOfThisProcessAndTheIndexLag() throws Exception {
        JsonNode before = api.get("/api/metrics").json();

        IngestOnce.ingest(catalogue, sources);

        JsonNode after = api.get("/api/metrics").json();
        assertThat(after.path("fetches").asLong() - before.path("fetches").asLong()).isEqualTo(5);
        assertThat(after.path("failures").asLong()).isEqualTo(before.path("failures").asLong());
        assertThat(after.path("itemsStored").asLong()).as("nothing new").isEqualTo(before.path("itemsStored").asLong());
        assertThat(after.path("indexLag").isIntegralNumber()).isTrue();
        assertThat(after.has("notModified")).isTrue();
        assertThat(Instant.parse(after.path("since").asText())).isBefore(Instant.now());
    }

    @Test
    void servePollsASourceAgainOnceItIsDue() throws Exception {
        Instant before = Instant.parse(api.get("/api/sources/frankfurt-presse").json().path("lastAttempt").asText());
        long fetches = api.get("/api/metrics").json().path("fetches").asLong();

        // As if its half hour were over: the scheduler of the running server must pick it up by itself.
        String url = "jdbc:h2:file:" + dataDir.resolve("catalogue").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "", "");
             PreparedStatement due = connection.prepareStatement("UPDATE sources SET next_poll_at = ? WHERE id = 'frankfurt-presse'")) {
            due.setObject(1, Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC));
            assertThat(due.executeUpdate()).isEqualTo(1);
        }

        await().atMost(Duration.ofSeconds(20)).until(() ->
                Instant.parse(api.get("/api/sources/frankfurt-presse").json().path("lastAttempt").asText()).isAfter(before));
        JsonNode frankfurt = api.get("/api/sources/frankfurt-presse").json();
        assertThat(frankfurt.path("status").asText()).isEqualTo("ok");
        assertThat(Instant.parse(frankfurt.path("nextPoll").asText())).isAfter(Instant.now().plus(Duration.ofMinutes(25)));
        assertThat(api.get("/api/metrics").json().path("fetches").asLong()).isGreaterThan(fetches);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/items?sort=newest        | sort",
            "/api/items?size=101           | size",
            "/api/items?page=0             | page",
            "/api/items?page=500&size=100  | page",
            "/api/items?from=2026-02-30    | from",
            "/api/items?to=gestern         | to",
            "/api/items?colour=blue        | colour"})
    void invalidParametersAnswer400NamingTheParameter(String request, String parameter) throws Exception {
        ApiClient.Answer answer = api.get(request);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).isEqualTo("invalid_parameter");
        assertThat(answer.json().path("message").asText()).startsWith("Parameter '" + parameter + "'");
    }

    @Test
    void unknownItemAnswers404() throws Exception {
        ApiClient.Answer answer = api.get("/api/items/0000000000");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void projectCatalogueListsEveryDemoProjectWithFacets() throws Exception {
        JsonNode result = api.get("/api/projects?size=100").json();

        assertThat(result.path("total").asLong()).isEqualTo(DEMO_PROJECTS);
        assertThat(result.path("projects")).hasSize(DEMO_PROJECTS);
        JsonNode facets = result.path("facets");
        assertThat(values(facets.path("city"))).hasSizeGreaterThanOrEqualTo(10)
                .contains("Kaiserslautern", "Hürth", "Mannheim", "Frankfurt am Main", "Landkreis Hof");
        assertThat(values(facets.path("status"))).containsExactlyInAnyOrder("planned", "pilot", "running", "completed",
                "discontinued");
        assertThat(values(facets.path("state"))).contains("Rheinland-Pfalz", "Hessen", "Bayern");
        assertThat(values(facets.path("theme"))).contains("parking", "waste", "winter-service");
        assertThat(values(facets.path("field"))).contains("Mobilität");
        assertThat(values(facets.path("programme"))).contains("Modellprojekte Smart Cities");
        JsonNode first = result.path("projects").path(0);
        assertThat(first.path("newsCount").isIntegralNumber()).isTrue();
        assertThat(first.path("name").asText()).as("sorted by name without a query").isEqualTo("5G-Campusnetz Hafen");
    }

    @Test
    void projectsFilterByStatusAndThemeAndFindByText() throws Exception {
        JsonNode running = api.get("/api/projects?status=running&theme=parking&size=100").json();
        JsonNode search = api.get("/api/projects?q=" + java.net.URLEncoder.encode("Parksensoren Kaiserslautern",
                StandardCharsets.UTF_8)).json();

        assertThat(slugs(running.path("projects"))).contains("kl-parksensoren", "ffm-parkleitsystem", "wob-parkleitsystem")
                .doesNotContain("kl-sms-parken");
        running.path("projects").forEach(project -> {
            assertThat(project.path("status").asText()).isEqualTo("running");
            assertThat(project.path("statusLabel").asText()).isEqualTo("in Betrieb");
            assertThat(project.path("themes").toString()).contains("\"parking\"");
        });
        assertThat(slugs(search.path("projects")).getFirst()).isEqualTo("kl-parksensoren");
        assertThat(search.path("projects").path(0).path("newsCount").asLong()).isEqualTo(1);
    }

    @Test
    void projectPageShowsItsNewsAsATimelineWithReasons() throws Exception {
        JsonNode project = api.get("/api/projects/ma-barrierefrei-parken").json();

        assertThat(project.path("name").asText()).isEqualTo("Barrierefreies Parken in den Quadraten");
        assertThat(project.path("place").path("ags").asText()).isEqualTo("08222000");
        assertThat(project.path("place").path("state").asText()).isEqualTo("Baden-Württemberg");
        assertThat(project.path("fields").toString()).contains("Mobilität");
        assertThat(project.path("statusLabel").asText()).isEqualTo("in Betrieb");
        // Mannheim's press release and Kommune21's report of it are one item (merged); whichever source was polled
        // first owns its wording, and the link's reason quotes that wording.
        assertThat(project.path("newsCount").asLong()).isEqualTo(1);
        JsonNode timeline = project.path("timeline");
        assertThat(timeline).hasSize(1);
        assertThat(timeline.path(0).path("title").asText()).containsAnyOf("Sensoren erleichtern", "Sensoren zeigen");
        assertThat(timeline.path(0).path("reason").asText()).isIn("Titel nennt „barrierefreien Parken“, Ort Mannheim",
                "Titel nennt „Behindertenparkplätze“, Ort Mannheim");
    }

    @Test
    void itemShowsTheProjectItIsLinkedToWithTheReason() throws Exception {
        JsonNode found = api.get("/api/items?project=kl-parksensoren").json();
        String id = found.path("items").path(0).path("id").asText();

        JsonNode item = api.get("/api/items/" + id).json();

        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(item.path("title").asText()).startsWith("Parksensoren melden freie Stellplätze");
        assertThat(item.path("projects")).hasSize(1);
        assertThat(item.path("projects").path(0).path("slug").asText()).isEqualTo("kl-parksensoren");
        assertThat(item.path("projects").path(0).path("name").asText()).isEqualTo("Parksensoren in der Innenstadt");
        assertThat(item.path("projects").path(0).path("reason").asText())
                .isEqualTo("Titel nennt „Parksensoren“, Ort Kaiserslautern");
        assertThat(item.path("projects").path(0).path("origin").asText()).isEqualTo("auto");
    }

    @Test
    void aNameAnotherCityUsesDoesNotLinkItsNews() throws Exception {
        JsonNode lorawan = api.get("/api/items?project=kl-lorawan&size=100").json();
        JsonNode darmstadt = api.get("/api/items?q=LoRaWAN&city=Darmstadt").json().path("items").path(0);
        JsonNode hamburg = api.get("/api/items?city=Hamburg").json().path("items").path(0);

        lorawan.path("items").forEach(item -> assertThat(item.path("place").path("name").asText()).isEqualTo("Kaiserslautern"));
        assertThat(darmstadt.path("summary").asText()).contains("LoRaWAN-Netz");
        assertThat(slugs(darmstadt.path("projects"))).containsExactly("da-bachpegel");
        assertThat(hamburg.path("summary").asText()).as("names Hürth's 'Digitaler Zwilling'").contains("digitale Zwillinge");
        assertThat(hamburg.path("projects")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/projects?status=aktiv      | status",
            "/api/projects?theme=parken      | theme",
            "/api/projects?field=Verkehr     | field",
            "/api/projects?size=0            | size",
            "/api/projects?colour=blue       | colour",
            "/api/projects/kl-wlan?full=true | full"})
    void invalidProjectParametersAnswer400NamingTheParameter(String request, String parameter) throws Exception {
        ApiClient.Answer answer = api.get(request);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).startsWith("Parameter '" + parameter + "'");
    }

    @Test
    void unknownProjectAnswers404() throws Exception {
        ApiClient.Answer answer = api.get("/api/projects/gibt-es-nicht");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("message").asText()).contains("gibt-es-nicht");
    }

    @Test
    @Order(100)
    void ingestingAgainAfterARestartCreatesNoDuplicates() throws Exception {
        Set<String> projectIndices = catalogue.projectIndex().currentIndices();
        long links = api.get("/api/projects/ffm-open-data-portal").json().path("newsCount").asLong();

        String second = ingestOnce();

        assertThat(second).contains("5 source(s), 5 ok, 0 failed.").doesNotContainPattern("[1-9]\\d* new");
        assertThat(catalogue.itemStore().count()).isEqualTo(DEMO_ITEMS);
        catalogue.itemIndex().refresh();
        assertThat(api.get("/api/items").json().path("total").asLong()).isEqualTo(DEMO_ITEMS);
        assertThat(catalogue.projectIndex().currentIndices()).as("same catalogue, same index").isEqualTo(projectIndices);
        assertThat(api.get("/api/projects/ffm-open-data-portal").json().path("newsCount").asLong()).isEqualTo(links);
    }

    @Test
    @Order(101)
    void reindexBuildsANewIndexWithEveryItemAndMovesTheAlias() throws Exception {
        Set<String> before = catalogue.itemIndex().currentIndices();

        long written = catalogue.indexer().reindex();

        Set<String> after = catalogue.itemIndex().currentIndices();
        assertThat(written).isEqualTo(DEMO_ITEMS);
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(api.get("/api/items?q=Parkhaus").json().path("total").asLong()).isPositive();
        assertThat(api.get("/api/items").json().path("total").asLong()).isEqualTo(DEMO_ITEMS);
    }

    @Test
    @Order(102)
    void reindexLinksAgainAndMovesTheProjectsAlias() throws Exception {
        Set<String> before = catalogue.projectIndex().currentIndices();

        int projects = catalogue.reindexProjects();

        assertThat(projects).isEqualTo(DEMO_PROJECTS);
        assertThat(catalogue.projectIndex().currentIndices()).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(api.get("/api/projects").json().path("total").asLong()).isEqualTo(DEMO_PROJECTS);
        assertThat(api.get("/api/projects/ma-barrierefrei-parken").json().path("newsCount").asLong()).isEqualTo(1);
    }

    @Test
    void unreachableElasticsearchAnswers503WithoutAStackTrace() throws Exception {
        var json = CatalogueJson.mapper();
        int port = ServedCatalogue.freePort();
        Main deadServer = new Main();
        deadServer.configure().withAdditionalRoutesBuilder(new SearchApiRoutes(
                ElasticsearchClients.create("http://127.0.0.1:1", json), json, Taxonomy.bundled(), SourceDirectory.of(List::of, List::of),
                () -> new IngestMetrics(Instant.EPOCH, 0, 0, 0, 0, 0), Optional.empty()));
        deadServer.configure().withAdditionalRoutesBuilder(new ApiErrorHandling(new ApiResponses(json)));
        deadServer.configure().httpServer().withEnabled(true).withHost("127.0.0.1").withPort(port);
        deadServer.start();
        try {
            ApiClient.Answer answer = new ApiClient(port).get("/api/items?q=Parkhaus");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json().path("error").asText()).isEqualTo("search_unavailable");
            assertThat(answer.json().toString()).doesNotContain("Exception").doesNotContain("at co.elastic");
            assertThat(new ApiClient(port).get("/api/projects/kl-wlan").status()).isEqualTo(503);
            assertThat(new ApiClient(port).get("/api/sources").status()).as("the server keeps serving").isEqualTo(200);
        } finally {
            deadServer.stop();
        }
    }

    private static List<String> slugs(JsonNode projects) {
        return StreamSupport.stream(projects.spliterator(), false).map(project -> project.path("slug").asText()).toList();
    }

    private static List<String> values(JsonNode facet) {
        return StreamSupport.stream(facet.spliterator(), false).map(value -> value.path("value").asText()).toList();
    }
}
