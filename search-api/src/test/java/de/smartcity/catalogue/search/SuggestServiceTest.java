package de.smartcity.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SuggestServiceTest {

    @Test
    void eachTypeGetsItsTurnAndTheTypesStayTogether() {
        List<Suggestion> cities = suggestions(Suggestion.Type.CITY, 8);
        List<Suggestion> themes = suggestions(Suggestion.Type.THEME, 1);
        List<Suggestion> projects = suggestions(Suggestion.Type.PROJECT, 8);

        List<Suggestion> picked = SuggestService.pick(List.of(cities, themes, projects), 10);

        assertThat(picked).hasSize(10).extracting(Suggestion::label)
                .containsExactly("city 0", "city 1", "city 2", "city 3", "city 4", "theme 0", "project 0", "project 1",
                        "project 2", "project 3");
    }

    @Test
    void fewSuggestionsAreAllKept() {
        assertThat(SuggestService.pick(List.of(suggestions(Suggestion.Type.CITY, 1), List.of(),
                suggestions(Suggestion.Type.PROJECT, 2)), 10)).hasSize(3);
    }

    @Test
    void theTypedTextIsRequiredAndShort() {
        assertThat(SuggestService.query(Map.of("q", " P "))).isEqualTo("P");
        assertThatThrownBy(() -> SuggestService.query(Map.of())).hasMessageStartingWith("Parameter 'q': required");
        assertThatThrownBy(() -> SuggestService.query(Map.of("q", "  "))).hasMessageStartingWith("Parameter 'q': required");
        assertThatThrownBy(() -> SuggestService.query(Map.of("q", "x".repeat(101)))).hasMessageStartingWith("Parameter 'q': may be at most 100");
    }

    @Test
    void foldingIgnoresCaseAccentsAndHowUmlautsAreWritten() {
        String hurth = Folding.fold("Hürth");

        for (String typed : List.of("hurth", "Huerth", "HÜ", "hu", "Hue")) {
            assertThat(Folding.startsAWord(hurth, Folding.fold(typed))).as(typed).isTrue();
        }
        assertThat(Folding.startsAWord(Folding.fold("Straße"), Folding.fold("strasse"))).isTrue();
        assertThat(Folding.startsAWord(Folding.fold("Görlitz"), Folding.fold("goerl"))).isTrue();
    }

    @Test
    void aWordOfTheNameMustStartWithTheText() {
        String frankfurt = Folding.fold("Frankfurt am Main");

        assertThat(Folding.startsAWord(frankfurt, "main")).isTrue();
        assertThat(Folding.startsAWord(frankfurt, "frankfurt a")).isTrue();
        assertThat(Folding.startsAWord(frankfurt, "furt")).isFalse();
        assertThat(Folding.startsAWord(Folding.fold("Halle (Saale)"), "saale")).isTrue();
    }

    private static List<Suggestion> suggestions(Suggestion.Type type, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Suggestion(type, type.id() + " " + i, type.id() + i, null)).toList();
    }
}
