package de.smartcity.catalogue.routes.tag;

import static org.assertj.core.api.Assertions.assertThat;

import de.smartcity.catalogue.model.Evidence;
import de.smartcity.catalogue.model.NewsItem;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.ThemeAssignment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of the taxonomy, without the learned model ({@link ThemeModelTest} covers what it adds). */
class ThemeTaggerTest {

    private static ThemeTagger tagger;

    @BeforeAll
    static void loadTaxonomy() {
        tagger = new ThemeTagger(Taxonomy.bundled(), ThemeModel.none());
    }

    private static List<String> themeIds(ThemeTagger.TagResult result) {
        return result.themes().stream().map(ThemeAssignment::id).toList();
    }

    private static Optional<ThemeAssignment> theme(ThemeTagger.TagResult result, String id) {
        return result.themes().stream().filter(theme -> theme.id().equals(id)).findFirst();
    }

    @Test
    void tagsParkingAndSensorsWithTheWordsFromTheTitle() {
        ThemeTagger.TagResult result = tagger.tag("Parksensoren melden freie Stellplätze per App", "");

        assertThat(themeIds(result)).containsExactly("parking", "sensors");
        ThemeAssignment parking = theme(result, "parking").orElseThrow();
        assertThat(parking.evidence()).containsExactly(new Evidence("Parksensoren", "title"), new Evidence("Stellplätze", "title"));
        assertThat(parking.score()).isBetween(0.9, 1.0);
        ThemeAssignment sensors = theme(result, "sensors").orElseThrow();
        assertThat(sensors.evidence()).containsExactly(new Evidence("Parksensoren", "title"), new Evidence("melden", "title"));
        assertThat(sensors.score()).isLessThan(parking.score());
    }

    @Test
    void derivesFieldsOfActionFromThemesInTaxonomyOrder() {
        ThemeTagger.TagResult result = tagger.tag("Parksensoren melden freie Stellplätze per App", "");

        assertThat(result.fields()).containsExactly("Mobilität", "IT-Infrastruktur");
    }

    @Test
    void countsParkingSpacesInsideALongCompoundOfTheSummary() {
        String title = "Rathausplatz wird barrierefrei umgebaut";
        String withCompound = "Vor dem Rathaus gibt es künftig mehr Raum für Menschen mit Behinderung: "
                + "zu den Schwerbehindertenparkplätzen führt jetzt ein Leitsystem.";
        String withoutCompound = "Vor dem Rathaus gibt es künftig mehr Raum für Menschen mit Behinderung: "
                + "zu den neuen Plätzen führt jetzt ein Leitsystem.";

        ThemeTagger.TagResult tagged = tagger.tag(title, withCompound + " Dort gilt eine Parkdauer von drei Stunden.");

        assertThat(theme(tagged, "parking")).get().satisfies(parking ->
                assertThat(parking.evidence()).contains(new Evidence("Schwerbehindertenparkplätzen", "summary")));
        // Without the compound the same teaser is not enough for parking: the compound is what counts.
        assertThat(themeIds(tagger.tag(title, withoutCompound + " Dort gilt eine Parkdauer von drei Stunden.")))
                .doesNotContain("parking");
    }

    @Test
    void oneStrongTermInTheTeaserIsEnoughButAWeakerOneIsNot() {
        ThemeTagger.TagResult strong = tagger.tag("Neue Regeln ab Januar", "Die Stadt führt das Handyparken ein.");
        ThemeTagger.TagResult weaker = tagger.tag("Neue Regeln ab Januar", "Die Stadt sperrt einen Parkplatz.");

        assertThat(themeIds(strong)).contains("parking");
        assertThat(themeIds(weaker)).doesNotContain("parking");
    }

    @Test
    void vetoInsideACompoundCancelsTheTermItContains() {
        ThemeTagger.TagResult result = tagger.tag("Landschaftspflegeverband mäht die Wiesen am Stadtrand",
                "Die Landschaftspflegearbeiten dauern bis Ende Juli.");

        assertThat(themeIds(result)).doesNotContain("health-social");
    }

