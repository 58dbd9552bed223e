package de.smartcity.catalogue.routes.place;

import static org.assertj.core.api.Assertions.assertThat;

import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import de.smartcity.catalogue.model.Source;
import de.smartcity.catalogue.model.SourceKind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceRecognizerTest {

    private static final String NEUTRAL_TEASER = "Die Digitalisierung der Verwaltung kommt voran.";

    private final PlaceRecognizer recognizer = PlaceRecognizer.withBundledGazetteer();

    @Test
    void declaredCityWinsOverThePlaceInTheTitle() {
        Place place = recognizer.recognise("Frankfurt am Main: Neues Parkleitsystem in der Innenstadt",
                "In Frankfurt am Main melden 24 Parkhäuser ihre Belegung.", Optional.of("Mannheim")).orElseThrow();

        assertThat(place.name()).isEqualTo("Mannheim");
        assertThat(place.ags()).isEqualTo("08222000");
        assertThat(place.state()).isEqualTo("Baden-Württemberg");
        assertThat(place.kind()).isEqualTo(PlaceKind.MUNICIPALITY);
        assertThat(place.reason()).isEqualTo("Stadt der Quelle: 'Mannheim'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Mannheim: Sensoren erleichtern die Orientierung beim barrierefreien Parken | Mannheim          | MUNICIPALITY | 08222000 | Baden-Württemberg
            Kreis Hof: Glasfaser für entlegene Ortsteile dank Förderprogramm          | Landkreis Hof     | KREIS        | 09475    | Bayern
            Frankfurt am Main: Anwohnerparkausweis jetzt digital beantragen            | Frankfurt am Main | MUNICIPALITY | 06412000 | Hessen
            """)
    void resolvesThePlaceOfAPortalTitle(String title, String name, PlaceKind kind, String ags, String state) {
        Place place = recognizer.recognise(title, NEUTRAL_TEASER, Optional.empty()).orElseThrow();

        assertThat(place.name()).isEqualTo(name);
        assertThat(place.kind()).isEqualTo(kind);
        assertThat(place.ags()).isEqualTo(ags);
        assertThat(place.state()).isEqualTo(state);
        assertThat(place.reason()).startsWith("Ortsname im Titel:");
    }

    @Test
    void findsAPlaceMentionedInTheTeaserWhenTheTitleNamesNone() {
        Place place = recognizer.recognise("Zwölf neue Ladesäulen am Bahnhof",
                "In Hürth entstehen zwölf neue Ladesäulen für E-Autos.", Optional.empty()).orElseThrow();

        assertThat(place.name()).isEqualTo("Hürth");
        assertThat(place.ags()).isEqualTo("05362028");
        assertThat(place.state()).isEqualTo("Nordrhein-Westfalen");
    }

    @Test
    void findsTheTownOfAnAdjectiveWhenTheTextNamesNoPlace() {
        Place place = recognizer.recognise("Neue Ladezonen für Lieferdienste",
                "In der Kölner Innenstadt gibt es zwölf neue Ladezonen.", Optional.empty()).orElseThrow();

        assertThat(place.ags()).isEqualTo("05315000");
        assertThat(place.reason()).isEqualTo("Ortsname als Adjektiv im Text: 'Kölner'");
    }

    @Test
    void placeNamedInTheTeaserBeatsTheAdjectiveOfAnotherTownInTheTitle() {
        Place place = recognizer.recognise("Münchner Modell übernommen",
                "Die Stadt Augsburg führt das Parkleitsystem nach Münchner Vorbild ein.", Optional.empty()).orElseThrow();

        assertThat(place.ags()).isEqualTo("09761000");
    }

    @Test
    void theAdjectiveOfATownInTheTitleBeatsASmallerTownTheTeaserMentions() {
        Place place = recognizer.recognise("Neubrandenburger Stadtwerke steigen bei Windpark ein",
                "Die Anlagen stehen zwischen Friedland und Strasburg.", Optional.empty()).orElseThrow();

        assertThat(place.ags()).isEqualTo("13071107");
    }

    @Test
    void aKreisThatActsInTheTeaserBeatsItsTownInTheTitle() {
        Place place = recognizer.recognise("Rufbus per App: On-Demand-Verkehr startet rund um Anklam",
                "Der Landkreis Vorpommern-Greifswald ergänzt den Linienverkehr um Anklam.", Optional.empty()).orElseThrow();

        assertThat(place.kind()).isEqualTo(PlaceKind.KREIS);
        assertThat(place.ags()).isEqualTo("13075");
    }

    @Test
    void aLeadingNameOfTownAndKreisAlikeIsTheKreisTheTeaserNames() {
        String teaser = "Ein Messfahrzeug hat im Landkreis St. Wendel alle Kreisstraßen abgefahren.";

        assertThat(recognizer.recognise("St. Wendel: Messfahrten spüren Funklöcher auf", teaser, Optional.empty())
                .orElseThrow().ags()).isEqualTo("10046");
        assertThat(recognizer.recognise("Winterberg: Weltcup bringt ausgebuchte Hotels",
                "Der Hochsauerlandkreis rechnet mit 20.000 Gästen.", Optional.empty()).orElseThrow().ags())
                .isEqualTo("05958048");
    }

    @Test
    void aTownInTheTitleStaysWhenTheTeaserNamesItAsAnActorBesideItsKreis() {
        Place place = recognizer.recognise("P+R-Anlage am Bahnhof Bad Tölz wird erweitert",
                "Der Landkreis Bad Tölz-Wolfratshausen und die Stadt Bad Tölz bauen den Platz aus.", Optional.empty())
                .orElseThrow();

        assertThat(place.ags()).isEqualTo("09173112");
    }

    @Test
    void findsThePlaceOfTheTeasersDateline() {
        Place place = recognizer.recognise("Besucherstrom auf dem Weihnachtsmarkt reißt nicht ab",
                "Essen: Rund 2,4 Millionen Menschen haben den Markt besucht.", Optional.empty()).orElseThrow();

        assertThat(place.ags()).isEqualTo("05113000");
    }

    @Test
    void aTownInTheTitleStaysWhenTheTeaserNamesAnotherKreis() {
        Place place = recognizer.recognise("Neues Parkhaus in Anklam",
                "Der Landkreis Rostock plant ein ähnliches.", Optional.empty()).orElseThrow();

        assertThat(place.ags()).isEqualTo("13075005");
    }

    @Test
    void declaredLandkreisIsTheKreisEvenWhenTheTextNamesItsTowns() {
        Place place = recognizer.recognise("Freie Plätze an den Bahnhöfen",
                "An den Bahnhöfen in Grafing und Zorneding zählen Schranken die Autos.", Optional.of("Landkreis Ebersberg"))
                .orElseThrow();

        assertThat(place.kind()).isEqualTo(PlaceKind.KREIS);
        assertThat(place.ags()).isEqualTo("09175");
    }

    @Test
    void givesNoPlaceWhenNoneIsNamed() {
        assertThat(recognizer.recognise("Smart City: Was Kommunen jetzt tun müssen", NEUTRAL_TEASER, Optional.empty()))
                .isEmpty();
    }

    @Test
    void keepsUnknownDeclaredCityUnresolvedWithAReason() {
        Place place = recognizer.recognise("Neue Ladesäulen", NEUTRAL_TEASER, Optional.of("Entenhausen")).orElseThrow();

        assertThat(place.name()).isEqualTo("Entenhausen");
        assertThat(place.kind()).isEqualTo(PlaceKind.UNKNOWN);
        assertThat(place.ags()).isNull();
        assertThat(place.state()).isNull();
        assertThat(place.reason()).contains("nicht gefunden").contains("'Entenhausen'");
    }

    @Test
    void placesAnItemByItsSourceCity() {
        Source source = new Source("huerth-presse", "Hürth", URI.create("https://www.huerth.de/rss.xml"), SourceKind.AUTO,
                Duration.ofMinutes(30), null);
        NewsItem item = new NewsItem("0123456789abcdef0123", "Räumpläne für den Winterdienst online", "", "https://www.huerth.de/a",
                Instant.parse("2026-11-16T08:15:00Z"), false, Instant.parse("2026-11-16T08:15:00Z"),
                Instant.parse("2026-11-16T08:15:00Z"), List.of("huerth-presse"), List.of(), null, List.of(), List.of(), "de");

        NewsItem placed = recognizer.place(item, source);

        assertThat(placed.place()).isNotNull();
        assertThat(placed.place().ags()).isEqualTo("05362028");
        assertThat(placed.title()).isEqualTo(item.title());
    }

    @Test
    void leavesItemOfPortalWithoutPlaceWhenNoneIsNamed() {
        Source portal = new Source("kommune21", null, URI.create("https://www.kommune21.de/meldungen/"), SourceKind.HTML,
                Duration.ofMinutes(30), null);
        NewsItem item = new NewsItem("0123456789abcdef0123", "Smart City: Was Kommunen jetzt tun müssen", NEUTRAL_TEASER,
                "https://www.kommune21.de/a", Instant.parse("2026-11-16T08:15:00Z"), false, Instant.parse("2026-11-16T08:15:00Z"),
                Instant.parse("2026-11-16T08:15:00Z"), List.of("kommune21"), List.of(), null, List.of(), List.of(), "de");

        assertThat(recognizer.place(item, portal).place()).isNull();
    }
}
