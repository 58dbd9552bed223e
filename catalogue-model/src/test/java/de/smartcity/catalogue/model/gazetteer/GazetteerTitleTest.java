package de.smartcity.catalogue.model.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GazetteerTitleTest {

    private final Gazetteer gazetteer = Gazetteer.instance();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Mannheim: Orientierung für barrierefreies Parken         | 08222000
            Frankfurt am Main: Neue Ladesäulen in der Innenstadt     | 06412000
            Halle (Saale): Digitale Bürgerdienste starten            | 15002000
            Kreis Hof: Breitband für alle Schulen                    | 09475
            Hof: Stadt testet smarte Straßenlaternen                 | 09464000
            Essen: Sensoren messen die Luftqualität                  | 05113000
            Huerth: Bürgerportal online                              | 05362028
            """)
    void resolvesThePrefixBeforeTheFirstColon(String title, String expectedKey) {
        Place place = gazetteer.findLeadingPlace(title).orElseThrow();

        assertThat(place.ags()).isEqualTo(expectedKey);
    }

    @Test
    void reasonQuotesThePrefix() {
        Place place = gazetteer.findLeadingPlace("Hürth: Klimaschutz mit Daten").orElseThrow();

        assertThat(place.reason()).isEqualTo("Ortsname im Titel: 'Hürth'");
        assertThat(place.kind()).isEqualTo(PlaceKind.MUNICIPALITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Mannheim startet Open-Data-Portal",
        "Smart City: Was Kommunen jetzt tun müssen",
        ": leerer Präfix",
        "Interview: Die Oberbürgermeisterin von Ulm"
    })
    void givesNothingWithoutAKnownPrefix(String title) {
        assertThat(gazetteer.findLeadingPlace(title)).isEmpty();
    }

    @Test
    void ambiguousPrefixIsReportedAsAmbiguous() {
        Place place = gazetteer.findLeadingPlace("Neustadt: Neues Parkleitsystem").orElseThrow();

        assertThat(place.kind()).isEqualTo(PlaceKind.UNKNOWN);
        assertThat(place.reason()).startsWith("mehrdeutig:").endsWith("Ortsname im Titel: 'Neustadt'");
    }
}