    @Test
    void termContainingTheVetoOutweighsIt() {
        ThemeTagger.TagResult result = tagger.tag("Neue Parkplätze am Stadtpark", "");

        assertThat(theme(result, "parking")).get().extracting(ThemeAssignment::evidence)
                .isEqualTo(List.of(new Evidence("Parkplätze", "title")));
    }

    @Test
    void vetoesAHyphenatedCompoundAsOneWord() {
        ThemeTagger.TagResult result = tagger.tag("CO2-Ampeln in allen Klassenzimmern", "");

        assertThat(themeIds(result)).doesNotContain("mobility").contains("sensors");
        assertThat(theme(result, "sensors")).get().extracting(ThemeAssignment::evidence)
                .isEqualTo(List.of(new Evidence("CO2-Ampeln", "title")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Verkehr in der Altstadt wird neu geordnet        | mobility       | true
            Verkehrsplanung stellt Entwürfe vor              | mobility       | true
            Radverkehr bekommt eigene Spuren                 | mobility       | true
            Zahlungsverkehr der Stadtkasse wird digital      | mobility       | false
            E-Mail-Verkehr mit dem Bürgeramt wird verschlüsselt | mobility    | false
            Altenpflege in der Kritik                        | health-social  | true
            Pflegeheime bekommen Tablets                     | health-social  | true
            Baumpflegekolonne schneidet Linden               | health-social  | false
            Einzelhandel in der Fußgängerzone                | tourism-retail | true
            Emissionshandel verteuert das Heizen             | tourism-retail | false
            Cybersicherheit im Rathaus                       | safety         | false
            Digitale Verwaltung braucht Fachkräfte           | administration | true
            Stadtverwaltung zieht ins neue Rathaus           | administration | false
            """)
    void broadTermCountsAloneOrAtTheStartButBehindAnotherPartOnlyAsAListedCompound(String title, String theme,
                                                                                   boolean tagged) {
        assertThat(themeIds(tagger.tag(title, "")).contains(theme)).isEqualTo(tagged);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Land erteilt Stadtbahn-Plänen eine Abfuhr | Das Ministerium lehnt die Förderung ab.    | waste          | false
            Mit neuer Energie: Jugendzentrum eröffnet | Es gibt einen Bandraum und ein Café.       | energy         | false
            Fahrplan zur Klimaneutralität vorgestellt | Bis 2040 soll die Stadt klimaneutral sein. | mobility       | false
            Neuer Fahrplan ab Dezember                | Die Buslinie 5 fährt alle zehn Minuten.   | mobility       | true
            Land erteilt Stadtbahn-Plänen eine Abfuhr | ''                                        | waste          | true
            Winterdienst startet in die Saison        | Der Bauhof ist ab Montag bereit.          | winter-service | true
            """)
    void aTitleWordTheTeaserDoesNotTakeUpCountsOnlyWhenItSaysTheThemeOnItsOwn(String title, String summary,
                                                                              String theme, boolean tagged) {
        assertThat(themeIds(tagger.tag(title, summary)).contains(theme)).isEqualTo(tagged);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Feuerwehr-Kameradschaft feiert 150 Jahre       | Die Kameraden laden zum Festumzug ein.    | sensors   | false
            Nach Vertagung: Haushalt kommt im Januar       | Der Stadtrat hat die Beratung vertagt.    | events    | false
            Stadtrat verlangt Unterrichtung über die Kosten | Die Verwaltung legt im März einen Bericht vor. | education | false
            Kameras an der Kreuzung zählen Radfahrer       | Die Kameras speichern keine Bilder.       | sensors   | true
            """)
    void shortTermsAndDerivedWordsDoNotCountInsideOtherWordsButPluralsDo(String title, String summary, String theme,
                                                                        boolean tagged) {
        assertThat(themeIds(tagger.tag(title, summary)).contains(theme)).isEqualTo(tagged);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            Bürgerrat zur Verkehrswende tagt | Beraten wird über Tempo 30, Parkgebühren und den Ausbau des Radverkehrs.     | false
            Bürgerrat zur Verkehrswende tagt | Umgesetzt sind das Bürgerkonto und freies WLAN. Parkgebühren werden teurer.    | true
            Bürgerrat zur Verkehrswende tagt | Parkhaus- und Parkplatzgebühren steigen im Mai.                               | true
            Bürgerrat zur Verkehrswende tagt | Bürgerinnen und Bürger beraten, ob die Parkgebühren steigen.                   | true
            Bürgerrat zur Verkehrswende tagt | Die Stadt will bis 2026 alle Parkgebühren digital einziehen.                   | true
            """)
    void aTermListedAmongOthersInTheTeaserOnlyBrushesItsTheme(String title, String summary, boolean parking) {
        assertThat(themeIds(tagger.tag(title, summary)).contains("parking")).isEqualTo(parking);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Kämmerer Thomas Schnee verabschiedet | Nach 26 Jahren ist Thomas Schnee verabschiedet worden.        | false
            Frau Winterdienst verabschiedet      | Frau Winterdienst war 26 Jahre im Amt.                        | false
            Abschied von Kämmerer Thomas Schnee  | Schnee war 26 Jahre lang für die Finanzen zuständig.          | false
            Siegen: Carola Schnee leitet Archiv  | Die Historikerin folgt auf Bernd Kahlert.                     | false
            Dr. Schnee leitet das Stadtarchiv    | Die Historikerin war zuletzt in Duisburg tätig.               | false
            Neuer Schnee erwartet                | Der Winterdienst ist ab drei Uhr unterwegs, Schnee zu räumen. | true
            Räumdienst startet                   | Ab Montag stellt das Bauamt Schneepflüge bereit.              | true
            Salz sparen                          | Die Sole spart bis zu 40 Prozent Streusalz.                   | true
            """)
    void aWordInANameSaysNothingOfItsTheme(String title, String summary, boolean winterService) {
        assertThat(themeIds(tagger.tag(title, summary)).contains("winter-service")).isEqualTo(winterService);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Save the Date: Smart City Barcamp   | Die Stadt lädt zum dritten Barcamp ein.        | true
            Bürgermeister Max Barcamp gewählt   | Barcamp war zuvor Kämmerer der Stadt.           | false
            """)
    void aNounBehindABorrowedEnglishPhraseIsNoName(String title, String summary, boolean events) {
        assertThat(themeIds(tagger.tag(title, summary)).contains("events")).isEqualTo(events);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Dashboard zeigt Luftwerte, freie Parkhäuser und Pegel | Die Stadt fasst Werte aus vielen Quellen zusammen. | false
            Freie Parkhäuser auf einen Blick                      | Die Stadt fasst Werte aus vielen Quellen zusammen. | true
            """)
    void aTermListedAmongOthersInTheTitleOnlyBrushesItsTheme(String title, String summary, boolean parking) {
        assertThat(themeIds(tagger.tag(title, summary)).contains("parking")).isEqualTo(parking);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Energie gewinnt das Derby  | Der FC Energie Cottbus hat das Derby gewonnen.             | false
            Mit neuer Energie          | Der FC Energie Cottbus spart mit Photovoltaik Energie.   | true
            """)
    void aWordOfASportsClubsNameSaysNothingOfItsTheme(String title, String summary, boolean energy) {
        assertThat(themeIds(tagger.tag(title, summary)).contains("energy")).isEqualTo(energy);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Jugendclub „Parkhaus“ feiert 30-jähriges Bestehen | Die Sozialarbeiterinnen planen ein Straßenfest.      | false
            Parkhaus am Bahnhof wird saniert                  | Die 400 Stellplätze sind ab Mai wieder frei.        | true
            """)
    void aVenuesNameInQuotationMarksSaysNothingOfItsTheme(String title, String summary, boolean parking) {
        assertThat(themeIds(tagger.tag(title, summary)).contains("parking")).isEqualTo(parking);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            Neue App für Gäste | Die Trier Tourismus GmbH hat eine App vorgestellt.                | true
            Neue App für Gäste | Die App hat Herr Thomas Tourismus vorgestellt.                    | false
            Neue App für Gäste | Seit Mai bietet Die Trierer Tourismusinformation eine App an.     | true
            """)
    void aCompanysNameSaysWhatTheCompanyDoes(String title, String summary, boolean tourism) {
        assertThat(themeIds(tagger.tag(title, summary)).contains("tourism-retail")).isEqualTo(tourism);
    }

    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Mit viel Energie ins neue Jahr      | Das Orchester spielte mit einer Energie, die das Publikum mitriss. | false
            Martinsumzug durch die Altstadt     | Kinder bringen ihre selbst gebastelten Laternen mit.               | false
            Martinsumzug durch die Altstadt     | Kinder bringen ihre selbst gebastelte Laterne mit.                 | false
            Neue Laternen für die Altstadt      | Die Laternen leuchten mit LED.                                     | true
            """)
    void anIdiomVetoesItsLastWord(String title, String summary, boolean energy) {
        assertThat(themeIds(tagger.tag(title, summary)).contains("energy")).isEqualTo(energy);
    }

    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Bischof feiert Messe auf dem Domplatz | Rund 6.000 Gläubige werden zum Pontifikalamt erwartet.     | events | false
            Messe für Kommunen im Congress Center | Die Messe zeigt digitale Lösungen für Rathäuser.              | events | true
            Pegel von 2,4 Promille vor Gericht    | Ein Atemtest ergab beim Angeklagten einen Pegel von 2,4 Promille. | water | false
            Pegel der Ahr steigt                  | Der Pegel liegt bei 2,4 Metern, die Stadt warnt vor Hochwasser. | water  | true
            Rote Funken suchen ein Tanzmariechen   | Nach acht Sessionen hört Funkenmariechen Lea auf.             | sensors | false
            Müllfahrzeuge vermessen Funklöcher    | Die Abfallfahrzeuge tragen Messboxen für die Mobilfunkversorgung. | waste | false
            Neue Müllfahrzeuge für die Stadtreinigung | Die Abfallfahrzeuge leeren künftig auch die Unterflurcontainer. | waste | true
            Straßenlaternen werden zu Mobilfunkstandorten | Die Masten tragen kleine Sendeanlagen und bekommen dafür Strom. | energy | false
            Domjubiläum mit Erzbischof            | Zum Jubiläum feiert das Erzbistum ein Pontifikalamt.           | events | false
            Kurs in Weinsensorik                  | Teilnehmende lernen, Aromen und Rebsorten zu erkennen.         | sensors | false
            Saatgutbibliothek in der Stadtbücherei | Samen leihen statt kaufen.                                    | education | false
            """)
    void aWordOfTheItemShowsATermsOtherSense(String title, String summary, String theme, boolean tagged) {
        assertThat(themeIds(tagger.tag(title, summary)).contains(theme)).isEqualTo(tagged);
    }

    @Test
    void phraseMayEndInALongerWordContainingItsLastWord() {
        ThemeTagger.TagResult result = tagger.tag("KI-Kameras erkennen wilden Müll", "");

        assertThat(theme(result, "sensors")).get().satisfies(sensors ->
                assertThat(sensors.evidence()).contains(new Evidence("KI-Kameras", "title")));
    }

    @Test
    void phraseMayEndInACompound() {
        ThemeTagger.TagResult result = tagger.tag("Stadt veröffentlicht offene Verkehrsdaten", "");

        assertThat(theme(result, "data-platform")).get().extracting(ThemeAssignment::evidence)
                .isEqualTo(List.of(new Evidence("offene Verkehrsdaten", "title")));
    }

    @Test
    void termWrittenLongIsFoundInsideALongerWordButAShortStemIsNot() {
        assertThat(themeIds(tagger.tag("Ladesäulenstandorte stehen fest", ""))).contains("energy");
        // "Stadtfest" stems to "stadtf", which must not find "Stadtfriedhof".
        assertThat(themeIds(tagger.tag("Neue Wege auf dem Stadtfriedhof", ""))).doesNotContain("events");
    }

    @Test
    void weighsTitleWordsMoreThanSummaryWords() {
        ThemeTagger.TagResult inTitle = tagger.tag("Neues Parkhaus am Bahnhof", "Die Bauarbeiten beginnen im Frühjahr.");
        ThemeTagger.TagResult inSummary = tagger.tag("Bauarbeiten am Bahnhof", "Dort entsteht ein neues Parkhaus.");

        assertThat(themeIds(inTitle)).contains("parking");
        assertThat(themeIds(inSummary)).doesNotContain("parking");
    }

    @Test
    void doesNotMistakeParkinsonForParking() {
        ThemeTagger.TagResult result = tagger.tag("Parkinson-Selbsthilfegruppe trifft sich im Bürgerhaus",
                "Die Selbsthilfegruppe Parkinson lädt Betroffene und Angehörige zum monatlichen Treffen ein.");

        assertThat(themeIds(result)).doesNotContain("parking").contains("health-social");
        assertThat(result.fields()).doesNotContain("Mobilität");
    }

    @Test
    void doesNotMistakeAPlaygroundInTheBuergerparkForParking() {
        ThemeTagger.TagResult result = tagger.tag("Spielplatz im Bürgerpark wird bis zum Frühjahr neu gestaltet",
                "Der beliebte Spielplatz im Bürgerpark erhält neue Klettergeräte. Der übrige Park bleibt zugänglich.");

        assertThat(themeIds(result)).doesNotContain("parking", "winter-service", "waste");
    }

    @Test
    void doesNotMistakeWinterzeitForWinterService() {
        ThemeTagger.TagResult result = tagger.tag("Winterzeit: Bäder und Museen ändern ihre Öffnungszeiten",
                "Mit der Umstellung auf die Winterzeit gelten in den städtischen Bädern und Museen neue Öffnungszeiten.");

        assertThat(themeIds(result)).doesNotContain("winter-service", "parking", "waste");
    }

    @Test
    void doesNotMistakeThomasMuellerForWaste() {
        ThemeTagger.TagResult result = tagger.tag("Thomas Müller eröffnet Fanshop in der Innenstadt",
                "Fußballprofi Thomas Müller war zu Gast; die Müller-Fans standen bis zum Marktplatz Schlange.");

        assertThat(themeIds(result)).doesNotContain("waste", "parking", "winter-service");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Winterdienst startet: Streufahrzeuge erstmals mit GPS-Ortung unterwegs | winter-service | Mobilität
            Smarte Mülleimer in der Altstadt melden ihren Füllstand                | waste          | Energie & Umwelt
            Handyparken jetzt an allen Parkscheinautomaten möglich                 | parking        | Mobilität
            Pegelsensoren an der Lauter warnen frühzeitig vor Hochwasser           | water          | Energie & Umwelt
            """)
    void recognisesTheMainThemeOfTypicalMunicipalNews(String title, String theme, String field) {
        ThemeTagger.TagResult result = tagger.tag(title, "");

        assertThat(themeIds(result)).contains(theme);
        assertThat(result.fields()).contains(field);
    }

    @Test
    void givesNoThemeToTextWithoutSignal() {
        ThemeTagger.TagResult result = tagger.tag("Oberbürgermeisterin gratuliert zum 100. Geburtstag",
                "Die Jubilarin feierte im Kreis ihrer Familie.");

        assertThat(result.themes()).isEmpty();
        assertThat(result.fields()).isEmpty();
    }

    @Test
    void sortsThemesStrongestFirst() {
        ThemeTagger.TagResult result = tagger.tag("Parksensoren melden freie Stellplätze per App",
                "Die LoRaWAN-Sensoren im Parkhaus funken jede Minute.");

        assertThat(result.themes()).extracting(ThemeAssignment::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void setsThemesAndFieldsOnTheItem() {
        NewsItem item = new NewsItem("0123456789abcdef0123", "Parksensoren melden freie Stellplätze per App", "",
                "https://www.kaiserslautern.de/p", Instant.parse("2026-11-18T09:30:00Z"), false,
                Instant.parse("2026-11-18T09:30:00Z"), Instant.parse("2026-11-18T09:30:00Z"), List.of("kaiserslautern-presse"),
                List.of(), null, List.of(), List.of(), "de");

        NewsItem tagged = tagger.tag(item);

        assertThat(tagged.themes()).extracting(ThemeAssignment::id).containsExactly("parking", "sensors");
        assertThat(tagged.fields()).containsExactly("Mobilität", "IT-Infrastruktur");
        assertThat(tagged.id()).isEqualTo(item.id());
    }
}
