package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The comparison, similarity, suggestion and cursor endpoints on the demo data, asked over HTTP, and every answer
 * of the API held to its schema in the OpenAPI document the app serves.
 */
@ExtendWith(SharedElasticsearch.class)
class ReadApiIT {
    private static final String FRANKFURT_CAR_PARK = "44ca03227f11cc50c05b";
    private static final String FRANKFURT = "06412000";
    private static ServedCatalogue served;
    private static ApiClient api;
    private static OpenApiSchemas schemas;

    @BeforeAll
    static void serveTheDemo() throws Exception {
        served = ServedCatalogue.demo("read-api");
        api = served.api();
        schemas = new OpenApiSchemas(api.get("/api/openapi.json").json());
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
        ItDataDir.restore();
    }

    @Test
    void compareCountsItemsAndProjectsPerCityAndThemeWithTheNewestItem() throws Exception {
        JsonNode matrix = ok("/api/compare?field=" + encode("Mobilität"));

        assertThat(texts(matrix.path("columns"), "id")).containsExactlyInAnyOrder("parking", "mobility", "winter-service");
        JsonNode frankfurt = row(matrix, FRANKFURT);
        assertThat(frankfurt.path("name").asText()).isEqualTo("Frankfurt am Main");
        assertThat(frankfurt.path("state").asText()).isEqualTo("Hessen");
        JsonNode parking = frankfurt.path("cells").path("parking");
        JsonNode items = ok("/api/items?city=" + encode("Frankfurt am Main") + "&theme=parking&sort=date");
        JsonNode projects = ok("/api/projects?city=" + encode("Frankfurt am Main") + "&theme=parking");
        assertThat(parking.path("items").asLong()).isPositive().isEqualTo(items.path("total").asLong());
        assertThat(parking.path("projects").asLong()).isPositive().isEqualTo(projects.path("total").asLong());
        assertThat(parking.path("latest").path("id").asText()).isEqualTo(items.path("items").path(0).path("id").asText());
        assertThat(parking.path("latest").path("title").asText()).contains("Parkhaus");
    }

    @Test
    void aSearchForAThemesNameFindsTheThemesItemsBeforeOtherMentionsOfTheWord() throws Exception {
        // "Parken" is in few texts: parking items say Parkplätze, Parkhaus, Stellplätze. The Bürgerpark item says Park.
        JsonNode parken = ok("/api/items?q=Parken&size=100");
        JsonNode parking = ok("/api/items?theme=parking&size=100");

        assertThat(texts(parken.path("items"), "id")).containsAll(texts(parking.path("items"), "id"));
        List<Boolean> tagged = StreamSupport.stream(parken.path("items").spliterator(), false)
                .map(item -> texts(item.path("themes"), "id").contains("parking")).toList();
        assertThat(tagged).as("parking items first").isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(tagged).as("other items that say the word still match").contains(false);
    }

    @Test
    void aThemesNameAmongOtherWordsFindsTheThemesItemsThatHoldTheOtherWords() throws Exception {
        JsonNode parkingInMannheim = ok("/api/items?q=Parken%20Mannheim&size=100");
        JsonNode mannheimParking = ok("/api/items?q=Mannheim&theme=parking&size=100");

        assertThat(mannheimParking.path("total").asLong()).isPositive();
        assertThat(texts(parkingInMannheim.path("items"), "id")).containsAll(texts(mannheimParking.path("items"), "id"));
        assertThat(parkingInMannheim.path("items").path(0).path("themes").toString()).contains("\"parking\"");
        for (JsonNode item : parkingInMannheim.path("items")) {
            assertThat(item.path("title").asText() + " " + item.path("summary").asText()).as("every other word holds")
                    .containsIgnoringCase("Mannheim");
        }
    }

    @Test
    void compareCountsEachThemesItemsPerMonthAsTheSearchesMonthFacetDoes() throws Exception {
        JsonNode matrix = ok("/api/compare?state=Hessen");

        for (JsonNode column : matrix.path("columns")) {
            String theme = column.path("id").asText();
            JsonNode facet = ok("/api/items?state=Hessen&size=1&theme=" + theme).path("facets").path("month");
            assertThat(column.path("months")).as(theme).isEqualTo(facet);
            long months = StreamSupport.stream(column.path("months").spliterator(), false)
                    .mapToLong(month -> month.path("count").asLong()).sum();
            assertThat(months).as(theme).isEqualTo(column.path("items").asLong());
        }
        assertThat(matrix.path("columns").findValues("months")).anySatisfy(months -> assertThat(months).hasSizeGreaterThan(1));
    }

