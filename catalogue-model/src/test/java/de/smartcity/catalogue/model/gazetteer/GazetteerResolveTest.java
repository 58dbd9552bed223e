package de.smartcity.catalogue.model.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GazetteerResolveTest {

    private final Gazetteer gazetteer = Gazetteer.instance();

    private Place resolved(String name) {
        return gazetteer.resolve(name).orElseThrow(() -> new AssertionError("not found: " + name));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Frankfurt am Main   | Frankfurt am Main       | 06412000
            Frankfurt           | Frankfurt am Main       | 06412000
            Frankfurt (Oder)    | Frankfurt (Oder)        | 12053000
            Frankfurt/Oder      | Frankfurt (Oder)        | 12053000
            Frankfurt a.M.      | Frankfurt am Main       | 06412000
            Frankfurt/M         | Frankfurt am Main       | 06412000
            Halle/S.            | Halle (Saale)           | 15002000
            Kirchheim/Teck      | Kirchheim unter Teck    | 08116033
            Cottbus             | Cottbus                 | 12052000
            Lübbenau            | Lübbenau/Spreewald      | 12066196
            Mannheim            | Mannheim                | 08222000
            Hürth               | Hürth                   | 05362028
            Kaiserslautern      | Kaiserslautern          | 07312000
            Hof                 | Hof                     | 09464000
            Halle (Saale)       | Halle (Saale)           | 15002000
            Halle an der Saale  | Halle (Saale)           | 15002000
            Halle               | Halle (Saale)           | 15002000
            Freiburg            | Freiburg im Breisgau    | 08311000
            Ludwigshafen        | Ludwigshafen am Rhein   | 07314000
            Essen               | Essen                   | 05113000
            Hamburg             | Hamburg                 | 02000000
            Berlin              | Berlin                  | 11000000
            Bremen              | Bremen                  | 04011000
            Neumarkt in der Oberpfalz | Neumarkt i.d.OPf. | 09373147
            Bad Homburg vor der Höhe | Bad Homburg v. d. Höhe | 06434001
            Sankt Ingbert       | St. Ingbert             | 10045117
            """)
    void resolvesMunicipalitiesToTheirAgs(String name, String expectedName, String expectedAgs) {
        Place place = resolved(name);

        assertThat(place.kind()).isEqualTo(PlaceKind.MUNICIPALITY);
        assertThat(place.name()).isEqualTo(expectedName);
        assertThat(place.ags()).isEqualTo(expectedAgs);
    }

    @Test
    void municipalityCarriesStateKreisAndCoordinates() {
        Place huerth = resolved("Hürth");

        assertThat(huerth.state()).isEqualTo("Nordrhein-Westfalen");
        assertThat(huerth.kreis()).isEqualTo("Rhein-Erft-Kreis");
        assertThat(huerth.latitude()).isCloseTo(50.87, within(0.01));
        assertThat(huerth.longitude()).isCloseTo(6.87, within(0.01));
        assertThat(huerth.reason()).isEqualTo("Ortsangabe 'Hürth'");
    }

    @Test
    void hofIsTheBavarianCityNotTheVillageInTheWesterwald() {
        Place hof = resolved("Hof");

        assertThat(hof.state()).isEqualTo("Bayern");
        assertThat(hof.reason()).contains("einwohnerstärkster von 2 Orten namens 'Hof'");
    }

    @Test
    void weimarIsTheKreisfreieStadtNotTheTownInHesse() {
        Place weimar = resolved("Weimar");

        assertThat(weimar.ags()).isEqualTo("16055000");
        assertThat(weimar.reason()).contains("einwohnerstärkster von 2 Orten namens 'Weimar'");
    }

    @ParameterizedTest
    @CsvSource({"Huerth, Hürth", "HÜRTH, Hürth", "hürth, Hürth", "Koeln, Köln", "Giessen, Gießen", "Muenchen, München"})
    void toleratesCaseAndSpelledOutUmlauts(String written, String expected) {
        assertThat(resolved(written).name()).isEqualTo(expected);
    }

    @Test
    void comparesNamesAfterUnicodeNormalisation() {
        String decomposed = "Ko\u0308ln";

        assertThat(resolved(decomposed).ags()).isEqualTo("05315000");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Kreis Hof                | 09475 | Landkreis Hof
            Landkreis Hof            | 09475 | Landkreis Hof
            Lkr. Hof                 | 09475 | Landkreis Hof
            Landkreis Gießen         | 06531 | Landkreis Gießen
            Landkreis Kaiserslautern | 07335 | Landkreis Kaiserslautern
            Rhein-Erft-Kreis         | 05362 | Rhein-Erft-Kreis
            Kreis Kleve              | 05154 | Kreis Kleve
            Region Hannover          | 03241 | Region Hannover
            Dithmarschen             | 01051 | Kreis Dithmarschen
            Landkreis Mühldorf am Inn | 09183 | Landkreis Mühldorf a.Inn
            """)
    void resolvesKreiseByTheirUsualNames(String name, String expectedKey, String expectedName) {
        Place kreis = resolved(name);

        assertThat(kreis.kind()).isEqualTo(PlaceKind.KREIS);
        assertThat(kreis.ags()).isEqualTo(expectedKey);
        assertThat(kreis.name()).isEqualTo(expectedName);
    }

    @Test
    void bareKreisNameMeansTheCityWhenOneHasThatName() {
        assertThat(resolved("Gießen").kind()).isEqualTo(PlaceKind.MUNICIPALITY);
        assertThat(resolved("Kleve").ags()).isEqualTo("05154036");
    }

    @ParameterizedTest
    @CsvSource({"Bayern, 09", "Hessen, 06", "Nordrhein-Westfalen, 05", "Brandenburg, 12", "Sachsen, 14"})
    void resolvesStates(String name, String expectedKey) {
        Place state = resolved(name);

        assertThat(state.kind()).isEqualTo(PlaceKind.STATE);
        assertThat(state.ags()).isEqualTo(expectedKey);
        assertThat(state.state()).isEqualTo(name);
    }

    @Test
    void ambiguousNameGivesAnUnknownPlaceWithTheCandidatesInTheReason() {
        Place neustadt = resolved("Neustadt");

        assertThat(neustadt.kind()).isEqualTo(PlaceKind.UNKNOWN);
        assertThat(neustadt.name()).isEqualTo("Neustadt");
        assertThat(neustadt.ags()).isNull();
        assertThat(neustadt.reason())
                .startsWith("mehrdeutig: 16 Gemeinden heißen Neustadt")
                .contains("Neustadt an der Weinstraße (Rheinland-Pfalz)");
    }

    @Test
    void namesOfSimilarSizeStayAmbiguous() {
        assertThat(resolved("Friedberg").kind()).isEqualTo(PlaceKind.UNKNOWN);
        assertThat(resolved("Friedberg (Hessen)").ags()).isEqualTo("06440008");
    }

    @Test
    void acceptsALeadingDesignation() {
        assertThat(resolved("Stadt Hof").ags()).isEqualTo("09464000");
        assertThat(resolved("Landeshauptstadt München").ags()).isEqualTo("09162000");
        assertThat(resolved("Stadt Bremen").kind()).isEqualTo(PlaceKind.MUNICIPALITY);
        assertThat(resolved("Stadtkreis Karlsruhe").ags()).isEqualTo("08212000");
    }

    @Test
    void unknownNamesGiveNothing() {
        assertThat(gazetteer.resolve("Atlantis")).isEmpty();
        assertThat(gazetteer.resolve("   ")).isEmpty();
        assertThat(gazetteer.resolve("Stadt Atlantis")).isEmpty();
    }

    @Test
    void uninhabitedAreasAreNotPlaces() {
        assertThat(gazetteer.resolve("Gutsbezirk Reinhardswald")).isEmpty();
        assertThat(gazetteer.resolve("Osterheide")).isPresent();
    }

    @ParameterizedTest(name = "{0} in: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Schneeberg | Die Erzgebirgsstadt erinnert an den Bergarbeiterstreik       | 14521530
            Freiberg   | Die Universitätsstadt in Sachsen testet Carsharing           | 14522180
            Freiberg   | Ein Verein im Landkreis Ludwigsburg                          | 08118078
            """)
    void ambiguousNameIsSettledByTheRegionTheTextNames(String name, String text, String expectedAgs) {
        Place ambiguous = gazetteer.resolve(name).orElseThrow();

        Place place = gazetteer.disambiguate(ambiguous, text);

        assertThat(ambiguous.kind()).isEqualTo(PlaceKind.UNKNOWN);
        assertThat(place.ags()).isEqualTo(expectedAgs);
        assertThat(place.reason()).contains("mehrdeutig, im Text als Ort in");
    }

    @Test
    void ambiguousTitlePlaceIsTheOneTheTeaserNamesNextToItsNeighbour() {
        Place bruehl = gazetteer.findLeadingPlace("Brühl: Neuer Hausmeister für das Bürgerhaus").orElseThrow();

        Place place = gazetteer.disambiguate(bruehl, "Die Gemeinde Brühl bei Mannheim hat die Stelle besetzt.");

        assertThat(bruehl.kind()).isEqualTo(PlaceKind.UNKNOWN);
        assertThat(place.ags()).isEqualTo("08226009");
        assertThat(gazetteer.resolve("Brühl bei Köln").orElseThrow().ags()).isEqualTo("05362012");
    }

    @Test
    void ambiguousNameStaysAmbiguousWithoutOrWithSeveralRegions() {
        Place neustadt = gazetteer.resolve("Neustadt").orElseThrow();

        assertThat(gazetteer.disambiguate(neustadt, "Neustadt saniert das Rathausdach").kind()).isEqualTo(PlaceKind.UNKNOWN);
        assertThat(gazetteer.disambiguate(neustadt, "Ein Verbund von Gemeinden in Sachsen-Anhalt").kind())
                .isEqualTo(PlaceKind.UNKNOWN);
        Place mannheim = gazetteer.resolve("Mannheim").orElseThrow();
        assertThat(gazetteer.disambiguate(mannheim, "in Sachsen")).isEqualTo(mannheim);
    }
}
