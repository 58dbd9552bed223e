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

class ThemeTaggerTest {

    private static ThemeTagger tagger;

    @BeforeAll
    static void loadTaxonomy() {
        tagger = new ThemeTagger(Taxonomy.bundled());
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
        assertThat(sensors.evidence()).containsExactly(new Evidence("Parksensoren", "title"));
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
                + "zu den Schwerbehindertenparkplätzen führt jetzt ein Parkleitsystem.";
        String withoutCompound = "Vor dem Rathaus gibt es künftig mehr Raum für Menschen mit Behinderung: "
                + "zu den neuen Plätzen führt jetzt ein Parkleitsystem.";

        ThemeTagger.TagResult tagged = tagger.tag(title, withCompound);

        assertThat(theme(tagged, "parking")).get().satisfies(parking ->
                assertThat(parking.evidence()).contains(new Evidence("Schwerbehindertenparkplätzen", "summary")));
        // Without the compound the same teaser is not enough for parking: the compound is what counts.
        assertThat(themeIds(tagger.tag(title, withoutCompound))).doesNotContain("parking");
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
                null, List.of(), List.of(), "de");

        NewsItem tagged = tagger.tag(item);

        assertThat(tagged.themes()).extracting(ThemeAssignment::id).containsExactly("parking", "sensors");
        assertThat(tagged.fields()).containsExactly("Mobilität", "IT-Infrastruktur");
        assertThat(tagged.id()).isEqualTo(item.id());
    }
}
