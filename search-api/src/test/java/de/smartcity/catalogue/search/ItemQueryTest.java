package de.smartcity.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.model.Taxonomy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ItemQueryTest {
    private static final Vocabulary VOCABULARY = Vocabulary.of(Taxonomy.bundled());

    @Test
    void sortsByRelevanceWithTextAndByDateWithout() {
        assertThat(ItemQuery.parse(Map.of("q", "Parkhaus"), VOCABULARY).sort()).isEqualTo(ItemQuery.Sort.RELEVANCE);
        assertThat(ItemQuery.parse(Map.of(), VOCABULARY).sort()).isEqualTo(ItemQuery.Sort.DATE);
        assertThat(ItemQuery.parse(Map.of("q", "Parkhaus", "sort", "date"), VOCABULARY).sort()).isEqualTo(ItemQuery.Sort.DATE);
    }

    @Test
    void aTextThatNamesAThemeAlsoAsksForItsItems() {
        assertThat(themesNamedBy("Parken")).containsExactly("Parken=[parking]");
        assertThat(themesNamedBy(" winterdienst ")).containsExactly("winterdienst=[winter-service]");
        assertThat(themesNamedBy("OEPNV")).containsExactly("OEPNV=[mobility]");
        assertThat(themesNamedBy("Abfall")).containsExactly("Abfall=[waste]");
        assertThat(themesNamedBy("Parking")).containsExactly("Parking=[parking]");
        assertThat(themesNamedBy("Parkhaus")).isEmpty();
    }

    @Test
    void aThemeNamedAmongOtherWordsAsksForItsItemsAndTheOtherWords() {
        Vocabulary.ThemeNames names = ItemQuery.parse(Map.of("q", "Parken in Mannheim"), VOCABULARY).qThemes();
        assertThat(names.names()).extracting(Vocabulary.ThemeName::themes).containsExactly(List.of("parking"));
        assertThat(names.rest()).isEqualTo("in Mannheim");

        assertThat(themesNamedBy("Sensorik, Winterdienst Hessen"))
                .containsExactly("Sensorik,=[sensors]", "Winterdienst=[winter-service]");
        assertThat(themesNamedBy("Verkehr & ÖPNV Ulm")).as("the whole name wins over its parts")
                .containsExactly("Verkehr & ÖPNV=[mobility]");
        assertThat(themesNamedBy("Digitale Verwaltung")).containsExactly("Digitale Verwaltung=[administration]");
        assertThat(ItemQuery.parse(Map.of("q", "Parkhaus Frankfurt"), VOCABULARY).qThemes().names()).isEmpty();
    }

    private static List<String> themesNamedBy(String q) {
        return ItemQuery.parse(Map.of("q", q), VOCABULARY).qThemes().names().stream()
                .map(name -> name.words() + "=" + name.themes()).toList();
    }

    @Test
    void themeFieldAndStateMustBeKnown() {
        assertThat(ItemQuery.parse(Map.of("theme", "parking", "field", "Mobilität", "state", "Baden-Württemberg"), VOCABULARY))
                .extracting(ItemQuery::theme, ItemQuery::field, ItemQuery::state)
                .containsExactly(Optional.of("parking"), Optional.of("Mobilität"), Optional.of("Baden-Württemberg"));
        assertThatThrownBy(() -> ItemQuery.parse(Map.of("theme", "Parken"), VOCABULARY))
                .hasMessageStartingWith("Parameter 'theme'");
        assertThatThrownBy(() -> ItemQuery.parse(Map.of("state", "BW"), VOCABULARY))
                .hasMessageStartingWith("Parameter 'state'");
    }

    @Test
    void aDeepPageIsRefusedPointingToTheCursor() {
        assertThatThrownBy(() -> ItemQuery.parse(Map.of("page", "501", "size", "20"), VOCABULARY))
                .hasMessageStartingWith("Parameter 'page': too deep").hasMessageContaining("cursor");
    }

    @Test
    void aCursorCarriesTheWholeSearch() {
        ItemQuery first = ItemQuery.parse(Map.of("q", "Winterdienst", "state", "Hessen", "from", "2026-11-01", "size", "10"),
                VOCABULARY);
        String cursor = new ItemCursor(first.searchParameters(), List.of(3.5, 1_763_000_000_000L, "abc"), null, 2, 10).encode();

        ItemQuery next = ItemQuery.parse(Map.of("cursor", cursor), VOCABULARY);

        assertThat(next.q()).contains("Winterdienst");
        assertThat(next.state()).contains("Hessen");
        assertThat(next.from()).isEqualTo(first.from());
        assertThat(next.sort()).isEqualTo(ItemQuery.Sort.RELEVANCE);
        assertThat(next.size()).isEqualTo(10);
        assertThat(next.page()).isEqualTo(2);
        assertThat(next.cursor().orElseThrow().searchAfter()).extracting(value -> value._get().toString())
                .containsExactly("3.5", "1763000000000", "abc");
        assertThat(ItemQuery.parse(Map.of("cursor", cursor, "size", "50"), VOCABULARY).size()).isEqualTo(50);
    }

    @Test
    void aCursorGoesAloneOrWithSize() {
        String cursor = new ItemCursor(Map.of("sort", "date", "size", "20"), List.of(1L, "a"), null, 2, 20).encode();
        Map<String, String> withQuery = new LinkedHashMap<>(Map.of("cursor", cursor, "q", "Parken"));

        assertThatThrownBy(() -> ItemQuery.parse(withQuery, VOCABULARY))
                .hasMessageStartingWith("Parameter 'q': not together with 'cursor'");
    }

    @Test
    void somethingElseThanACursorIsRefused() {
        String notJson = "bm90IGpzb24";
        String page = new ItemCursor(Map.of("page", "3"), List.of(1L), null, 2, 20).encode();

        for (String cursor : List.of("%%%", notJson, page)) {
            assertThatThrownBy(() -> ItemQuery.parse(Map.of("cursor", cursor), VOCABULARY)).as(cursor)
                    .hasMessageStartingWith("Parameter 'cursor': not a cursor this API handed out");
        }
    }
}
