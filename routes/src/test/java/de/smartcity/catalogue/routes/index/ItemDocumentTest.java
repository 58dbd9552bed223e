package de.smartcity.catalogue.routes.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.smartcity.catalogue.model.CatalogueJson;
import de.smartcity.catalogue.model.Evidence;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import de.smartcity.catalogue.model.ProjectLink;
import de.smartcity.catalogue.model.ReviewState;
import de.smartcity.catalogue.model.ThemeAssignment;
import de.smartcity.catalogue.routes.store.Review;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemDocumentTest {
    private static final ObjectMapper JSON = CatalogueJson.mapper();
    private static final Instant PUBLISHED = Instant.parse("2026-11-18T09:30:00Z");
    private static final NewsItem ITEM = new NewsItem("4f1c2a9e0b7d3e5f6a81", "Parksensoren melden freie Stellplätze",
            "Rund 400 Sensoren.", "https://www.kaiserslautern.de/presse/1", PUBLISHED, false, PUBLISHED, PUBLISHED,
            List.of("kaiserslautern-presse"), List.of(), null,
            List.of(new ThemeAssignment("parking", 0.98, List.of(new Evidence("Parksensoren", "title")))),
            List.of("Mobilität"), "de");

    @Test
    void isTheItemsOwnJsonPlusItsCoordinatesAsAGeoPointItsProjectsAndItsReviewState() throws Exception {
        NewsItem placed = ITEM.withPlace(new Place("Kaiserslautern", PlaceKind.MUNICIPALITY, "07312000",
                "Rheinland-Pfalz", "Kaiserslautern", 49.444, 7.769, "Stadt der Quelle"));

        ProjectLink link = new ProjectLink("kl-parksensoren", "Parksensoren Kaiserslautern",
                "Titel nennt „Parksensoren“, Ort Kaiserslautern", "auto");

        JsonNode document = JSON.readTree(JSON.writeValueAsString(ItemDocument.of(placed, List.of(link),
                new Review(ReviewState.FEATURED, "Titelthema", Instant.EPOCH, "3f9a0c12b7e4"))));

        ObjectNode expected = JSON.valueToTree(placed);
        expected.putObject("location").put("lat", 49.444).put("lon", 7.769);
        expected.putArray("projects").add("kl-parksensoren");
        expected.putArray("projectLinks").add(JSON.valueToTree(link));
        expected.putObject("review").put("state", "featured");
        assertThat(document).isEqualTo(expected);
        assertThat(document.get("published").asText()).isEqualTo("2026-11-18T09:30:00Z");
    }

    @Test
    void hasNoLocationWhenThePlaceOrItsCoordinatesAreUnknown() throws Exception {
        NewsItem unplacedCoordinates = ITEM.withPlace(new Place("Landkreis Kaiserslautern", PlaceKind.KREIS, "07335",
                "Rheinland-Pfalz", null, null, null, "Kreis im Titel"));

        ObjectNode unplacedExpected = JSON.valueToTree(ITEM);
        unplacedExpected.putArray("projects");
        unplacedExpected.putArray("projectLinks");
        unplacedExpected.putObject("review").put("state", "new");
        assertThat(JSON.readTree(JSON.writeValueAsString(ItemDocument.of(ITEM, List.of(), Review.NONE)))).isEqualTo(unplacedExpected);
        assertThat(JSON.readTree(JSON.writeValueAsString(ItemDocument.of(unplacedCoordinates, List.of(), Review.NONE))).has("location"))
                .isFalse();
    }
}
