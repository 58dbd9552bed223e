package de.smartcity.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.model.ProjectStatus;
import de.smartcity.catalogue.model.Taxonomy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectQueryTest {

    private static final Vocabulary VOCABULARY = Vocabulary.of(Taxonomy.bundled());

    @Test
    void everyParameterIsOptional() {
        ProjectQuery query = ProjectQuery.parse(Map.of(), VOCABULARY);

        assertThat(query.q()).isEmpty();
        assertThat(query.status()).isEmpty();
        assertThat(query.page()).isEqualTo(1);
        assertThat(query.size()).isEqualTo(ItemQuery.DEFAULT_SIZE);
    }

    @Test
    void readsTheVocabularyOfStatusThemeAndField() {
        ProjectQuery query = ProjectQuery.parse(Map.of("status", "running", "theme", "parking", "field", "Mobilität",
                "city", " Mannheim ", "programme", "Modellprojekte Smart Cities", "size", "50"), VOCABULARY);

        assertThat(query.status()).contains(ProjectStatus.RUNNING);
        assertThat(query.theme()).contains("parking");
        assertThat(query.field()).contains("Mobilität");
        assertThat(query.city()).contains("Mannheim");
        assertThat(query.programme()).contains("Modellprojekte Smart Cities");
        assertThat(query.size()).isEqualTo(50);
    }

    @Test
    void refusesValuesOutsideTheVocabularyNamingTheParameter() {
        assertThatThrownBy(() -> ProjectQuery.parse(Map.of("status", "aktiv"), VOCABULARY))
                .hasMessage("Parameter 'status': must be one of planned, pilot, running, completed, discontinued, was 'aktiv'");
        assertThatThrownBy(() -> ProjectQuery.parse(Map.of("theme", "parken"), VOCABULARY))
                .hasMessageStartingWith("Parameter 'theme': unknown theme 'parken'; known themes are parking, ");
        assertThatThrownBy(() -> ProjectQuery.parse(Map.of("field", "Verkehr"), VOCABULARY))
                .hasMessageStartingWith("Parameter 'field': unknown field of action 'Verkehr'");
        assertThatThrownBy(() -> ProjectQuery.parse(Map.of("size", "101"), VOCABULARY))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("Parameter 'size'");
    }
}
