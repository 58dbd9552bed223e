package de.smartcity.catalogue.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    @Test
    void bundledTaxonomyHasEveryThemeOfTheCatalogueUnderItsField() {
        Taxonomy taxonomy = Taxonomy.bundled();

        assertThat(taxonomy.themes()).extracting(Theme::id).containsExactly("parking", "mobility", "winter-service",
                "waste", "energy", "environment", "water", "administration", "strategy", "participation", "events",
                "health-social", "education", "tourism-retail", "safety", "broadband", "sensors", "data-platform");
        assertThat(taxonomy.theme("winter-service")).get().extracting(Theme::de, Theme::field)
                .containsExactly("Winterdienst", "Mobilität");
        assertThat(taxonomy.fields()).hasSize(10);
    }

    @Test
    void rejectsThemeWithUnknownFieldNamingTheTheme() {
        String yaml = """
                titleWeight: 2
                threshold: 0.5
                fields: [Mobilität]
                themes:
                  - {id: parking, de: Parken, en: Parking, field: Verkehr, terms: {parken: 1}}
                """;
        assertThatThrownBy(() -> read(yaml))
                .hasMessageContaining("theme 'parking' (line 5) names field 'Verkehr', which is not in 'fields'");
    }

    @Test
    void rejectsMalformedFileWithItsLine() {
        String yaml = "titleWeight: 2\nthreshold: 0.5\nfields: [Mobilität]\nthemes:\n  - {id: parking, colour: blue}\n";
        assertThatThrownBy(() -> read(yaml))
                .hasMessageContaining("t.yaml line 5").hasMessageContaining("colour");
    }

    @Test
    void rejectsUnknownKeyOfAThemeNamingTheThemeAndItsLine() {
        String yaml = """
                titleWeight: 2
                threshold: 0.5
                fields: [Mobilität]
                themes:
                  - id: parking
                    de: Parken
                    en: Parking
                    field: Mobilität
                    terms: {parken: 1}
                    veto: [parkinson]
                """;
        assertThatThrownBy(() -> read(yaml))
                .hasMessageContaining("t.yaml line 5")
                .hasMessageContaining("theme 'parking' has an unknown field 'veto'")
                .hasMessageContaining("vetoes");
    }

    @Test
    void rejectsNonPositiveWeightNamingTheThemeTheTermAndTheLine() {
        String yaml = """
                titleWeight: 2
                threshold: 0.5
                fields: [Mobilität]
                themes:
                  - {id: parking, de: Parken, en: Parking, field: Mobilität, terms: {parken: 1}}
                  - {id: winter-service, de: Winterdienst, en: Winter service, field: Mobilität, terms: {streusalz: 0}}
                """;
        assertThatThrownBy(() -> read(yaml))
                .hasMessageContaining("theme 'winter-service' (line 6) term 'streusalz' needs a positive weight (was 0.0)");
    }

    @Test
    void rejectsATermListedTwiceWithItsLine() {
        String yaml = """
                titleWeight: 2
                threshold: 0.5
                fields: [Mobilität]
                themes:
                  - id: parking
                    de: Parken
                    en: Parking
                    field: Mobilität
                    terms:
                      parken: 1
                      parken: 0.5
                """;
        assertThatThrownBy(() -> read(yaml))
                .hasMessageContaining("t.yaml line 11").hasMessageContaining("parken");
    }

    @Test
    void rejectsABroadTermThatIsNoTermOfTheTheme() {
        String yaml = """
                titleWeight: 2
                threshold: 0.5
                fields: [Mobilität]
                themes:
                  - {id: mobility, de: Verkehr, en: Traffic, field: Mobilität, terms: {radverkehr: 1}, broad: [verkehr]}
                """;
        assertThatThrownBy(() -> read(yaml))
                .hasMessageContaining("theme 'mobility' (line 5) lists 'verkehr' under 'broad', but it is not one of its terms");
    }

    @Test
    void rejectsASenseOfNoTermAndASenseWithoutItsWords() {
        String yaml = """
                titleWeight: 2
                threshold: 0.5
                fields: [Gesellschaft]
                themes:
                  - {id: events, de: Veranstaltungen, en: Events, field: Gesellschaft, terms: {messe: 1},
                     senses: {kongress: [bischof], messe: []}}
                """;
        assertThatThrownBy(() -> read(yaml))
                .hasMessageContaining("theme 'events' (line 5) lists 'kongress' under 'senses', but it is not one of its terms")
                .hasMessageContaining("theme 'events' (line 5) needs the words that show the other sense of 'messe' under 'senses'");
    }

    @Test
    void rejectsAThresholdNoScoreCanReach() {
        String yaml = """
                titleWeight: 2
                threshold: 1.5
                fields: [Mobilität]
                themes:
                  - {id: parking, de: Parken, en: Parking, field: Mobilität, terms: {parken: 1}}
                """;
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("'threshold' must lie between 0 and 1, as scores do (was 1.5, line 2)");
    }

    @Test
    void readsTheWeightATitleWordNeedsAloneAndRejectsANonPositiveOneWithItsLine() throws IOException {
        String yaml = """
                titleWeight: 2
                threshold: 0.5
                titleAloneWeight: %s
                fields: [Mobilität]
                themes:
                  - {id: parking, de: Parken, en: Parking, field: Mobilität, terms: {parken: 1}}
                """;

        assertThat(read(yaml.formatted("0.9")).titleAloneWeight()).contains(0.9);
        assertThat(read(yaml.replace("titleAloneWeight: %s\n", "")).titleAloneWeight()).isEmpty();
        assertThatThrownBy(() -> read(yaml.formatted("-1")))
                .hasMessageContaining("'titleAloneWeight' must be positive (was -1.0, line 3)");
    }

    @Test
    void rejectsAFileWithoutTitleWeight() {
        String yaml = """
                threshold: 0.5
                fields: [Mobilität]
                themes:
                  - {id: parking, de: Parken, en: Parking, field: Mobilität, terms: {parken: 1}}
                """;
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("'titleWeight' must be positive (missing)");
    }

    private static Taxonomy read(String yaml) throws IOException {
        return Taxonomy.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yaml");
    }
}
