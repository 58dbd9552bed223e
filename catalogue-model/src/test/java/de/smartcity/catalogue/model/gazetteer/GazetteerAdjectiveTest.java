package de.smartcity.catalogue.model.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import de.smartcity.catalogue.model.Place;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GazetteerAdjectiveTest {

    private final Gazetteer gazetteer = Gazetteer.instance();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            In der Dortmunder City überwachen Sensoren die Ladezonen | 05913000
            CO2-Ampeln in 30 Kölner Schulen                          | 05315000
            Das Münchner Modell macht Schule                         | 09162000
            Die Göttinger Innenstadt bekommt WLAN                    | 03159016
            Die Bremer Stadtreinigung testet E-Fahrzeuge             | 04011000
            Ein „Frankfurter Modell“ für Ladesäulen                  | 06412000
            Kanuslalom: Augsburgerin holt Gold im Eiskanal           | 09761000
            Zwei Münchnerinnen gründen ein Start-up                  | 09162000
            Die Darmstädter Innenstadt bekommt Sensoren              | 06411000
            Hannoveraner Verkehrsbetriebe testen autonome Busse      | 03241001
            Hallenser Stadtwerke bauen Solarpark                     | 15002000
            Wärmestube in der Nordhäuser Altstadt                    | 16062041
            Eine Münsteraner Schule gewinnt den Preis                | 05515000
            Buchen im Bad Kreuznacher Kurpark gefällt                | 07133006
            Fachwerkhaus am Eschweger Marktplatz gerettet            | 06636003
            Im Derby kassierten die Regensburger vier Gegentore      | 09362000
            Glatter Gehweg? Kölner können ihn online melden          | 05315000
            """)
    void findsTheTownWhoseAdjectiveDescribesANoun(String text, String expectedAgs) {
        assertThat(gazetteer.findPlaceNamedByAdjective(text)).get().extracting(Place::ags).isEqualTo(expectedAgs);
    }

    @Test
    void reasonQuotesTheAdjective() {
        Place place = gazetteer.findPlaceNamedByAdjective("In der Dortmunder City").orElseThrow();

        assertThat(place.reason()).isEqualTo("Ortsname als Adjektiv im Text: 'Dortmunder'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Der Oberbürgermeister, ein gebürtiger Dortmunder, eröffnet die Konferenz",
            "Die Sieger Mannschaft bekommt einen Preis",
            "Alle Bürger Meldungen landen im Mängelmelder",
            "Die Weiler Feuerwehr übt mit Drohnen",
            "Baustelle in der Berliner Straße dauert bis Mai",
            "Frankfurter Würstchen und Hamburger am Imbiss",
            "In der Innenstadt gibt es neue Parkplätze",
            "Trauer um Altbürgermeister Werner Schnee",
            "Trauer um Rainer Schnee, der die Schule leitete",
            "Am Imbiss gibt es die Hamburger mit Pommes"})
    void findsNothingWithoutTheAdjectiveOfAKnownTown(String text) {
        assertThat(gazetteer.findPlaceNamedByAdjective(text)).isEmpty();
    }
}
