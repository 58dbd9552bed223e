package de.smartcity.catalogue.model.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import de.smartcity.catalogue.model.Place;
import de.smartcity.catalogue.model.PlaceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GazetteerMentionTest {

    private final Gazetteer gazetteer = Gazetteer.instance();

    private Place mentioned(String text) {
        return gazetteer.findMentionedPlace(text).orElseThrow(() -> new AssertionError("nothing in: " + text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            In Hürth messen Sensoren den Verkehr                       | 05362028
            Die Stadt Ulm digitalisiert ihre Parkhäuser                | 08421000
            Neue Ladesäulen in Frankfurt am Main                       | 06412000
            Ein Modellprojekt in Halle (Saale), das Schule macht       | 15002000
            Neuer Glasfaserausbau im Landkreis Hof                     | 09475
            Frankfurts Oberbürgermeister eröffnet das Datenlabor       | 06412000
            „Mannheim“ gewinnt den Preis                               | 08222000
            Förderung für Bad Homburg v. d. Höhe                       | 06434001
            Der Rhein-Erft-Kreis und die Stadt Hürth kooperieren       | 05362028
            Das Land Hessen fördert ein Projekt in Darmstadt.          | 06411000
            Kreistag Steinfurt tagt künftig papierlos                  | 05566
            Kreisvolkshochschule Vechta: Kurs in Lohne                 | 03460
            Streusalz in Kreisstraßenmeistereien in Garmisch-Partenkirchen und Murnau | 09180
            Die Landrätin lädt ins Landratsamt Hof ein                 | 09475
            Die Kreisstadt Vechta baut Radwege                         | 03460009
            Glasfaser für 9.000 Haushalte: Spatenstich im Vogelsberg   | 06535
            Nationalpark Harz: Ranger führen zu den Ilsefällen         | 15085
            Straßenwetterstationen im Osterzgebirge                    | 14628
            Der Landkreis installiert Pegel in Glashütte               | 14628130
            Der Landkreis Wunsiedel im Fichtelgebirge gehört zu den Modellprojekten des Bundes | 09479
            Stadtverordnete in Cottbus/Chóśebuz beschließen            | 12052000
            Kreistag des Erzgebirgskreises gibt grünes Licht           | 14521
            Hitzeaktionsplan: Worms richtet 25 kühle Orte ein          | 07319000
            Das bewegliche Wehr in Bad Kreuznach schützt die Altstadt  | 07133006
            Förderschule in Husum bekommt Neubau                       | 01054056
            Bautzen / Budyšin digitalisiert das Bürgeramt              | 14625020
            """)
    void findsTheMostSpecificPlaceNamedInTheText(String text, String expectedKey) {
        assertThat(mentioned(text).ags()).isEqualTo(expectedKey);
    }

    @Test
    void reasonQuotesTheName() {
        assertThat(mentioned("In Hürth messen Sensoren").reason()).isEqualTo("Ortsname im Text: 'Hürth'");
    }

    @Test
    void reasonLeavesOutPunctuationAfterTheName() {
        assertThat(mentioned("Stadt Kaiserslautern – Pressemitteilungen").reason())
                .isEqualTo("Ortsname im Text: 'Kaiserslautern'");
    }

    @Test
    void nameAfterADesignationBeatsAnEarlierName() {
        Place place = mentioned("Gäste aus Mainz lobten das Datenportal der Stadt Wiesbaden");

        assertThat(place.ags()).isEqualTo("06414000");
    }

    @Test
    void riversNamedLikeTownsAreNoPlaces() {
        Place place = mentioned("Entlang der Nidda ergänzen Pegel das Warnsystem von Frankfurt am Main");

        assertThat(place.ags()).isEqualTo("06412000");
    }

    @Test
    void multiWordNameBeatsItsFirstWord() {
        Place place = mentioned("Projekt in Frankfurt (Oder) gestartet");

        assertThat(place.ags()).isEqualTo("12053000");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Essen ist für alle da",
        "Das Essen in der Mensa wird digital bestellt",
        "Weil die Stadt spart, fällt das Projekt aus",
        "Der Speicher für Solarstrom ist voll",
        "Im Hof der Schule steht ein Sensor",
        "Wir sind in der Lage, Daten zu teilen",
        "Bergen und Laufen im Wald",
        "Ohne Daten keine Smart City",
        "Die Waage steht im Hof des Salzlagers",
        "Modellprojekte Smart Cities des Bundes",
        "Eine Studie zeigt Unterschiede zwischen Groß- und Kleinstädten",
        "Die Pegel an der Elster steigen"
    })
    void commonWordsAreNoPlacesWithoutContext(String text) {
        assertThat(gazetteer.findMentionedPlace(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Die Stadt Essen setzt auf offene Daten         | 05113000 | Stadt Essen
            Sensoren in Essen messen Feinstaub              | 05113000 | in Essen
            Die Gemeinde Lage plant ein Bürgerportal        | 05766040 | Gemeinde Lage
            Ein Besuch aus Hof in der Partnerstadt          | 09464000 | aus Hof
            Umzug nach Lage                                 | 05766040 | nach Lage
            """)
    void commonWordsArePlacesAfterAPrepositionOrDesignation(String text, String expectedKey, String shown) {
        Place place = mentioned(text);

        assertThat(place.ags()).isEqualTo(expectedKey);
        assertThat(place.reason()).startsWith("Ortsname im Text: '" + shown + "'");
    }

    @Test
    void namesMustBeCapitalisedWholeWords() {
        assertThat(gazetteer.findMentionedPlace("ein mannheimer Projekt und die ulmer Spatzen")).isEmpty();
        assertThat(gazetteer.findMentionedPlace("Die Mannheimer Verkehrsbetriebe")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Neues aus Essen-Steele                                    | 05113000 | Essen-Steele
            Halle-Neustadt: Stadtwerke erneuern Trinkwasserleitung    | 15002000 | Halle-Neustadt
            Der Lüneburg-Gutschein gibt es jetzt digital              | 03355022 | Lüneburg-Gutschein
            Berlin-Pankow bekommt ein Kiezbüro                        | 11000000 | Berlin-Pankow
            """)
    void hyphenatedWordCountsAsItsFirstPartWhenThatIsATown(String text, String expectedKey, String shown) {
        Place place = mentioned(text);

        assertThat(place.ags()).isEqualTo(expectedKey);
        assertThat(place.reason()).startsWith("Ortsname im Text: '" + shown + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Die Essen-Ausgabe der Tafel wächst", "Hof-Flohmarkt im Quartier", "Ost-West-Achse gesperrt"})
    void hyphenatedWordWithACommonFirstPartNeedsAPlaceOrContext(String text) {
        assertThat(gazetteer.findMentionedPlace(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Landgericht Essen: Haftstrafen für Bande                  | 05113000
            Urteil am Amtsgericht Hof                                  | 09464000
            Die Universität Worms eröffnet ein Datenlabor              | 07319000
            Neunkirchen (Saar): 23 neue Sirenen                        | 10043114
            Neue Sirenen in Neunkirchen (Saar)                         | 10043114
            Pankow: Historische Mauer im Bürgerpark wird restauriert   | 11000000
            Im Kölner Stadtteil Ehrenfeld messen Sensoren den Lärm     | 05315000
            """)
    void seatsOfInstitutionsQualifiedNamesAndDistrictsArePlaces(String text, String expectedKey) {
        assertThat(mentioned(text).ags()).isEqualTo(expectedKey);
    }

    @Test
    void sportsClubNamesNoPlaceUnlessTheTextNamesTheCityToo() {
        assertThat(gazetteer.findMentionedPlace("FC Augsburg gewinnt gegen den 1. FC Köln")).isEmpty();
        assertThat(mentioned("Nach dem Sieg des FC Augsburg feiert die Stadt Augsburg auf dem Rathausplatz").ags())
                .isEqualTo("09761000");
    }

    @Test
    void aKreisInTheGenitiveBeforeTheRestOfItsNameIsTheKreis() {
        assertThat(mentioned("Der Rufbus des Altmarkkreises Salzwedel fährt jetzt öfter").ags()).isEqualTo("15081");
    }

    @Test
    void aNameAfterAmIsASquareNotATown() {
        assertThat(gazetteer.findMentionedPlace("Konzerte im Kellergewölbe am Neumarkt")).isEmpty();
        assertThat(mentioned("Konzerte am Neumarkt in Dresden").ags()).isEqualTo("14612000");
    }

    @Test
    void aClubsTownCountsWhenTheTextNamesNoOtherPlaceNorClub() {
        assertThat(mentioned("Der FC Remscheid-Lüttringhausen stellt den Trainer frei").ags()).isEqualTo("05120000");
        assertThat(mentioned("Der FC Augsburg trainiert künftig in Bobingen").ags()).isEqualTo("09772125");
    }

    @Test
    void ambiguousMentionOnlyWhenNothingElseIsFound() {
        assertThat(mentioned("Neustadt testet Sensoren").kind()).isEqualTo(PlaceKind.UNKNOWN);
        assertThat(mentioned("Neustadt und Mannheim testen Sensoren").ags()).isEqualTo("08222000");
    }

    @Test
    void findsNothingInTextWithoutPlaces() {
        assertThat(gazetteer.findMentionedPlace("Digitale Verwaltung: Was sich 2025 ändert")).isEmpty();
        assertThat(gazetteer.findMentionedPlace("")).isEmpty();
    }
}
