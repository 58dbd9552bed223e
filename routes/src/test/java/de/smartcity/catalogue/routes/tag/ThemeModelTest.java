package de.smartcity.catalogue.routes.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.model.Evidence;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.ThemeAssignment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeModelTest {
    private static final String TITLE = "Neubau am Bahnhof";
    private static final String TEASER = "Dort entsteht ein Parkhaus mit 400 Plätzen.";

    @Test
    void addsAThemeTheRulesMissedWithTheWordsThatWeighMostAsEvidence() throws IOException {
        // The model finds parking likely (p 0.95 from "Parkhaus" in the teaser), enough to add it (0.9).
        String file = "add-above\t0.9\nveto-below\t0\nlone-word-veto-below\t0\nthemes\tparking\twaste\n"
                + "bias\t-3\t-3\ns:parkhaus\t5\t0\nw:parkhaus\t1\t0\n";
        ThemeModel model = ThemeModel.read(new BufferedReader(new StringReader(file)));
        ThemeTagger.TagResult rules = new ThemeTagger(Taxonomy.bundled(), ThemeModel.none()).tag(TITLE, TEASER);
        ThemeTagger.TagResult hybrid = new ThemeTagger(Taxonomy.bundled(), model).tag(TITLE, TEASER);

        assertThat(rules.themes()).extracting(ThemeAssignment::id).doesNotContain("parking");
        ThemeAssignment parking = hybrid.themes().stream().filter(theme -> theme.id().equals("parking")).findFirst()
                .orElseThrow();
        assertThat(parking.score()).isBetween(0.8, 1.0);
        assertThat(parking.evidence()).contains(new Evidence("Parkhaus", "summary"));
        assertThat(hybrid.fields()).contains("Mobilität");
    }

    @Test
    void leavesAnItemWithoutAnyThemeWordAlone() {
        assertThat(new ThemeTagger(Taxonomy.bundled()).tag("Rathaus hat neue Öffnungszeiten", "Ab Montag bis 18 Uhr.")
                .themes()).extracting(ThemeAssignment::id).doesNotContain("parking", "waste", "winter-service");
    }

    @Test
    void rejectsAMalformedFileWithItsLineAndReason() {
        String file = "add-above\t0.7\nveto-below\t0\nlone-word-veto-below\t0\nthemes\tparking\twaste\nbias\t-1\t-1\nt:parkhaus\t2.5\n";

        assertThatThrownBy(() -> ThemeModel.read(new BufferedReader(new StringReader(file))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 6").hasMessageContaining("expected 2 weights after 't:parkhaus', found 1");
    }

    @Test
    void refusesAModelForThemesTheTaxonomyLacks() throws IOException {
        String file = "add-above\t0.7\nveto-below\t0\nlone-word-veto-below\t0\nthemes\tparking\tspace-travel\nbias\t-1\t-1\n";
        ThemeModel model = ThemeModel.read(new BufferedReader(new StringReader(file)));

        assertThatThrownBy(() -> new ThemeTagger(Taxonomy.bundled(), model))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("space-travel");
        assertThat(ThemeModel.bundled().themes()).hasSize(Taxonomy.bundled().themes().size());
    }

    @Test
    void dropsARuleThemeThatRestsOnOneTeaserWordWhenTheModelFindsItUnlikely() throws IOException {
        // The model finds parking unlikely (p 0.002) and water likely (p 0.95), too little to add it (0.99).
        String file = "add-above\t0.99\nveto-below\t0\nlone-word-veto-below\t0.01\nthemes\tparking\twater\n"
                + "bias\t-6\t3\n";
        ThemeTagger hybrid = new ThemeTagger(Taxonomy.bundled(), ThemeModel.read(new BufferedReader(new StringReader(file))));
        ThemeTagger rules = new ThemeTagger(Taxonomy.bundled(), ThemeModel.none());
        String title = "Bürgerhaushalt: jetzt wird abgestimmt";
        String brushing = "Ein Vorschlag betrifft das Parkleitsystem am Markt.";

        assertThat(rules.tag(title, brushing).themes()).extracting(ThemeAssignment::id).contains("parking");
        assertThat(hybrid.tag(title, brushing).themes()).extracting(ThemeAssignment::id).doesNotContain("parking");
        assertThat(hybrid.tag("Neues Parkleitsystem am Markt", "Es zeigt 300 freie Plätze.").themes())
                .extracting(ThemeAssignment::id).contains("parking");
        assertThat(hybrid.tag(title, "Ein Vorschlag betrifft die Trinkwasserstelle am Markt.").themes())
                .extracting(ThemeAssignment::id).contains("water");
    }

    @Test
    void aModelWithoutWeightsKeepsTheRulesThemesStrongestFirst() {
        List<ThemeAssignment> rules = List.of(new ThemeAssignment("waste", 0.7, List.of(new Evidence("Müll", "title"))),
                new ThemeAssignment("parking", 0.9, List.of(new Evidence("Parkhaus", "title"))));

        assertThat(ThemeModel.none().revise(rules, List.of(), List.of())).extracting(ThemeAssignment::id)
                .containsExactly("parking", "waste");
    }
}