    @Test
    void compareTotalsCountDistinctItemsAndProjects() throws Exception {
        JsonNode matrix = ok("/api/compare");

        long rowItems = 0;
        long rowProjects = 0;
        for (JsonNode row : matrix.path("rows")) {
            rowItems += row.path("items").asLong();
            rowProjects += row.path("projects").asLong();
            long largestCell = 0;
            for (JsonNode cell : row.path("cells")) {
                largestCell = Math.max(largestCell, cell.path("items").asLong());
            }
            assertThat(row.path("items").asLong()).as(row.path("name").asText()).isGreaterThanOrEqualTo(largestCell);
        }
        // Every item and project has one place, so rows add up to the whole, and each column to the sum of its cells.
        assertThat(matrix.path("totals").path("items").asLong()).isEqualTo(rowItems).isPositive();
        assertThat(matrix.path("totals").path("projects").asLong()).isEqualTo(rowProjects).isEqualTo(50);
        for (JsonNode column : matrix.path("columns")) {
            String theme = column.path("id").asText();
            long cells = StreamSupport.stream(matrix.path("rows").spliterator(), false)
                    .mapToLong(row -> row.path("cells").path(theme).path("items").asLong(0)).sum();
            assertThat(column.path("items").asLong()).as(theme).isEqualTo(cells);
        }
        assertThat(matrix.path("columns")).hasSize(served.catalogue().taxonomy().themes().size());
        assertThat(counts(matrix.path("rows"))).as("sorted by count").isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void compareSortsByNameInGermanOrderAndFiltersByStateAndDate() throws Exception {
        JsonNode byName = ok("/api/compare?sort=name");
        JsonNode hessen = ok("/api/compare?state=Hessen&theme=parking");
        JsonNode november = ok("/api/compare?from=2026-11-15&to=2026-11-30");

        assertThat(texts(byName.path("rows"), "name")).isSortedAccordingTo(Collator.getInstance(Locale.GERMAN));
        assertThat(texts(byName.path("columns"), "label")).isSortedAccordingTo(Collator.getInstance(Locale.GERMAN));
        assertThat(texts(hessen.path("rows"), "state")).isNotEmpty().containsOnly("Hessen");
        assertThat(texts(hessen.path("columns"), "id")).containsExactly("parking");
        november.path("rows").forEach(row -> row.path("cells").forEach(cell -> {
            if (cell.has("latest")) {
                assertThat(cell.path("latest").path("published").asText()).isBetween("2026-11-14T23", "2026-11-30T23");
            }
        }));
        assertThat(november.path("totals").path("items").asLong())
                .isLessThan(ok("/api/compare").path("totals").path("items").asLong());
    }

    @Test
    void similarItemsComeFromOtherCitiesAndSayWhy() throws Exception {
        JsonNode similar = ok("/api/items/" + FRANKFURT_CAR_PARK + "/similar");

        assertThat(similar.path("items")).isNotEmpty();
        similar.path("items").forEach(item -> {
            assertThat(item.path("place").path("ags").asText()).isNotEqualTo(FRANKFURT);
            assertThat(item.path("why").path("text").asText()).isNotBlank();
        });
        JsonNode first = similar.path("items").path(0);
        assertThat(first.path("title").asText()).contains("Parkleitsystem");
        assertThat(texts(first.path("why").path("themes"), "id")).contains("parking");
        assertThat(first.path("why").path("terms").toString()).contains("Parkleitsystem");
        assertThat(ok("/api/items/" + FRANKFURT_CAR_PARK + "/similar?limit=1").path("items")).hasSize(1);
    }

    @Test
    void similarProjectsComeFromOtherCitiesAndSayWhy() throws Exception {
        JsonNode similar = ok("/api/projects/kl-parksensoren/similar");

        assertThat(texts(similar.path("projects"), "slug")).startsWith("ma-barrierefrei-parken").contains("wob-parkleitsystem");
        similar.path("projects").forEach(project ->
                assertThat(project.path("place").path("name").asText()).isNotEqualTo("Kaiserslautern"));
        JsonNode first = similar.path("projects").path(0);
        assertThat(texts(first.path("why").path("themes"), "id")).contains("parking", "sensors");
        assertThat(first.path("statusLabel").asText()).isNotBlank();
    }

    @Test
    void similarProjectsShareTheMainThemeBeforeAMinorOne() throws Exception {
        // Barrier-free parking in Mannheim is parking first, sensors and inclusion after: a heat action plan that
        // shares only inclusion and a few words must not come before the parking projects of other cities.
        JsonNode similar = ok("/api/projects/ma-barrierefrei-parken/similar");

        List<String> themesOfTheFirstTwo = StreamSupport.stream(similar.path("projects").spliterator(), false).limit(2)
                .map(project -> project.path("slug").asText() + " " + project.path("themes")).toList();
        assertThat(themesOfTheFirstTwo).hasSize(2).allMatch(project -> project.contains("parking"));
    }

    @Test
    void suggestionsCompleteCitiesThemesAndProjectsWhateverTheCaseAndUmlauts() throws Exception {
        JsonNode park = ok("/api/suggest?q=Park");
        JsonNode hurth = ok("/api/suggest?q=hurth");
        JsonNode huerth = ok("/api/suggest?q=Huer");
        JsonNode one = ok("/api/suggest?q=w");

        assertThat(suggestions(park)).contains("theme:parking", "project:kl-parksensoren", "project:ffm-parkleitsystem");
        assertThat(suggestions(hurth)).contains("city:Hürth");
        assertThat(suggestions(huerth)).contains("city:Hürth");
        assertThat(one.size()).isBetween(1, 10);
        assertThat(suggestions(one)).contains("city:Wolfsburg", "theme:winter-service");
    }

    @Test
    void aCursorWalksEveryItemOnceAndTheLastPageHasNoNext() throws Exception {
        Set<String> all = new HashSet<>(texts(ok("/api/items?size=100").path("items"), "id"));
        List<String> walked = new ArrayList<>();
        JsonNode page = ok("/api/items?size=7&sort=date");
        walked.addAll(texts(page.path("items"), "id"));
        assertThat(page.path("facets").path("month")).as("the first page has facets, the month histogram among them").isNotEmpty();
        int pages = 1;
        while (page.has("next")) {
            page = ok("/api/items?cursor=" + page.path("next").asText());
            walked.addAll(texts(page.path("items"), "id"));
            pages++;
            assertThat(page.path("page").asInt()).isEqualTo(pages);
        }

        assertThat(walked).doesNotHaveDuplicates().hasSize(all.size());
        assertThat(new HashSet<>(walked)).isEqualTo(all);
        assertThat(pages).isEqualTo((all.size() + 6) / 7);
    }

    @Test
    void anExpiredCursorAnswers400SayingSo() throws Exception {
        JsonNode second = ok("/api/items?cursor=" + ok("/api/items?size=5").path("next").asText());
        String next = second.path("next").asText();
        JsonNode cursor = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(next));
        // What a minute without a page does: the point in time is gone.
        HttpResponse<String> closed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(SharedElasticsearch.url().resolve("/_pit"))
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"id\":\"" + cursor.path("pit").asText() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(closed.statusCode()).isEqualTo(200);

        ApiClient.Answer expired = api.get("/api/items?cursor=" + next);

        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().path("message").asText()).startsWith("Parameter 'cursor': expired");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/compare?theme=parking&field=Mobilit%C3%A4t | field",
            "/api/compare?theme=parken                       | theme",
            "/api/compare?field=Verkehr                      | field",
            "/api/compare?state=Hesse                        | state",
            "/api/compare?sort=items                         | sort",
            "/api/items?state=BW                             | state",
            "/api/items?cursor=abc                           | cursor",
            "/api/items?page=501&size=20                     | page",
            "/api/suggest                                    | q",
            "/api/suggest?q=Park&size=3                      | size",
            "/api/items/44ca03227f11cc50c05b/similar?limit=21 | limit",
            "/api/projects/kl-parksensoren/similar?limit=x   | limit"})
    void invalidParametersAnswer400NamingTheParameter(String request, String parameter) throws Exception {
        ApiClient.Answer answer = api.get(request);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).isEqualTo("invalid_parameter");
        assertThat(answer.json().path("message").asText()).startsWith("Parameter '" + parameter + "'");
        assertThat(schemas.problems(answer.json(), schemas.answerSchema("/api/compare", 400))).isEmpty();
    }

    @Test
    void similarOfSomethingUnknownAnswers404() throws Exception {
        assertThat(api.get("/api/items/00000000000000000000/similar").status()).isEqualTo(404);
        assertThat(api.get("/api/projects/gibt-es-nicht/similar").status()).isEqualTo(404);
    }

    @Test
    void everyOpenEndpointOfTheDocumentAnswersWhatItsSchemaSays() throws Exception {
        JsonNode document = api.get("/api/openapi.json").json();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode() || get.has("security")) {
                // The write side, which needs a key: EditorialApiIT holds its answers to the schemas.
                continue;
            }
            String request = path.getKey();
            for (JsonNode parameter : path.getValue().path("get").path("parameters")) {
                JsonNode resolved = document.at(parameter.path("$ref").asText().substring(1));
                if (resolved.path("required").asBoolean()) {
                    String value = encode(resolved.path("example").asText());
                    request = resolved.path("in").asText().equals("path")
                            ? request.replace("{" + resolved.path("name").asText() + "}", value)
                            : request + (request.contains("?") ? "&" : "?") + resolved.path("name").asText() + "=" + value;
                }
            }
            JsonNode content = path.getValue().path("get").path("responses").path("200").path("content");
            if (content.has("application/json")) {
                assertConforms(path.getKey(), request);
            } else {
                // Feeds and CSV exports: the type the document names, as the answer's Content-Type.
                ApiClient.Answer answer = api.get(request);
                assertThat(answer.status()).as(request).isEqualTo(200);
                assertThat(answer.contentType()).as(request).startsWith(content.fieldNames().next() + ";");
            }
        }
    }

    @Test
    void answersWithEveryOptionalPartAlsoFitTheirSchemas() throws Exception {
        String cursor = ok("/api/items?q=Parken&size=1").path("next").asText();
        String merged = ok("/api/items?source=kommune21&city=Mannheim").path("items").path(0).path("id").asText();

        assertConforms("/api/items", "/api/items?q=Parkhaus");
        assertConforms("/api/items", "/api/items?cursor=" + cursor);
        assertConforms("/api/items/{id}", "/api/items/" + merged);
        assertConforms("/api/compare", "/api/compare?field=" + encode("Mobilität") + "&sort=name");
        assertConforms("/api/projects", "/api/projects?q=Parksensoren&status=running");
        assertConforms("/api/suggest", "/api/suggest?q=a");
        assertConforms("/api/projects/{slug}/similar", "/api/projects/ffm-open-data-portal/similar?limit=20");
    }

    @Test
    void answersCanBeRevalidatedCachedBrieflyAndReadFromAnyOrigin() throws Exception {
        ApiClient.Answer first = api.get("/api/compare?theme=parking", "Origin", "https://example.org");
        ApiClient.Answer again = api.get("/api/compare?theme=parking", "If-None-Match", first.header("ETag"));
        ApiClient.Answer other = api.get("/api/compare?theme=waste", "If-None-Match", first.header("ETag"));

        assertThat(first.header("ETag")).isNotBlank();
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(first.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(again.status()).isEqualTo(304);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("ETag")).isNotEqualTo(first.header("ETag"));
    }

    private static void assertConforms(String path, String request) throws Exception {
        ApiClient.Answer answer = api.get(request);
        assertThat(answer.status()).as(request).isEqualTo(200);
        assertThat(schemas.problems(answer.json(), schemas.answerSchema(path, 200))).as(request).isEmpty();
    }

    private static JsonNode ok(String request) throws Exception {
        ApiClient.Answer answer = api.get(request);
        assertThat(answer.status()).as(request + " " + answer.json()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode row(JsonNode matrix, String ags) {
        return StreamSupport.stream(matrix.path("rows").spliterator(), false)
                .filter(row -> row.path("ags").asText().equals(ags)).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(element -> element.path(field).asText()).toList();
    }

    private static List<Long> counts(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(row -> row.path("items").asLong()).toList();
    }

    private static List<String> suggestions(JsonNode answer) {
        return StreamSupport.stream(answer.spliterator(), false)
                .map(suggestion -> suggestion.path("type").asText() + ":" + suggestion.path("value").asText()).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
