package de.smartcity.catalogue.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
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
        assertThatThrownBy(() -> Taxonomy.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yaml"))
                .hasMessageContaining("theme 'parking' names field 'Verkehr', which is not in 'fields'");
    }

    @Test
    void rejectsMalformedFileWithItsLine() {
        String yaml = "titleWeight: 2\nthreshold: 0.5\nfields: [Mobilität]\nthemes:\n  - {id: parking, colour: blue}\n";
        assertThatThrownBy(() -> Taxonomy.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yaml"))
                .hasMessageContaining("t.yaml line 5").hasMessageContaining("colour");
    }
}
