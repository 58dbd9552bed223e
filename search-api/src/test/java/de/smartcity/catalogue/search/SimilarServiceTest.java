package de.smartcity.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimilarServiceTest {

    @Test
    void sharedTermsAreTheMarkedWordsOnceEachMostFrequentFirst() {
        Map<String, List<String>> highlight = new LinkedHashMap<>();
        highlight.put("title", List.of("Wolfsburg: <mark>Parkleitsystem</mark> zeigt <mark>freie</mark> Plätze"));
        highlight.put("summary", List.of("Das <mark>Parkleitsystem</mark> weist auf <mark>Freie</mark> <mark>Stellplätze</mark> hin"));

        assertThat(SimilarService.sharedTerms(highlight)).containsExactly("Parkleitsystem", "freie", "Stellplätze");
    }

    @Test
    void atMostFiveTermsAreShown() {
        String marked = "<mark>a</mark> <mark>b</mark> <mark>c</mark> <mark>d</mark> <mark>e</mark> <mark>f</mark>";

        assertThat(SimilarService.sharedTerms(Map.of("title", List.of(marked)))).hasSize(5);
    }

    @Test
    void whySaysSharedThemesAndTermsInGerman() {
        Why both = Why.of(List.of(new Why.ThemeLabel("parking", "Parken"), new Why.ThemeLabel("sensors", "Sensorik & IoT")),
                List.of("Parkleitsystem"));
        Why themeOnly = Why.of(List.of(new Why.ThemeLabel("parking", "Parken")), List.of());

        assertThat(both.text()).isEqualTo("Gemeinsame Themen: Parken, Sensorik & IoT. Gemeinsame Begriffe: Parkleitsystem.");
        assertThat(themeOnly.text()).isEqualTo("Gemeinsames Thema: Parken.");
    }

    @Test
    void theLimitIsCapped() {
        assertThat(SimilarService.limit(Map.of())).isEqualTo(SimilarService.DEFAULT_LIMIT);
        assertThat(SimilarService.limit(Map.of("limit", "20"))).isEqualTo(20);
        assertThatThrownBy(() -> SimilarService.limit(Map.of("limit", "21"))).hasMessageStartingWith("Parameter 'limit'");
        assertThatThrownBy(() -> SimilarService.limit(Map.of("limit", "0"))).hasMessageStartingWith("Parameter 'limit'");
    }
}
